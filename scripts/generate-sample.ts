/**
 * Command line of the sample-data generator.
 *
 *   npm run generate-sample                       # the bundled 渝中 sample → data/sample/
 *   npm run generate-sample -- --buildings 200000 --out data/generated/b200k [--districts N] [--no-roads] [--seed N]
 *   npm run generate-sample -- --city --out data/generated/city1m [--buildings 1000000] [--cells 250000]   # main urban area, real district outlines
 *
 * Progress goes to stderr. The API is in scripts/sample/index.ts.
 */
import { pathToFileURL } from 'node:url';
import { DEFAULT_BUILDINGS, DEFAULT_SEED, type SampleOptions, writeSample } from './sample/index';

export { generateSample, planSample, writeSample, DEFAULT_SEED, DEFAULT_BUILDINGS } from './sample/index';
export type { SampleOptions, SampleStats } from './sample/index';

const USAGE = 'usage: generate-sample [--seed N] [--buildings N] [--districts N] [--no-roads] [--city [--cells N]] [--out DIR]';

export function parseArgs(argv: string[]): { opts: SampleOptions; out: string } {
  const opts: SampleOptions = { seed: DEFAULT_SEED, buildings: DEFAULT_BUILDINGS, roads: true };
  let out = 'data/sample';
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    const num = () => {
      const v = Number(argv[++k]);
      if (!Number.isInteger(v) || v < 0) throw new Error(`${a} needs a non-negative integer\n${USAGE}`);
      return v;
    };
    if (a === '--seed') opts.seed = num();
    else if (a === '--buildings') opts.buildings = num();
    else if (a === '--districts') opts.districts = Math.max(1, num());
    else if (a === '--no-roads') opts.roads = false;
    else if (a === '--city') opts.city = true;
    else if (a === '--cells') opts.cityCells = Math.max(100, num());
    else if (a === '--out') out = argv[++k];
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${a}\n${USAGE}`);
  }
  if (opts.city && !argv.includes('--buildings')) opts.buildings = 1_000_000;
  return { opts, out };
}

async function main() {
  let parsed;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  const t0 = performance.now();
  const stats = await writeSample({ ...parsed.opts, onProgress: (m) => console.error(m) }, parsed.out);
  console.error(
    `done in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${parsed.out}: ${stats.communities} communities, ` +
      `${stats.buildings} buildings, ${stats.households} households, ${stats.facilities} facilities, ${stats.candidates} candidates, ` +
      `${stats.roadFeatures} road features / ${stats.roadVertices} vertices, components ${stats.roadComponents.join(',')}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
