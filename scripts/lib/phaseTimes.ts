/**
 * Phase times on stderr for profiling the command line: with YULINTU_CLI_TIMES=1, `mark(label)`
 * writes the wall time (ms) since the process started and the process's CPU time (ms, all
 * threads) at that point; otherwise it does nothing.
 */
const on = process.env.YULINTU_CLI_TIMES === '1';

/** Write one phase mark (see the module comment). */
export function mark(label: string, thread = 'main'): void {
  if (!on) return;
  const u = process.cpuUsage();
  process.stderr.write(
    `time ${thread} ${label}: wall ${Math.round(performance.timeOrigin + performance.now() - START)} ms, cpu ${Math.round((u.user + u.system) / 1000)} ms\n`,
  );
}

/** The process's start (ms since the epoch): the wall times count from here in every thread. */
const START = on ? Date.now() - process.uptime() * 1000 : 0;
