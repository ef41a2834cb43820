import { fromArrayBuffer } from 'geotiff';
import proj4 from 'proj4';
import { EngineError } from '../../errors';
import { epsgDefinition } from '../epsgDefinitions';

/** Elevation lookup: metres at a WGS84 point, or null outside the DEM or on no-data. */
export type DemSampler = (lon: number, lat: number) => number | null;

/**
 * Read a DEM GeoTIFF (first band, one image) with the geotiff library and return a
 * bilinear sampler over its pixel centres. The DEM may be geographic (EPSG:4326 / 4490)
 * or projected in a code of the built-in table (epsgDefinitions.ts); GDAL's no-data value
 * is honoured. An unreadable file or an unknown CRS is an EngineError naming it.
 */
export async function readDem(bytes: Uint8Array, file: string): Promise<{ sample: DemSampler; crs: string; width: number; height: number }> {
  let image;
  try {
    const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const tiff = await fromArrayBuffer(buf);
    image = await tiff.getImage();
  } catch (e) {
    throw new EngineError('E_BAD_FILE', { file, detail: `not a readable GeoTIFF (${(e as Error).message.slice(0, 80)})` });
  }
  const keys = image.getGeoKeys() ?? {};
  const code = Number(keys.ProjectedCSTypeGeoKey ?? keys.GeographicTypeGeoKey ?? 4326);
  const def = epsgDefinition(code);
  if (!def) throw new EngineError('E_UNKNOWN_CRS', { file, detail: `the DEM is in EPSG:${code}, not in the built-in table` });
  const conv = def === 'longlat' ? null : proj4('WGS84', def);
  const toDem = (x: number, y: number): number[] => (conv ? (conv.forward([x, y]) as number[]) : [x, y]);
  const [ox, oy] = image.getOrigin();
  const [rx, ry] = image.getResolution();
  const width = image.getWidth();
  const height = image.getHeight();
  const band = ((await image.readRasters({ samples: [0] })) as unknown as ArrayLike<number>[])[0];
  const noData = image.getGDALNoData();
  const at = (c: number, r: number) => {
    const v = band[r * width + c];
    return v === noData || !Number.isFinite(v) ? null : v;
  };
  const sample: DemSampler = (lon, lat) => {
    const [x, y] = toDem(lon, lat);
    // pixel-centre coordinates: pixel (c, r) covers [ox + c·rx, ox + (c+1)·rx)
    const fc = (x - ox) / rx - 0.5;
    const fr = (y - oy) / ry - 0.5;
    if (fc < -0.5 || fr < -0.5 || fc > width - 0.5 || fr > height - 0.5) return null;
    const c0 = Math.max(0, Math.min(width - 1, Math.floor(fc)));
    const r0 = Math.max(0, Math.min(height - 1, Math.floor(fr)));
    const c1 = Math.min(width - 1, c0 + 1);
    const r1 = Math.min(height - 1, r0 + 1);
    const tx = Math.max(0, Math.min(1, fc - c0));
    const ty = Math.max(0, Math.min(1, fr - r0));
    const v00 = at(c0, r0);
    const v10 = at(c1, r0);
    const v01 = at(c0, r1);
    const v11 = at(c1, r1);
    if (v00 === null || v10 === null || v01 === null || v11 === null) return null;
    return (v00 * (1 - tx) + v10 * tx) * (1 - ty) + (v01 * (1 - tx) + v11 * tx) * ty;
  };
  return { sample, crs: def === 'longlat' ? 'WGS84' : `EPSG:${code}`, width, height };
}
