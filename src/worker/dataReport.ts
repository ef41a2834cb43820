import type { AnalysisSummary, DataPackage, EngineNote } from '../engine/index';
import type { DataNote, DataReport, FileCount } from './protocol';

/** An engine note as a data note: encoding and crs have their own UI wording, the rest keep their code. */
export function dataNoteOf(note: EngineNote): DataNote {
  if (note.code === 'N_GBK') return { kind: 'encoding', file: String(note.params.file), encoding: 'GBK' };
  if (note.code === 'N_CRS') return { kind: 'crs', from: String(note.params.from) };
  return { kind: 'engine', note };
}

/**
 * The data check of a loaded package and its latest analysis: accepted and rejected rows per
 * file, the loader's notes, buildings in no community and (network mode) buildings farther
 * than `maxSnapM` metres from the walking network.
 */
export function dataReport(pkg: DataPackage, summary: AnalysisSummary, maxSnapM: number): DataReport {
  const rejectedBy = new Map<string, number>();
  for (const r of pkg.rejected) rejectedBy.set(r.file, (rejectedBy.get(r.file) ?? 0) + 1);
  const files: FileCount[] = [];
  const add = (file: string, accepted: number, present: boolean) => {
    const rejected = rejectedBy.get(file) ?? 0;
    if (present || accepted > 0 || rejected > 0) files.push({ file, accepted, rejected });
  };
  add('communities.geojson', pkg.communities.length, true);
  add('buildings.csv', pkg.buildings.count, true);
  add('facilities.csv', pkg.facilities.length, true);
  add('candidates.csv', pkg.candidates.length, false);
  add('roads.geojson', pkg.roads?.features.length ?? 0, pkg.roads !== undefined);
  add('distances.csv', pkg.distances?.rows ?? 0, pkg.distances !== undefined);
  // a file the engine rejected rows of that is not listed above (future files) still shows
  for (const [file] of rejectedBy) if (!files.some((f) => f.file === file)) add(file, 0, true);

  const notes: DataNote[] = pkg.notes.map(dataNoteOf);
  if (summary.unassignedBuildings > 0) notes.push({ kind: 'unassigned', count: summary.unassignedBuildings });
  if (summary.unsnappedBuildings) notes.push({ kind: 'unsnapped', count: summary.unsnappedBuildings, maxSnapM });
  return { files, rejected: pkg.rejected, notes };
}
