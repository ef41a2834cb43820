/**
 * The CLI's communities.csv for the bundled sample package, checked against an independent
 * reading of the definitions (DATA-FORMAT.md section 2) for a few communities: raw CSV rows,
 * Turf's point-in-polygon and distance, all pairs — no engine code on the checking side.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import distance from '@turf/distance';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SAMPLE = join(ROOT, 'data', 'sample');
const SERVICES = ['elderly_care', 'childcare', 'after_school', 'meals', 'housekeeping', 'health', 'fitness', 'culture', 'play'];
const THRESHOLD: Record<string, number> = {
  elderly_care: 300,
  childcare: 300,
  after_school: 500,
  meals: 300,
  housekeeping: 500,
  health: 1000,
  fitness: 500,
  culture: 1000,
  play: 300,
};

const csv = (f: string) => Papa.parse<Record<string, string>>(readFileSync(join(SAMPLE, f), 'utf8'), { header: true, skipEmptyLines: true }).data;
const communities = JSON.parse(readFileSync(join(SAMPLE, 'communities.geojson'), 'utf8')).features;
const buildings = csv('buildings.csv');
const facilities = csv('facilities.csv').filter((f) => (f.status || 'open') === 'open');

function inCommunity(row: Record<string, string>, feature: Feature<Polygon | MultiPolygon, { id: string }>): boolean {
  if (row.community_id) return row.community_id === feature.properties.id;
  if (!booleanPointInPolygon([Number(row.lon), Number(row.lat)], feature)) return false;
  // a point in an earlier community's polygon belongs to that one (none overlap in the sample)
  return true;
}

const out = mkdtempSync(join(tmpdir(), 'yl-sample-'));
const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/cli.ts'), 'analyze', '--data', SAMPLE, '--out', out], {
  cwd: ROOT,
  encoding: 'utf8',
});
const rows = Papa.parse<Record<string, string>>(readFileSync(join(out, 'communities.csv'), 'utf8').replace(/^\uFEFF/, ''), {
  header: true,
  skipEmptyLines: true,
}).data;

const round4 = (v: number) => String(Math.round(v * 1e4) / 1e4);

describe('sample package, by the definitions', () => {
  it('runs', () => expect(run.status).toBe(0));
  it('has one row per community and every household', () => {
    expect(rows).toHaveLength(80);
    expect(rows.reduce((s, r) => s + Number(r.households), 0)).toBe(213950); // census 2020 家庭户数 of 渝中区
  });

  // the first community, the first one with no facility at all, and one from the middle of the file
  const noFacility = communities.find((c: Feature<Polygon | MultiPolygon, { id: string }>) => !facilities.some((f) => inCommunity(f, c)));
  const picks = [communities[0], noFacility, communities[41]].filter(Boolean);
  for (const feature of picks) {
    const id = feature.properties.id;
    it(`community ${id} ${feature.properties.name}`, () => {
      const row = rows.find((r) => r.id === id)!;
      const hh = feature.properties.households;
      const mine = facilities.filter((f) => inCommunity(f, feature));
      const area = mine.reduce((s, f) => s + Number(f.area_m2), 0);
      expect(row.households).toBe(String(hh));
      expect(row.facility_area_m2).toBe(round4(area));
      expect(row.area_per_100hh).toBe(hh > 0 ? round4((area * 100) / hh) : '');
      expect(row.shortfall_base_m2).toBe(round4(Math.max(0, (30 * hh) / 100 - area)));
      expect(row.shortfall_enhanced_m2).toBe(round4(Math.max(0, (80 * hh) / 100 - area)));
      const fns = SERVICES.filter((s) => mine.some((f) => f.services.split(';').includes(s)));
      expect(row.functions).toBe(fns.join(';'));
      const ylyx = fns.filter((s) => ['elderly_care', 'childcare', 'after_school', 'meals'].includes(s)).length;
      expect(row.meets_complex_rule).toBe(String(fns.length >= 3 && ylyx >= 2));
      expect(row.meets_basic_rule).toBe(String(ylyx >= 2));
      const bs = buildings.filter((b) => inCommunity(b, feature));
      const total = bs.reduce((s, b) => s + Number(b.households), 0);
      for (const s of SERVICES) {
        const offering = facilities.filter((f) => f.services.split(';').includes(s));
        let covered = 0;
        for (const b of bs) {
          const near = offering.some((f) => distance([Number(b.lon), Number(b.lat)], [Number(f.lon), Number(f.lat)], { units: 'meters' }) <= THRESHOLD[s]);
          if (near) covered += Number(b.households);
        }
        expect(row[`coverage_${s}`], s).toBe(total > 0 ? round4(covered / total) : '');
      }
    });
  }
});
