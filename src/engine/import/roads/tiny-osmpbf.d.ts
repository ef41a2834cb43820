declare module 'tiny-osmpbf' {
  interface OsmPbfElement {
    type: 'node' | 'way' | 'relation';
    id: number;
    lat?: number;
    lon?: number;
    nodes?: number[];
    tags?: Record<string, string>;
  }
  function tinyosmpbf(data: Uint8Array, handler?: (e: OsmPbfElement) => void): { elements?: OsmPbfElement[] };
  export default tinyosmpbf;
}
