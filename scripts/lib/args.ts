/** Parse `--key value` pairs after the command word; flags without a value are 'true'. */
export function parseArgs(argv: string[]): { command: string | undefined; opts: Map<string, string> } {
  const [command, ...rest] = argv;
  const opts = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument '${a}'`);
    const eq = a.indexOf('=');
    if (eq > 0) opts.set(a.slice(2, eq), a.slice(eq + 1));
    else if (i + 1 < rest.length && !rest[i + 1].startsWith('--')) opts.set(a.slice(2), rest[++i]);
    else opts.set(a.slice(2), 'true');
  }
  return { command, opts };
}
