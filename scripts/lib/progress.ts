/** A progress line on stderr, rewritten in place on a terminal, else written at 0 % and 100 %. */
export function progress(stage: string, fraction: number): void {
  const line = `… ${stage} ${Math.round(fraction * 100)}%`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line.padEnd(40)}`);
  else if (fraction === 0 || fraction === 1) process.stderr.write(`${line}\n`);
}
