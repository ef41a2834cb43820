import { analyze, loadPackage, resolvePolicy } from '../../src/engine/index';
import { mapDataFor } from '../helpers/mapDataFor';
import { square } from '../helpers/square';

const enc = new TextEncoder();

/**
 * A small in-memory package: three communities side by side (two streets, one district),
 * sharing edges so the street outline can be derived, a dozen buildings and four facilities.
 */
export function tinyPackageFiles(): Record<string, Uint8Array> {
  const d = 0.006;
  const communities = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { id: '500103001001', name: '较场口社区', street: '解放碑街道', district: '渝中区', households: 1200, population: 3000, elderly: 700 },
        geometry: square(106.57, 29.55, d),
      },
      {
        type: 'Feature',
        properties: { id: '500103001002', name: '民生路社区', street: '解放碑街道', district: '渝中区', households: 800 },
        geometry: square(106.57 + d, 29.55, d),
      },
      {
        type: 'Feature',
        properties: { id: '500103002001', name: '七星岗社区', street: '七星岗街道', district: '渝中区', households: 0 },
        geometry: square(106.57 + 2 * d, 29.55, d),
      },
    ],
  };
  const b: string[] = ['id,lon,lat,households'];
  let n = 0;
  for (let c = 0; c < 3; c++) {
    for (let k = 0; k < 4; k++) {
      b.push(`b${++n},${(106.5705 + c * d + (k % 2) * 0.004).toFixed(5)},${(29.5505 + Math.floor(k / 2) * 0.004).toFixed(5)},${50 + 10 * k + c}`);
    }
  }
  const facilities = [
    'id,name,lon,lat,area_m2,services,level,status',
    'f1,较场口养老服务站,106.5715,29.5515,300,elderly_care;meals;childcare,community,open',
    'f2,较场口健身点,106.5745,29.5545,60,fitness,compound,open',
    'f3,民生路托育园,106.5775,29.5525,900,childcare;after_school;health,street,open',
    'f4,七星岗规划站,106.5845,29.5525,500,elderly_care,community,planned',
  ];
  const candidates = ['id,name,lon,lat,area_m2,source,ownership,cost_wan', 'k1,闲置办公楼,106.5850,29.5530,650,idle_office,state,120'];
  return {
    'manifest.json': enc.encode(JSON.stringify({ name: '测试数据包', crs: 'WGS84', synthetic: true })),
    'communities.geojson': enc.encode(JSON.stringify(communities)),
    'buildings.csv': enc.encode(b.join('\n')),
    'facilities.csv': enc.encode(facilities.join('\n')),
    'candidates.csv': enc.encode(candidates.join('\n')),
  };
}

/** Run the real engine on the tiny package, and pack it for the map as the worker does. */
export function tinyMapData() {
  const pkg = loadPackage(tinyPackageFiles());
  const policy = resolvePolicy(pkg);
  const analysis = analyze(pkg, { mode: 'euclidean', policy });
  return { pkg, analysis, data: mapDataFor(pkg, analysis) };
}
