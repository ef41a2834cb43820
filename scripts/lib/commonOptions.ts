import { EngineError, decodeText, parsePolicyOverride, type DistanceMode, type PolicyOverride } from '../../src/engine/index';
import type { Args, FlagSpec } from './args';
import { readDataFile } from './readDataFile';
import { UsageError } from './UsageError';

/** Flags every data command takes. */
export const DATA_FLAGS = { data: 'value', out: 'value', mode: 'value', policy: 'value', effort: 'switch' } as const satisfies FlagSpec;

/** --mode euclidean|network|matrix, default euclidean. */
export function readMode(args: Args): DistanceMode {
  const m = args.get('mode') ?? 'euclidean';
  if (m !== 'euclidean' && m !== 'network' && m !== 'matrix') throw new UsageError('U_BAD_VALUE', `--mode ${m}`, 'euclidean | network | matrix');
  return m;
}

/** --effort: walking effort, network mode only. */
export function readEffort(args: Args, mode: DistanceMode): boolean {
  const effort = args.on('effort');
  if (effort && mode !== 'network') throw new UsageError('U_BAD_VALUE', '--effort', '--effort goes with --mode network');
  return effort;
}

/** --policy FILE: a policy override, decoded as the package's own policy.json is; undefined when not given. */
export function readPolicyFile(args: Args): PolicyOverride | undefined {
  const file = args.get('policy');
  if (file === undefined) return undefined;
  const bytes = readDataFile(file);
  if (!bytes) throw new EngineError('E_MISSING_FILE', { file, field: '--policy' });
  // UTF-8 with or without BOM (Notepad writes one), or GBK
  const { text } = decodeText(bytes, file);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new EngineError('E_BAD_JSON', { file, detail: (e as Error).message.slice(0, 120) });
  }
  return parsePolicyOverride(raw, file);
}

/** --time-limit S: seconds ≥ 0, or undefined when not given. */
export function readTimeLimit(args: Args): number | undefined {
  const v = args.get('time-limit');
  if (v === undefined) return undefined;
  const s = Number(v);
  if (v.trim() === '' || !Number.isFinite(s) || s < 0) throw new UsageError('U_BAD_VALUE', `--time-limit ${v}`, 'seconds ≥ 0');
  return s;
}
