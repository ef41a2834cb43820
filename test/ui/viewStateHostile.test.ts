import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, MAX_URL_TEXT, formatView, parseCamera, parseView } from '../../src/state/viewState';

/** Every parameter with hostile values: each falls back to its default, the others still apply. */
describe('hostile link parameters are ignored, one at a time', () => {
  it.each([
    '-5/95/200',
    '1e308/1e308/1e308',
    '12/29.5/106.5/3',
    '12/29.5',
    'NaN/29.5/106.5',
    'Infinity/29.5/106.5',
    '23/29.5/106.5',
    '12/86/106.5',
    '12/29.5/181',
    '0x10/29.5/106.5',
    '12//106.5',
    '',
    '12/29.5/106.5e2',
  ])('map=%s gives no camera', (m) => {
    expect(parseView(`?map=${m}&service=childcare`).camera).toBeNull();
    expect(parseView(`?map=${m}&service=childcare`).service).toBe('childcare');
  });

  it('keeps a camera in range', () => {
    expect(parseCamera('14.25/29.55678/106.57712')).toEqual({ zoom: 14.25, lat: 29.55678, lon: 106.57712 });
    expect(parseCamera('0/-85.05/-180')).toEqual({ zoom: 0, lat: -85.05, lon: -180 });
  });

  it('sel: unknown kind, empty id, control characters, bidi overrides or an over-long id give no selection', () => {
    for (const sel of ['x:1', ':1', 'c:', 'c', `c:${'9'.repeat(MAX_URL_TEXT + 1)}`, 'c:a%00b', 'c:a%1Bb', 'c:%E2%80%AEabc', 's:%0A']) {
      expect(parseView(`?sel=${sel}`).selection, sel).toBeNull();
    }
    expect(parseView(`?sel=c:${'9'.repeat(MAX_URL_TEXT)}`).selection?.id).toHaveLength(MAX_URL_TEXT);
    expect(parseView('?sel=c:<img src=x onerror=alert(1)>').selection).toEqual({ kind: 'community', id: '<img src=x onerror=alert(1)>' }); // text, never HTML
  });

  it('lang, service, measure, view, basemap, mode, layers: unknown values give the defaults', () => {
    const v = parseView('?lang=%00&service=__proto__&measure=constructor&view=admin&basemap=javascript:alert(1)&mode=teleport&layers=zz,%00');
    expect({ ...v, layers: DEFAULT_VIEW.layers }).toEqual(DEFAULT_VIEW);
    expect(Object.values(v.layers).every((x) => x === false)).toBe(true); // layers= given: only known codes turn on
  });

  it('data: paths, over-long names and encoded traversal are refused', () => {
    for (const d of ['../x', '..%2Fx', 'generated/../../x', '/etc', 'a'.repeat(65), 'generated/b200k/x', '%00'])
      expect(parseView(`?data=${d}`).dataset, d).toBe('sample');
    expect(parseView('?data=generated/b200k').dataset).toBe('generated/b200k');
  });

  it('lvl, rank, walk, pkg, project: hostile values give the defaults', () => {
    const v = parseView(`?lvl=x&rank=yes&walk=1e308,1e308&pkg=${'a'.repeat(MAX_URL_TEXT + 1)}&project=../x`);
    expect([v.selectLevel, v.rankingOpen, v.walkPoint, v.pkg, v.project]).toEqual(['community', false, null, '', '']);
    expect(parseView('?walk=106.5').walkPoint).toBeNull();
    expect(parseView('?walk=106.5,95').walkPoint).toBeNull();
    expect(parseView('?pkg=a%0Ab').pkg).toBe('');
  });

  it('a malformed query (bad percent escapes, repeated keys) does not throw', () => {
    expect(() => parseView('?map=%E0%A4%A&sel=%&&&=&lang=en&lang=zh')).not.toThrow();
    expect(parseView('?lang=en&lang=zh').lang).toBe('en');
  });

  it('round-trips the click level, ranking table, walkshed point, package identity and project', () => {
    const v = {
      ...DEFAULT_VIEW,
      selectLevel: 'street' as const,
      rankingOpen: true,
      walkPoint: { lon: 106.577123, lat: 29.556789 },
      pkg: '渝中区示例~0a1b2c3d',
      project: 'k3j4h5g6f7d8s9a0',
    };
    const q = formatView(v);
    expect(q).toBe('?lvl=s&rank=1&walk=106.577123,29.556789&pkg=%E6%B8%9D%E4%B8%AD%E5%8C%BA%E7%A4%BA%E4%BE%8B%7E0a1b2c3d&project=k3j4h5g6f7d8s9a0');
    expect(parseView(q)).toEqual(v);
    expect(parseView('?lvl=d').selectLevel).toBe('district');
  });
});
