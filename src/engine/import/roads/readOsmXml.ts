import { SaxesParser } from 'saxes';
import { EngineError } from '../../errors';
import type { OsmData } from './osmData';

/** Read OSM XML (.osm, as exported by openstreetmap.org, JOSM or osmium) into nodes and ways (relations ignored). */
export function readOsmXml(bytes: Uint8Array, file: string): OsmData {
  const data: OsmData = { nodes: new Map(), ways: [] };
  const p = new SaxesParser();
  let node: { id: number; lon: number; lat: number; tags?: Record<string, string> } | null = null;
  let way: OsmData['ways'][number] | null = null;
  let root = false;
  p.on('error', (e) => {
    throw new EngineError('E_BAD_FILE', { file, detail: `OSM XML: ${e.message.slice(0, 100)}` });
  });
  p.on('opentag', (t) => {
    const a = t.attributes as Record<string, string>;
    if (t.name === 'osm') root = true;
    else if (t.name === 'node') node = { id: Number(a.id), lon: Number(a.lon), lat: Number(a.lat) };
    else if (t.name === 'way') way = { id: Number(a.id), nodes: [], tags: {} };
    else if (t.name === 'nd' && way) way.nodes.push(Number(a.ref));
    else if (t.name === 'tag') {
      if (way) way.tags[a.k] = a.v;
      else if (node) (node.tags ??= {})[a.k] = a.v;
    }
  });
  p.on('closetag', (t) => {
    if (t.name === 'node' && node) {
      if (Number.isFinite(node.id) && Number.isFinite(node.lon) && Number.isFinite(node.lat)) {
        data.nodes.set(node.id, node.tags ? { lon: node.lon, lat: node.lat, tags: node.tags } : { lon: node.lon, lat: node.lat });
      }
      node = null;
    } else if (t.name === 'way' && way) {
      data.ways.push(way);
      way = null;
    }
  });
  p.write(new TextDecoder().decode(bytes)).close();
  if (!root) throw new EngineError('E_BAD_FILE', { file, detail: 'no <osm> element: not an OSM XML file' });
  return data;
}
