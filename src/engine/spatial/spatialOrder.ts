/**
 * An order of points that keeps neighbours together: by cells of a grid over their
 * bounding box (about 200 m at Chongqing's latitude, coarser when there are very many
 * points), row by row, in the given order within a cell. Queries made in this order find
 * their answers near the previous one's (a seed for {@link NodeIndex.nearest}) and touch
 * memory that is still in cache. Non-finite points come first. Deterministic.
 *
 * @param lon longitudes, degrees
 * @param lat latitudes, degrees
 * @returns point indices in spatial order
 */
export function spatialOrder(lon: Float64Array, lat: Float64Array): Uint32Array {
  const n = lon.length;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = lon[i];
    const y = lat[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2 || !(maxX >= minX)) return order;
  // cell key × n + index must stay below 2^53 (exact in a double): at most 2^52 / n cells
  const maxCells = Math.floor(2 ** 52 / n);
  let cell = 0.002; // degrees
  const cells = (c: number) => (Math.floor((maxX - minX) / c) + 1) * (Math.floor((maxY - minY) / c) + 1);
  while (cells(cell) > maxCells) cell *= 2;
  const cols = Math.floor((maxX - minX) / cell) + 1;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = lon[i];
    const y = lat[i];
    const key = Number.isFinite(x) && Number.isFinite(y) ? 1 + Math.floor((y - minY) / cell) * cols + Math.floor((x - minX) / cell) : 0;
    keys[i] = key * n + i;
  }
  keys.sort();
  for (let j = 0; j < n; j++) order[j] = keys[j] % n;
  return order;
}
