/**
 * Positions handed to deck.gl already projected to its common space (Web Mercator, a 512-unit
 * world; deck's `COORDINATE_SYSTEM.CARTESIAN` in a geospatial view), instead of longitude and
 * latitude. deck projects `lnglat` positions in the vertex shader (`project_mercator_`: a log and
 * a polynomial tangent per vertex); below zoom 12, and above it for every point more than 0.25°
 * of latitude from the view's centre, every vertex of every instance pays it. Under software
 * WebGL (SwiftShader) that made the 21k facility dots of the 1M city ~0.4–0.6 s of each frame at
 * the city extent; preprojected, the shader's work is an addition and a multiplication, exact at
 * every zoom (deck keeps the 64-bit low parts of `cartesian` positions and offsets them from the
 * view's centre from zoom 12, as it does for `lnglat`).
 *
 * CPU picking (cpuPicking.ts) reads the layers' positions as drawn: it maps the pointer into
 * this space for layers with `coordinateSystem: 'cartesian'` ({@link commonView}).
 */

/** A map's projection, screen pixels ↔ [lon, lat] (cpuPicking.ts PickView, the same shape: declared here, so the two modules do not import each other). */
interface PickView {
  project(lon: number, lat: number): [number, number];
  unproject(x: number, y: number): [number, number];
}

/** deck.gl's world size (TILE_SIZE of @math.gl/web-mercator): common units across the whole map. */
const WORLD = 512;
const DEG = Math.PI / 180;
/** Web Mercator's latitude limit. */
const MAX_LAT = 85.051129;

/** deck's common x of a longitude (lngLatToWorld of @math.gl/web-mercator). */
export function commonX(lon: number): number {
  return (WORLD * (lon * DEG + Math.PI)) / (2 * Math.PI);
}

/** deck's common y of a latitude (north is up: y grows northwards), clamped to Web Mercator's range. */
export function commonY(lat: number): number {
  const phi = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * DEG;
  return (WORLD * (Math.PI + Math.log(Math.tan(Math.PI / 4 + phi / 2)))) / (2 * Math.PI);
}

/** [lon, lat] of a common-space point (the inverse of {@link commonX}, {@link commonY}). */
export function lonLatOfCommon(x: number, y: number): [number, number] {
  const lon = ((x * 2 * Math.PI) / WORLD - Math.PI) / DEG;
  const lat = (2 * Math.atan(Math.exp((y * 2 * Math.PI) / WORLD - Math.PI)) - Math.PI / 2) / DEG;
  return [lon, lat];
}

/** Props of a deck layer whose positions are in common space ({@link toCommon}, {@link commonPositions}). */
export const PREPROJECTED = { coordinateSystem: 'cartesian' } as const;

/** A [lon, lat] point in common space. */
export function toCommon(lon: number, lat: number): [number, number] {
  return [commonX(lon), commonY(lat)];
}

const positionsCache = new WeakMap<Float32Array | Float64Array, Float64Array>();

/**
 * Interleaved [lon, lat] pairs projected to common space, once per array (the same array between
 * renders, so deck keeps its buffer). Float64: deck splits them into 32-bit high and low parts.
 */
export function commonPositions(lonLat: Float32Array | Float64Array): Float64Array {
  let out = positionsCache.get(lonLat);
  if (!out) {
    out = new Float64Array(lonLat.length);
    for (let k = 0; k + 1 < lonLat.length; k += 2) {
      out[k] = commonX(lonLat[k]);
      out[k + 1] = commonY(lonLat[k + 1]);
    }
    positionsCache.set(lonLat, out);
  }
  return out;
}

/** Per object list: each object's common-space position, by index (accessors read it instead of projecting per render). */
const objectCache = new WeakMap<readonly object[], Float64Array>();

/**
 * An accessor of common-space positions for `data` (objects with `lon`, `lat`), projected once per
 * array: `getPosition` of a {@link PREPROJECTED} layer.
 */
export function commonPositionOf<T extends { lon: number; lat: number }>(data: readonly T[]): (d: T, info: { index: number }) => [number, number] {
  let xy = objectCache.get(data);
  if (!xy) {
    xy = new Float64Array(2 * data.length);
    for (let i = 0; i < data.length; i++) {
      xy[2 * i] = commonX(data[i].lon);
      xy[2 * i + 1] = commonY(data[i].lat);
    }
    objectCache.set(data, xy);
  }
  const a = xy;
  return (_d, { index }) => [a[2 * index], a[2 * index + 1]];
}

/**
 * The map's projection for a layer drawn in common space: pixels ↔ common x, y. CPU picking
 * answers such layers through it exactly as through the map's own (lon, lat) view.
 */
export function commonView(view: PickView): PickView {
  return {
    project: (x, y) => view.project(...lonLatOfCommon(x, y)),
    unproject: (px, py) => {
      const [lon, lat] = view.unproject(px, py);
      return toCommon(lon, lat);
    },
  };
}
