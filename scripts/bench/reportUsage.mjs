/* global process */
/**
 * Preloaded by scripts/bench-city.ts (`node --import …/reportUsage.mjs cmd`): on exit, prints the
 * process's CPU time (ms) and peak resident memory (KB) on stderr as `USAGE cpu=… rss=…`.
 */
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\nUSAGE cpu=${Math.round((u.userCPUTime + u.systemCPUTime) / 1000)} rss=${u.maxRSS}\n`);
});
