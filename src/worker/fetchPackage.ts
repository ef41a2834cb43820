import { EngineError } from '../engine/index';
import type { ProgressCallback } from './protocol';

/**
 * Fetch every file listed in `<base>/index.json` from this origin, as bytes. `onFile` is called
 * with the files landed so far each time one lands (the engine worker reads the roads meanwhile).
 */
export async function fetchPackage(
  base: string,
  onProgress?: ProgressCallback,
  onFile?: (got: Readonly<Record<string, Uint8Array>>) => void,
): Promise<Record<string, Uint8Array>> {
  const root = base.endsWith('/') ? base : `${base}/`;
  const index = await fetch(`${root}index.json`);
  if (!index.ok) throw new EngineError('E_MISSING_FILE', { file: `${root}manifest.json` });
  const { files } = (await index.json()) as { files: string[] };
  const out: Record<string, Uint8Array> = {};
  let done = 0;
  await Promise.all(
    files.map(async (f) => {
      const r = await fetch(root + f);
      if (!r.ok) throw new EngineError('E_MISSING_FILE', { file: f });
      out[f] = new Uint8Array(await r.arrayBuffer());
      onProgress?.('fetch', ++done / files.length);
      onFile?.(out);
    }),
  );
  return out;
}
