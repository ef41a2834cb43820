/**
 * Kinds of walkable ways (the optional `kind` property of roads.geojson), stored as one
 * byte per half-edge. The index in this list is the code; any other value is `other` (0).
 * `kind` never changes a network-mode distance (DATA-FORMAT.md section 2); it is read only
 * by the walking-effort option ({@link buildEffortCosts}).
 */
export const EDGE_KINDS = ['other', 'footway', 'steps', 'elevator', 'crossing', 'road', 'path'] as const;

export type EdgeKind = (typeof EDGE_KINDS)[number];

/** Code of the kind `other`: unknown or missing `kind`. */
export const KIND_OTHER = 0;
export const KIND_FOOTWAY = 1;
/** Stairs (梯坎). */
export const KIND_STEPS = 2;
/** Lift (电梯), also an inclined lift or a vertical connection drawn as a short line. */
export const KIND_ELEVATOR = 3;
export const KIND_CROSSING = 4;
export const KIND_ROAD = 5;
export const KIND_PATH = 6;

const CODE = new Map<string, number>(EDGE_KINDS.map((k, i) => [k, i]));

/** The byte code of a `kind` property value; unknown, missing or non-string values give 0 (`other`). */
export function edgeKindCode(kind: unknown): number {
  if (typeof kind !== 'string') return KIND_OTHER;
  return CODE.get(kind.trim().toLowerCase()) ?? KIND_OTHER;
}

/**
 * Kinds the map draws as footways (its `paths` source, from the street zoom) rather than streets
 * (its `roads` source, from the city zoom). The map's source filters (src/map/networkLayers.ts)
 * and the engine worker's streets-only JSON (src/worker/buildMapData.ts streetsOnly) both read
 * them, and must agree: {@link isPathKind}.
 */
export const PATH_KINDS = ['footway', 'path', 'crossing', 'steps', 'elevator'] as const;

/**
 * Whether a `kind` is one of {@link PATH_KINDS} as the map's maplibre filter reads it
 * (`['downcase', ['to-string', ['coalesce', ['get', 'kind'], '']]]` in the list): lower-cased and
 * not trimmed (unlike {@link edgeKindCode}); a value that is not a string never is one.
 */
export function isPathKind(kind: unknown): boolean {
  return typeof kind === 'string' && (PATH_KINDS as readonly string[]).includes(kind.toLowerCase());
}
