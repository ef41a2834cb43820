import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, formatView, parseView } from '../../src/state/viewState';

describe('the URL keeps the view', () => {
  it('defaults give an empty query', () => {
    expect(formatView(DEFAULT_VIEW)).toBe('');
    expect(parseView('')).toEqual(DEFAULT_VIEW);
  });

  it('round-trips selection, service, measure, language, layers, camera and public view', () => {
    const v = {
      ...DEFAULT_VIEW,
      lang: 'en' as const,
      service: 'childcare' as const,
      measure: 'shortfall' as const,
      selection: { kind: 'community' as const, id: '500103001001' },
      layers: { ...DEFAULT_VIEW.layers, buildings: true, facilities: false },
      camera: { lon: 106.57712, lat: 29.55678, zoom: 14.25 },
      view: 'public' as const,
    };
    const q = formatView(v);
    expect(q).toContain('sel=c:500103001001');
    expect(parseView(q)).toEqual(v);
  });

  it('keeps street names with Chinese text', () => {
    const v = { ...DEFAULT_VIEW, selection: { kind: 'street' as const, id: '解放碑街道' } };
    expect(parseView(formatView(v)).selection).toEqual({ kind: 'street', id: '解放碑街道' });
  });

  it('ignores unknown values and refuses data paths outside data/', () => {
    const v = parseView('?service=nope&measure=x&lang=fr&data=../../etc&basemap=google');
    expect(v).toEqual(DEFAULT_VIEW);
  });

  it('turns the online basemap on only by parameter, never in the public view', () => {
    expect(parseView('?basemap=osm').basemap).toBe('osm');
    expect(parseView('?view=public&basemap=osm').basemap).toBe('none');
    expect(parseView('?basemap=osm&view=public').basemap).toBe('none');
    expect(formatView({ ...DEFAULT_VIEW, view: 'public', basemap: 'tianditu' })).toBe('?view=public');
  });

  it('never reads or writes the 天地图 key in a link', () => {
    const v = parseView('?basemap=tianditu&tk=abc');
    expect(v.basemap).toBe('tianditu');
    expect(JSON.stringify(v)).not.toContain('abc');
    expect(formatView({ ...v, tk: 'secret' } as typeof v)).toBe('?basemap=tianditu');
  });
});
