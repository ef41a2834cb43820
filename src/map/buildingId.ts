import type { BuildingArrays } from '../worker/protocol';

/** The id of building `k` from the packed ids (BuildingArrays.idText / idStart); '' out of range. */
export function buildingId(b: Pick<BuildingArrays, 'count' | 'idText' | 'idStart'>, k: number): string {
  if (!(k >= 0 && k < b.count)) return '';
  return b.idText.slice(b.idStart[k], b.idStart[k + 1]);
}
