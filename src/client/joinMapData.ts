import type { AnalysisMapData, MapData, MapRun, PackageMapData } from '../worker/protocol';

/**
 * One MapData from a package part and an analysis part (the worker's buildMapData.ts joins them
 * the same way; the page and the workers share no code). The package part's objects are kept
 * as they are, so deck.gl, which compares data by identity, re-tessellates nothing on a mode switch.
 */
export function joinMapData(p: PackageMapData, r: AnalysisMapData): MapData {
  const { covered, h3Uncovered, ...rest } = r;
  return { ...p, ...rest, buildings: { ...p.buildings, covered }, h3: { ...p.h3, uncovered: h3Uncovered } };
}

/** The package part the page holds (the last one the worker sent). */
let held: PackageMapData | null = null;

/** The packageId of the package part the page holds, to tell the worker not to send it again. */
export function heldPackageId(): number | undefined {
  return held?.packageId;
}

/** MapData of a run: its package part when sent (then held for later runs), else the held one. */
export function mapDataOf(m: MapRun): MapData {
  if (m.package) held = m.package;
  if (!held || held.packageId !== m.packageId) throw new Error(`map data of package ${m.packageId} was not sent`);
  return joinMapData(held, m.run);
}
