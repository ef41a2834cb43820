/**
 * Network mode on the tiny package with three ways (test/fixtures/tiny-network): a west
 * road, a stairway over a 60 m hill, an east road, all at latitude 29.555 but the hill top.
 */
import { describe, expect, it } from 'vitest';
import { analyze, haversineM, loadPackage, mergePolicy, resolvePolicy } from '../../src/engine/index';
import { fixtureFiles, run } from '../helpers/fixtures';

const H = haversineM;
const overHill = H(106.505, 29.555, 106.51, 29.558) + H(106.51, 29.558, 106.515, 29.555);

describe('network mode (contract section 2)', () => {
  const { pkg, a } = run(fixtureFiles('tiny-network'), 'network');
  it('snaps, walks the shortest path and snaps back; the three parts add up', () => {
    // b3 sits on the node (106.515, 29.555); f2 is 22.24 m north of it
    expect(a.coverage[1].distanceM[2]).toBeCloseTo(H(106.515, 29.555, 106.515, 29.5552), 6);
    // b1 → f1: both on / near node (106.505, 29.555): 0 + 0 + 55.6 m
    expect(a.coverage[0].distanceM[0]).toBeCloseTo(H(106.505, 29.555, 106.505, 29.5555), 6);
    // b1 → f2 over the hill ≈ 1197 m: beyond health's 1000 m, though the straight line is 968 m
    expect(overHill + H(106.515, 29.555, 106.515, 29.5552)).toBeGreaterThan(1000);
    expect(a.coverage[5].distanceM[0]).toBe(Infinity);
    const straight = run(fixtureFiles('tiny-network'), 'euclidean').a;
    expect(straight.coverage[5].covered[0]).toBe(1);
    expect(a.communities[0].coverage[5]).toBe(0);
  });

  it('measures the whole path when the threshold allows', () => {
    const policy = mergePolicy(resolvePolicy(pkg), { thresholdsM: { health: 2000 } });
    const b = analyze(pkg, { mode: 'network', policy });
    expect(b.coverage[5].distanceM[0]).toBeCloseTo(overHill + H(106.515, 29.555, 106.515, 29.5552), 6);
    // b2 in A's hole snaps to the hill top (106.510, 29.558), 155 m away: hill → east node → f2
    const b2 = H(106.5085, 29.5585, 106.51, 29.558) + H(106.51, 29.558, 106.515, 29.555) + H(106.515, 29.555, 106.515, 29.5552);
    expect(b.coverage[5].distanceM[1]).toBeCloseTo(b2, 6);
  });

  it('leaves buildings beyond maxSnapM out of range and counts them', () => {
    // b4, b6, b7 are more than 500 m from every node
    expect(a.summary.unsnappedBuildings).toBe(3);
    for (const i of [3, 5, 6]) for (const c of a.coverage) expect(c.distanceM[i]).toBe(Infinity);
    // with maxSnapM 2000, b7 (106.506, 29.545) snaps to (106.505, 29.555), 1117 m away
    const far = analyze(pkg, { mode: 'network', policy: mergePolicy(resolvePolicy(pkg), { maxSnapM: 2000 }) });
    expect(far.summary.unsnappedBuildings).toBe(1); // b6 only
  });

  it('walking effort makes the stairway cost more than its length', () => {
    const policy = mergePolicy(resolvePolicy(pkg), { thresholdsM: { health: 5000 } });
    const plain = analyze(pkg, { mode: 'network', policy });
    const effort = analyze(pkg, { mode: 'network', policy, effort: true });
    expect(effort.summary.effort).toBe(true);
    expect(effort.coverage[5].distanceM[0]).toBeGreaterThan(plain.coverage[5].distanceM[0] * 1.2);
    // on the flat the two agree: b3 → f2 is snap legs only
    expect(effort.coverage[5].distanceM[2]).toBeCloseTo(plain.coverage[5].distanceM[2], 9);
  });

  it('network mode without roads.geojson is E_NO_ROADS', () => {
    const pkg2 = loadPackage(fixtureFiles('tiny'));
    expect(() => analyze(pkg2, { mode: 'network', policy: resolvePolicy(pkg2) })).toThrow(/roads.geojson/);
  });
});
