/** Timing helpers for the benchmark scripts: warm-up, then the median of several runs. */

export interface Timing {
  medianMs: number;
  minMs: number;
  runs: number;
}

/** Run `fn` once to warm up, then `runs` times; report median and minimum in ms. */
export function time<T>(fn: () => T, runs = 5, warmup = 1): Timing & { result: T } {
  let result = fn();
  for (let i = 1; i < warmup; i++) result = fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { medianMs: ms[Math.floor(ms.length / 2)], minMs: ms[0], runs, result };
}

/** Async variant of {@link time}. */
export async function timeAsync<T>(fn: () => Promise<T>, runs = 3, warmup = 1): Promise<Timing & { result: T }> {
  let result = await fn();
  for (let i = 1; i < warmup; i++) result = await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { medianMs: ms[Math.floor(ms.length / 2)], minMs: ms[0], runs, result };
}

/** Format milliseconds for a table. */
export const fmtMs = (ms: number): string =>
  ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;

/** Print an aligned table. */
export function table(rows: (string | number)[][]): void {
  const w = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const r of rows) console.log(r.map((v, c) => String(v).padEnd(w[c])).join('  '));
}
