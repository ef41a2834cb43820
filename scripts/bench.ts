export {};
/**
 * All benchmarks: `npm run bench` (or `npm run bench -- pip|analyze|h3|network|optimize|blueprint|import|city|ui`; city (1M buildings, minutes) and ui are not in the default run).
 * Seeded data, warm-up, medians, the naive approach side by side as a ratio.
 */
const which = process.argv[2];
const all = !which;
if (all || which === 'pip') (await import('./bench-pip')).main();
if (all || which === 'analyze') (await import('./bench-analyze')).main();
if (all || which === 'h3') (await import('./bench-h3')).main();
if (all || which === 'network') await (await import('./bench-network')).main();
if (all || which === 'optimize') await (await import('./bench-optimize')).main([]);
if (all || which === 'blueprint') await (await import('./bench-blueprint')).main([]);
if (all || which === 'import') await (await import('./bench-import')).main();
if (which === 'city') (await import('./bench-city')).main();
if (which === 'ui') await (await import('./bench-ui')).main([]);
