/** OpenStreetMap elements needed for a walking network: nodes with position and tags, ways with node refs and tags. */
export interface OsmData {
  nodes: Map<number, { lon: number; lat: number; tags?: Record<string, string> }>;
  ways: { id: number; nodes: number[]; tags: Record<string, string> }[];
}
