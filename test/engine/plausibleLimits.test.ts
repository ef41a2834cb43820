/**
 * Issue 9 item 6: huge or absurd numbers are rejected with R_TOO_LARGE at the documented
 * plausibility limits (DATA-FORMAT.md section 1); the rest of the package goes on and the
 * totals stay finite.
 */
import { describe, expect, it } from 'vitest';
import { PLAUSIBLE_LIMITS, analyze, loadPackage, resolvePolicy, type PackageFiles } from '../../src/engine/index';
import { fixtureFiles, text, utf8 } from '../helpers/fixtures';

function tinyWith(files: Record<string, string>): PackageFiles {
  const out = { ...fixtureFiles('tiny') };
  for (const [k, v] of Object.entries(files)) out[k] = utf8(v);
  return out;
}
const tinyText = (file: string) => text(fixtureFiles('tiny')[file]);

describe('plausibility limits', () => {
  it('are the documented ones', () => {
    expect(PLAUSIBLE_LIMITS).toEqual({
      buildingHouseholds: 100_000,
      communityHouseholds: 1_000_000,
      communityPeople: 10_000_000,
      areaM2: 1_000_000,
      costWan: 1_000_000,
    });
  });

  it('buildings: 100,000 households load, 100,001 and 2^53+1 are rejected (not rounded), the rest load', () => {
    const csv =
      'id,lon,lat,households\nok,106.505,29.555,100000\nbig,106.505,29.555,100001\nhuge,106.505,29.555,9007199254740993\nfar,106.505,29.555,1e308\nlast,106.505,29.555,3\n';
    const pkg = loadPackage(tinyWith({ 'buildings.csv': csv }));
    expect(pkg.buildings.ids).toEqual(['ok', 'last']);
    expect(pkg.rejected.map((r) => [r.id, r.code, r.reason])).toEqual([
      ['big', 'R_TOO_LARGE', 'households 100001 is beyond the plausible limit 100000'],
      ['huge', 'R_TOO_LARGE', 'households 9007199254740993 is beyond 2^53 − 1 and cannot be held exactly'],
      ['far', 'R_TOO_LARGE', 'households 1e308 is beyond 2^53 − 1 and cannot be held exactly'],
    ]);
    // whole numbers are judged on the text: 2.5 is not whole, 7.000 is
    const p2 = loadPackage(tinyWith({ 'buildings.csv': 'id,lon,lat,households\na,106.505,29.555,2.5\nb,106.505,29.555,7.000\n' }));
    expect(p2.rejected.map((r) => [r.id, r.code])).toEqual([['a', 'R_NOT_INTEGER']]);
    expect(Array.from(p2.buildings.households)).toEqual([7]);
  });

  it('communities: households 1e308 (a JSON number) and "9007199254740993" (a string) are rejected, the summary stays finite', () => {
    const geo = JSON.parse(tinyText('communities.geojson'));
    geo.features[1].properties.households = 1e308;
    geo.features[2].properties.households = '9007199254740993';
    geo.features[0].properties.population = 10_000_001;
    const pkg = loadPackage(tinyWith({ 'communities.geojson': JSON.stringify(geo) }));
    expect(pkg.communities.map((c) => c.id)).toEqual([]);
    // (the rows that named A, B or C by community_id then name no community)
    expect(pkg.rejected.filter((r) => r.file === 'communities.geojson').map((r) => [r.id, r.field, r.code])).toEqual([
      ['A', 'population', 'R_TOO_LARGE'],
      ['B', 'households', 'R_TOO_LARGE'],
      ['C', 'households', 'R_TOO_LARGE'],
    ]);
    geo.features[0].properties.population = 2340;
    geo.features[2].properties.households = 1_000_000;
    const ok = loadPackage(tinyWith({ 'communities.geojson': JSON.stringify(geo) }));
    expect(ok.communities.map((c) => [c.id, c.households])).toEqual([
      ['A', 1000],
      ['C', 1_000_000],
    ]);
    const a = analyze(ok, { mode: 'euclidean', policy: resolvePolicy(ok) });
    expect(Number.isFinite(a.summary.totalShortfallBaseM2)).toBe(true);
    // C: 1,000,000 households × 30 m² / 100 − 0 m² of facilities = 300,000 m²
    expect(a.communities.find((c) => c.id === 'C')!.shortfallBaseM2).toBe(300_000);
  });

  it('facilities and candidates: area above 1,000,000 m² and cost above 1,000,000 万元 are rejected, the rest load', () => {
    const fac = `${tinyText('facilities.csv').trimEnd()}\nbigf,巨型设施,106.505,29.555,1e308,meals,,,,open\nedge,上限设施,106.505,29.555,1000000,meals,,,,open\n`;
    const cand = `${tinyText('candidates.csv').trimEnd()}\nbigc,巨型候选,106.505,29.555,1e15,other,state,,,\ndear,天价,106.505,29.555,100,other,state,1000001,,\n`;
    const pkg = loadPackage(tinyWith({ 'facilities.csv': fac, 'candidates.csv': cand }));
    expect(pkg.facilities.map((f) => f.id)).toEqual(['f1', 'f2', 'f3', 'f4', 'edge']);
    expect(pkg.candidates.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(pkg.rejected.map((r) => [r.file, r.id, r.field, r.code])).toEqual([
      ['facilities.csv', 'bigf', 'area_m2', 'R_TOO_LARGE'],
      ['candidates.csv', 'bigc', 'area_m2', 'R_TOO_LARGE'],
      ['candidates.csv', 'dear', 'cost_wan', 'R_TOO_LARGE'],
    ]);
  });
});
