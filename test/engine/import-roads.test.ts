/**
 * The OSM walking network: the hand-written blocks.osm (and the same data as .osm.pbf)
 * with steps, a lift node and a lift way, elevations from the fixture DEM
 * (elevation = 200 + 10·col + 5·row m, pixels of 0.0005° from (106.5500, 29.5620)).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRoads, loadPackage } from '../../src/engine/index';
import { readDem } from '../../src/engine/import/index';
import { FIXTURES } from '../helpers/fixtures';

const OFFICE = join(FIXTURES, 'import-office', 'office');
const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(OFFICE, name))) });

/** The DEM's plane at a point, by hand: pixel centres at 106.55025 + 0.0005·col, 29.56175 − 0.0005·row. */
const plane = (lon: number, lat: number) => 200 + 10 * ((lon - 106.55) / 0.0005 - 0.5) + 5 * ((29.562 - lat) / 0.0005 - 0.5);

describe('OSM walking network', async () => {
  const xml = await importRoads(file('blocks.osm'), { dem: file('dem.tif') });
  const byId = new Map(xml.features.map((f) => [f.properties!.id as string, f]));

  it('keeps walkable ways, drops foot=no, motorways, buildings and ways without nodes', () => {
    expect(xml.report.osm).toEqual({
      waysRead: 10,
      waysKept: 6,
      waysDropped: { notWalkable: 2, noFoot: 1, missingNodes: 1 },
      elevatorNodes: 1,
      pieces: 13,
      byKind: { road: 8, steps: 1, elevator: 3, crossing: 1 },
    });
  });

  it('splits ways at shared nodes so lines meet only at their ends', () => {
    // 下半城路 1-2-3-11-12 is cut at 2 (stairs), 3 (footway), 11 (lift way): four pieces
    expect(['w100-0', 'w100-1', 'w100-2', 'w100-3'].map((id) => byId.get(id)!.geometry.coordinates.map((p) => [p[0], p[1]]))).toEqual([
      [
        [106.551, 29.56],
        [106.552, 29.56],
      ],
      [
        [106.552, 29.56],
        [106.553, 29.56],
      ],
      [
        [106.553, 29.56],
        [106.554, 29.56],
      ],
      [
        [106.554, 29.56],
        [106.555, 29.56],
      ],
    ]);
    expect(byId.has('w100-4')).toBe(false);
  });

  it('maps steps to kind=steps and lifts (node and way) to kind=elevator', () => {
    expect(byId.get('w102-0')!.properties).toEqual({ id: 'w102-0', osm_way: 102, kind: 'steps', highway: 'steps', name: '十八梯' });
    expect(byId.get('w102-0')!.geometry.coordinates).toHaveLength(4); // inner stair nodes 4, 5 are shared by no other way
    // the footway 3-6-9 through the lift node 6: both segments are the lift
    expect(['w103-0', 'w103-1'].map((id) => byId.get(id)!.properties!.kind)).toEqual(['elevator', 'elevator']);
    expect(byId.get('w104-0')!.properties!.kind).toBe('elevator');
    expect(byId.get('w105-0')!.properties!.kind).toBe('crossing');
  });

  it('takes elevations from the DEM (bilinear, hand-computed on its plane)', () => {
    // node 1 (106.5510, 29.5600): col 1.5, row 3.5 → 200 + 15 + 17.5 = 232.5 m
    expect(byId.get('w100-0')!.geometry.coordinates[0]).toEqual([106.551, 29.56, 232.5]);
    // node 4 (106.5520, 29.5597): col 3.5, row 4.1 → 200 + 35 + 20.5 = 255.5 m
    expect(byId.get('w102-0')!.geometry.coordinates[1]).toEqual([106.552, 29.5597, 255.5]);
    for (const f of xml.features) for (const p of f.geometry.coordinates as number[][]) expect(p[2]).toBeCloseTo(plane(p[0], p[1]), 6);
    expect(xml.report.dem).toMatchObject({ verticesWithElevation: 28, verticesOutside: 0, crs: 'WGS84', width: 12, height: 10 });
  });

  it('reads the same network from .osm.pbf, byte for byte', async () => {
    const pbf = await importRoads(file('blocks.osm.pbf'), { dem: file('dem.tif') });
    expect(pbf.report.format).toBe('osm.pbf');
    expect(Buffer.from(pbf.bytes).equals(Buffer.from(xml.bytes))).toBe(true);
  });

  it('writes roads.geojson the contract loader accepts', () => {
    const pkg = loadPackage({
      'manifest.json': new TextEncoder().encode('{"name":"r","crs":"WGS84"}'),
      'communities.geojson': new TextEncoder().encode('{"type":"FeatureCollection","features":[]}'),
      'buildings.csv': new TextEncoder().encode('id,lon,lat,households\n'),
      'facilities.csv': new TextEncoder().encode('id,name,lon,lat,area_m2,services\n'),
      'roads.geojson': xml.bytes,
    });
    expect(pkg.rejected).toEqual([]);
    expect(pkg.roads!.features).toHaveLength(13);
  });

  it('returns null outside the DEM', async () => {
    const dem = await readDem(file('dem.tif').bytes, 'dem.tif');
    expect(dem.sample(106.54, 29.56)).toBeNull();
    expect(dem.sample(106.5525, 29.5595)).toBeCloseTo(plane(106.5525, 29.5595), 9);
  });
});
