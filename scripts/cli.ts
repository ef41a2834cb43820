/**
 * Command line of 渝邻图 (DATA-FORMAT.md section 4): a dispatcher. Each command is a module
 * in scripts/commands/ exporting `run(argv)` (the words after the command name) and,
 * optionally, its `usage` line; add a command with one line in {@link COMMANDS}.
 *   npm run cli -- analyze   --data DIR --out OUTDIR [--mode euclidean|network|matrix] [--policy FILE]
 *   npm run cli -- optimize  --data DIR --service CODE --sites K --out FILE.json [--mode …] [--policy FILE]
 *   npm run cli -- blueprint --data DIR --out OUTDIR [--district NAME] [--street NAME] [--sites K] [--budget WAN]
 * Exit status: 0 done, 2 a missing/unreadable file or column or a bad argument, 1 anything else.
 */
import { closest } from './lib/closest';
import { UsageError } from './lib/UsageError';

/** What a command module exports. */
export interface CommandModule {
  run(argv: readonly string[]): void | Promise<void>;
  usage?: string;
}

/** The commands, loaded when called. */
const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  analyze: () => import('./commands/analyze'),
  optimize: () => import('./commands/optimize'),
  blueprint: () => import('./commands/blueprint'),
  publish: () => import('./commands/publish').then((m) => ({ run: (argv) => m.runPublish([...argv]), usage: m.usage })),
  pilots: () => import('./commands/pilots'),
  import: () => import('./commands/import').then((m) => ({ run: (argv) => m.runImport([...argv]), usage: m.usage })),
};

const USAGE = `用法 / usage: npm run cli -- <${Object.keys(COMMANDS).join('|')}> --flag value …`;

/** Words that ask for help instead of running: alone (the commands) or after a command (its flags). */
const HELP = new Set(['--help', '-h', 'help']);

/** `cli --help`: the usage line, each command's flags on request, and the exit statuses. */
const OVERVIEW = `${USAGE}
  npm run cli -- <命令 command> --help    该命令的参数 / that command's flags
退出状态 / exit status: 0 完成 done · 2 文件、列或参数有误 a missing/unreadable file or column, or a bad argument · 1 其他错误 anything else
`;

/** Both languages of a message, control characters escaped (the message may quote a data file or an argument). */
function bilingual(escapeControl: (s: string) => string, zh: string, en: string, code?: string): string {
  const tag = code ? ` ${code}` : '';
  return `错误${tag}: ${escapeControl(zh)}\nerror${tag}: ${escapeControl(en)}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  let mod: CommandModule | undefined;
  try {
    if (name === undefined) throw new UsageError('U_NO_COMMAND', '');
    if (HELP.has(name)) {
      process.stdout.write(OVERVIEW);
      return 0;
    }
    if (!Object.hasOwn(COMMANDS, name)) throw new UsageError('U_UNKNOWN_COMMAND', name, closest(name, Object.keys(COMMANDS)));
    mod = await COMMANDS[name]();
    if (rest.some((word) => word === '--help' || word === '-h')) {
      process.stdout.write(`用法 / usage:\n  ${mod.usage ?? USAGE}\n`);
      return 0;
    }
    await mod.run(rest);
    return 0;
  } catch (e) {
    // The engine is loaded here, not at the top: `--help` then loads a few kB, not the whole engine (build-cli.mjs splitting).
    const { EngineError, escapeControl } = await import('../src/engine/index');
    if (e instanceof EngineError) {
      process.stderr.write(bilingual(escapeControl, e.messageIn('zh'), e.messageIn('en'), e.code));
      return 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`${bilingual(escapeControl, e.messageIn('zh'), e.messageIn('en'))}${mod?.usage ? `用法 / usage:\n  ${mod.usage}` : USAGE}\n`);
      return 2;
    }
    process.stderr.write(`unexpected error: ${(e as Error).stack ?? e}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
