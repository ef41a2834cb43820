import { describe, expect, it } from 'vitest';
import { analyze, loadPackage, resolvePolicy } from '../../src/engine/index';
import { lookupCommunity, lookupRollup, panelIndex } from '../../src/state/panelIndex';
import { tinyMapData, tinyPackageFiles } from './tinyPackage';

describe('panel index (click → panel as a lookup)', () => {
  const data = tinyMapData();
  const a = data.analysis;

  it('maps each community to its street and district roll-up (hand-checked on the tiny package)', () => {
    const ix = panelIndex(a);
    const streetNames = Array.from(ix.streetOf, (s) => a.streets[s].name);
    expect(a.communities.map((c) => c.name)).toEqual(['较场口社区', '民生路社区', '七星岗社区']);
    expect(streetNames).toEqual(['解放碑街道', '解放碑街道', '七星岗街道']);
    expect(Array.from(ix.districtOf, (d) => a.districts[d].name)).toEqual(['渝中区', '渝中区', '渝中区']);
    expect(ix.streetOf).toBeInstanceOf(Int32Array);
    expect(panelIndex(a)).toBe(ix); // built once per analysis
  });

  it('gives the engine’s own CommunityResult and roll-ups, equal to a fresh engine run', () => {
    const pkg = loadPackage(tinyPackageFiles());
    const engine = analyze(pkg, { mode: 'euclidean', policy: resolvePolicy(pkg) });
    for (const c of engine.communities) {
      const hit = lookupCommunity(a, c.id)!;
      expect(hit.result).toEqual(c);
      expect(hit.street).toEqual(engine.streets.find((s) => s.name === c.street && s.district === c.district));
      expect(hit.district).toEqual(engine.districts.find((d) => d.name === c.district));
    }
    for (const s of engine.streets) expect(lookupRollup(a, 'street', s.name)).toEqual(s);
    for (const d of engine.districts) expect(lookupRollup(a, 'district', d.name)).toEqual(d);
    expect(lookupCommunity(a, 'no-such-id')).toBeNull();
    expect(lookupRollup(a, 'street', 'no such street')).toBeNull();
  });
});
