import type { Feature, LineString } from 'geojson';
import type { OsmData } from './osmData';

/** `highway` values kept as walkable, with the contract `kind` each becomes. */
export const WALKABLE_HIGHWAYS: Record<string, string> = {
  footway: 'footway',
  pedestrian: 'footway',
  living_street: 'footway',
  corridor: 'footway',
  path: 'path',
  steps: 'steps',
  elevator: 'elevator',
  residential: 'road',
  service: 'road',
  unclassified: 'road',
  tertiary: 'road',
  tertiary_link: 'road',
  secondary: 'road',
  secondary_link: 'road',
  primary: 'road',
  primary_link: 'road',
  trunk: 'road',
  trunk_link: 'road',
};

/** What the OSM conversion did, for import-report.json. */
export interface OsmNetworkReport {
  waysRead: number;
  waysKept: number;
  /** Ways dropped, by reason: not walkable, foot=no / access=no, fewer than 2 known nodes. */
  waysDropped: { notWalkable: number; noFoot: number; missingNodes: number };
  elevatorNodes: number;
  pieces: number;
  byKind: Record<string, number>;
}

/** Whether a way may be walked: a walkable highway, and not foot=no (nor access=no/private without a foot=yes-like tag). */
function walkable(tags: Record<string, string>): 'yes' | 'notWalkable' | 'noFoot' {
  const kind = WALKABLE_HIGHWAYS[tags.highway];
  if (!kind) return 'notWalkable';
  const foot = tags.foot;
  if (foot === 'no') return 'noFoot';
  if ((tags.access === 'no' || tags.access === 'private') && !['yes', 'designated', 'permissive'].includes(foot)) return 'noFoot';
  return 'yes';
}

function kindOf(tags: Record<string, string>): string {
  if (tags.highway === 'footway' && tags.footway === 'crossing') return 'crossing';
  return WALKABLE_HIGHWAYS[tags.highway];
}

/**
 * The walking network of an OSM extract as roads.geojson features (WGS84): walkable ways
 * (WALKABLE_HIGHWAYS, not foot=no) split at every node two ways share (and where a way
 * touches itself), so that lines meet only at their ends as the contract's graph expects.
 * `highway=steps` gives kind=steps, `highway=elevator` ways kind=elevator; at a
 * `highway=elevator` node the segments touching it become kind=elevator lines (the ride
 * into and out of the lift), the rest of each way keeping its own kind. Properties:
 * `id` (`w<way id>-<piece>`), `osm_way`, `kind`, `highway`, and `name` when tagged. Ways
 * are taken in file order and nodes a way names but the extract lacks cut the way there.
 */
export function osmWalkNetwork(osm: OsmData): { features: Feature<LineString>[]; report: OsmNetworkReport } {
  const report: OsmNetworkReport = {
    waysRead: osm.ways.length,
    waysKept: 0,
    waysDropped: { notWalkable: 0, noFoot: 0, missingNodes: 0 },
    elevatorNodes: 0,
    pieces: 0,
    byKind: {},
  };
  const kept: { id: number; runs: number[][]; tags: Record<string, string> }[] = [];
  const uses = new Map<number, number>();
  for (const w of osm.ways) {
    const ok = walkable(w.tags);
    if (ok !== 'yes') {
      report.waysDropped[ok]++;
      continue;
    }
    // runs of consecutive nodes the extract holds
    const runs: number[][] = [];
    let cur: number[] = [];
    for (const n of w.nodes) {
      if (osm.nodes.has(n)) cur.push(n);
      else {
        if (cur.length >= 2) runs.push(cur);
        cur = [];
      }
    }
    if (cur.length >= 2) runs.push(cur);
    if (runs.length === 0) {
      report.waysDropped.missingNodes++;
      continue;
    }
    kept.push({ id: w.id, runs, tags: w.tags });
    report.waysKept++;
    for (const run of runs) {
      run.forEach((n, i) => uses.set(n, (uses.get(n) ?? 0) + (i === 0 || i === run.length - 1 ? 2 : 1)));
    }
  }
  const isElevator = (n: number) => osm.nodes.get(n)?.tags?.highway === 'elevator';
  const elevators = new Set<number>();
  const features: Feature<LineString>[] = [];
  const emit = (w: (typeof kept)[number], nodes: number[], kind: string, k: number) => {
    const properties: Record<string, string | number> = { id: `w${w.id}-${k}`, osm_way: w.id, kind, highway: w.tags.highway };
    if (w.tags.name) properties.name = w.tags.name;
    const coordinates = nodes.map((n) => {
      const p = osm.nodes.get(n)!;
      return [p.lon, p.lat];
    });
    features.push({ type: 'Feature', properties, geometry: { type: 'LineString', coordinates } });
    report.byKind[kind] = (report.byKind[kind] ?? 0) + 1;
  };
  for (const w of kept) {
    const kind = kindOf(w.tags);
    let k = 0;
    for (const run of w.runs) {
      let start = 0;
      for (let i = 1; i < run.length; i++) {
        const n = run[i];
        const split = i === run.length - 1 || (uses.get(n) ?? 0) > 1 || isElevator(n) || isElevator(run[i + 1]) || (i - 1 === start && isElevator(run[start]));
        if (!split) continue;
        const piece = run.slice(start, i + 1);
        // a segment touching an elevator node is the lift itself
        const liftSeg = kind !== 'elevator' && piece.length === 2 && (isElevator(piece[0]) || isElevator(piece[1]));
        for (const e of piece) if (isElevator(e)) elevators.add(e);
        emit(w, piece, liftSeg ? 'elevator' : kind, k++);
        start = i;
      }
    }
  }
  report.elevatorNodes = elevators.size;
  report.pieces = features.length;
  return { features, report };
}
