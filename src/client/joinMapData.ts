import type { AnalysisMapData, MapData, MapRun, PackageMapData } from '../worker/protocol';

/**
 * One MapData from a package part and an analysis part. The package part's objects are kept as
 * they are, so deck.gl, which compares data by identity, re-tessellates nothing on a mode switch.
 */
export function joinMapData(p: PackageMapData, r: AnalysisMapData): MapData {
  const { covered, ...rest } = r;
  return { ...p, ...rest, buildings: { ...p.buildings, covered } };
}

/** The package part the page holds (the last one the worker sent). */
let held: PackageMapData | null = null;

/** The packageId of the package part the page holds, to tell the worker not to send it again. */
export function heldPackageId(): number | undefined {
  return held?.packageId;
}

/** Keep a package part the worker sent ahead of its analysis (the run's answer will not carry it). */
export function holdPackage(p: PackageMapData): void {
  held = p;
}

/** MapData of a run: its package part when sent (then held for later runs), else the held one. */
export function mapDataOf(m: MapRun): MapData {
  if (m.package) held = m.package;
  if (!held || held.packageId !== m.packageId) throw new Error(`map data of package ${m.packageId} was not sent`);
  return joinMapData(held, m.run);
}
