import { closest } from './closest';
import { UsageError } from './UsageError';

/**
 * A command's flags by name (without `--`): 'value' flags take one argument, 'switch' flags none,
 * 'repeat' flags take one argument and may be given again (every value kept, in order), and
 * 'switch-or-value' flags take an argument when the next word is not a flag.
 */
export type FlagSpec = Readonly<Record<string, 'value' | 'switch' | 'repeat' | 'switch-or-value'>>;

/** Parsed flags of one command; every flag in it is one the command knows. */
export class Args {
  constructor(
    private readonly values: ReadonlyMap<string, string>,
    private readonly switches: ReadonlySet<string>,
    private readonly repeated: ReadonlyMap<string, readonly string[]> = new Map(),
  ) {}

  /** Every value of a 'repeat' flag, in the order given (empty when not given). */
  all(flag: string): readonly string[] {
    return this.repeated.get(flag) ?? [];
  }

  /** True when the value flag was given. */
  has(flag: string): boolean {
    return this.values.has(flag);
  }

  /** The value of a flag, undefined when not given. */
  get(flag: string): string | undefined {
    return this.values.get(flag);
  }

  /** The value of a required flag; a missing one is a usage error naming it. */
  need(flag: string): string {
    const v = this.values.get(flag);
    if (v === undefined) throw new UsageError('U_MISSING_FLAG', `--${flag}`);
    return v;
  }

  /** True when the switch was given. */
  on(flag: string): boolean {
    return this.switches.has(flag);
  }
}

/**
 * Read `--flag value`, `--flag=value` and `--switch` words against a command's spec. An
 * unknown flag (with the closest known one as a hint), a stray argument, a flag given twice,
 * a value flag without its value or a switch with one throws a {@link UsageError}.
 */
export function parseArgs(argv: readonly string[], spec: FlagSpec): Args {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  const repeated = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--') || a === '--') throw new UsageError('U_STRAY_ARGUMENT', a);
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    const kind = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (kind === undefined) {
      const hint = closest(name, Object.keys(spec));
      throw new UsageError('U_UNKNOWN_FLAG', `--${name}`, hint && `--${hint}`);
    }
    if (values.has(name) || switches.has(name)) throw new UsageError('U_REPEATED_FLAG', `--${name}`);
    if (kind === 'repeat') {
      const list = repeated.get(name) ?? [];
      repeated.set(name, list);
      if (eq > 0) {
        if (eq === a.length - 1) throw new UsageError('U_MISSING_VALUE', `--${name}`);
        list.push(a.slice(eq + 1));
        continue;
      }
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError('U_MISSING_VALUE', `--${name}`);
      list.push(next);
      i++;
    } else if (kind === 'switch-or-value') {
      const next = argv[i + 1];
      if (eq > 0) values.set(name, a.slice(eq + 1));
      else if (next !== undefined && !next.startsWith('--')) {
        values.set(name, next);
        i++;
      } else switches.add(name);
    } else if (kind === 'switch') {
      if (eq > 0) throw new UsageError('U_SWITCH_VALUE', a);
      switches.add(name);
    } else if (eq > 0) {
      if (eq === a.length - 1) throw new UsageError('U_MISSING_VALUE', `--${name}`);
      values.set(name, a.slice(eq + 1));
    } else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError('U_MISSING_VALUE', `--${name}`);
      values.set(name, next);
      i++;
    }
  }
  return new Args(values, switches, repeated);
}
