import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../src/i18n';
import { decorationLayout, fitText, metresPerPixel, scaleBar } from '../../src/export/mapDecoration';
import { isoDay, mapPictureText } from '../../src/export/mapPictureText';
import { DEFAULT_LAYERS } from '../../src/state/viewState';
import { SOURCE_COLORS } from '../../src/map/colors';
import type { LegendBlock } from '../../src/ui/legendBlocks';
import { tinyMapData } from './tinyPackage';

beforeAll(() => {
  initI18n('zh');
});

// Text widths of a monospace stand-in: half the font size per character.
const measure = (s: string, px: number) => ([...s].length * px) / 2;

describe('scale bar (issue 9 item 17)', () => {
  it('metres per pixel: 40,075,016.686 · cos(lat) / (512 · 2^zoom)', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78271.51696484, 6); // 40075016.686 / 512
    expect(metresPerPixel(60, 10)).toBeCloseTo(38.218514143, 8); // · 0.5 / 1024
    expect(metresPerPixel(29.55, 14)).toBeCloseTo(4.15590819, 7); // central Chongqing at zoom 14
  });

  it('rounds down to 1, 2, 3 or 5 × 10^n m within the longest bar', () => {
    // 60° N, zoom 10, 100 px: 3,821.85 m → 3 km, 3000 / 38.2185 = 78.50 px
    const b = scaleBar(metresPerPixel(60, 10), 100);
    expect(b.metres).toBe(3000);
    expect(b.label).toBe('3 km');
    expect(b.px).toBeCloseTo(78.496, 3);
    expect(scaleBar(1, 160)).toEqual({ metres: 100, px: 100, label: '100 m' }); // 160 m → 100 m
    expect(scaleBar(6.25, 160)).toEqual({ metres: 1000, px: 160, label: '1 km' }); // exactly 1,000 m
    expect(scaleBar(50, 160)).toEqual({ metres: 5000, px: 100, label: '5 km' }); // 8,000 m → 5 km
    expect(scaleBar(2, 160)).toEqual({ metres: 300, px: 150, label: '300 m' }); // 320 m → 300 m
    expect(scaleBar(0.001, 160)).toEqual({ metres: 0.1, px: 100, label: '0.1 m' }); // 0.16 m → 0.1 m
    // Chongqing, zoom 14, 160 px: 664.9 m → 500 m = 120.31 px
    const cq = scaleBar(metresPerPixel(29.55, 14), 160);
    expect(cq.metres).toBe(500);
    expect(cq.px).toBeCloseTo(500 / 4.15590819, 3);
  });
});

describe('fitText', () => {
  const m = (s: string) => [...s].length * 6;
  it('keeps what fits, cuts the rest with an ellipsis', () => {
    expect(fitText('养老服务', 24, m)).toBe('养老服务');
    expect(fitText('养老服务站点', 24, m)).toBe('养老服…'); // 3 chars + … = 24
    expect(fitText('abc', 5, m)).toBe('…');
  });
});

describe('decoration layout', () => {
  const legend: LegendBlock[] = [
    {
      id: 'communities',
      title: '覆盖率 · 养老服务',
      rows: [
        { key: '0', swatch: { color: [1, 2, 3, 255] }, label: '< 20%' },
        { key: '1', swatch: { color: SOURCE_COLORS.other, shape: 'diamond' }, label: 'x'.repeat(40) },
      ],
    },
  ];
  const base = {
    mapW: 800,
    mapH: 600,
    title: '渝中区',
    subtitle: '覆盖率 · 养老服务',
    legend,
    metresPerPx: 2,
    footer: ['数据来源：渝中区', '2026-11-30'],
    measure,
  };

  it('map plus margins: title band above, legend column right, footer below (hand-computed)', () => {
    const L = decorationLayout(base);
    // width = 16 + 800 + 16 + 240 + 16; map at (16, 16 + 60)
    expect(L.width).toBe(1088);
    expect(L.map).toEqual({ x: 16, y: 76, w: 800, h: 600 });
    // column at x = 832: north arrow 44 px, heading at 76 + 44 + 16 = 136, first block title at 160
    expect(L.north).toEqual({ cx: 854, cy: 98, size: 44 });
    expect(L.legendHeading).toEqual({ x: 832, y: 136 });
    expect(L.legend.map((l) => [l.kind, l.y])).toEqual([
      ['title', 160],
      ['row', 182],
      ['row', 202],
    ]);
    expect(L.legendBox).toEqual({ x: 832, y: 136, w: 240, h: 96 }); // to 202 + 20 + 10 = 232
    // the long label: from x = 854 to 1072 = 218 px at 6 px a character → 35 + "…"
    const row = L.legend[2];
    expect(row.kind === 'row' && row.text).toBe('x'.repeat(35) + '…');
    // footer under the map (676 + 16): scale bar 2 m/px → 300 m in 150 px; text from x = 16 + 160 + 32
    expect(L.scale).toEqual({ x: 16, y: 692, bar: { metres: 300, px: 150, label: '300 m' }, height: 6 });
    expect(L.footer).toEqual([
      { x: 208, y: 692, text: '数据来源：渝中区' },
      { x: 208, y: 709, text: '2026-11-30' },
    ]);
    // height = 692 + max(6 + 20, 2 · 17) + 16
    expect(L.height).toBe(742);
  });

  it('a legend taller than the map pushes the footer down; pixel ratio 2 doubles the decoration', () => {
    expect(decorationLayout({ ...base, mapH: 100 }).scale.y).toBe(248); // 232 + 16
    const L2 = decorationLayout({ ...base, mapW: 1600, mapH: 1200, ratio: 2, metresPerPx: 1 });
    expect(L2.width).toBe(2176); // 32 + 1600 + 32 + 480 + 32
    expect(L2.map).toEqual({ x: 32, y: 152, w: 1600, h: 1200 });
    expect(L2.scale.bar).toEqual({ metres: 300, px: 300, label: '300 m' }); // 320 px at 1 m/px
    expect(L2.height).toBe(152 + 1200 + 32 + 68 + 32);
  });
});

describe('the words around the exported map', () => {
  const { data } = tinyMapData();
  const inp = {
    data,
    layers: DEFAULT_LAYERS,
    measure: 'coverage' as const,
    service: 'elderly_care' as const,
    selection: null,
    publicView: false,
    basemap: 'none' as const,
    tk: '',
  };
  const day = new Date(2026, 10, 30, 9, 5);

  it('Chinese: package name, the measure and service shown, source, synthetic note, date', () => {
    const t = mapPictureText({ ...inp, manifest: data.manifest }, 'zh', day);
    expect(t.title).toBe('测试数据包');
    expect(t.subtitle).toBe('所选服务覆盖率 · 养老服务 / 街道与区县界线 / 现有设施');
    expect(t.legend.map((b) => b.id)).toEqual(['communities', 'outlines', 'facilities']);
    expect(t.legendHeading).toBe('图例');
    expect(t.footer).toEqual(['数据来源：测试数据包', '示例数据：几何为合成', '制图：渝邻图，2026-11-30']);
    expect(t.north).toBe('北');
  });

  it('English, with a manifest source and licence and the online basemap', () => {
    const manifest = { ...data.manifest, synthetic: false, source: '重庆市规划局 2025', licence: 'CC BY 4.0' };
    const t = mapPictureText({ ...inp, manifest, basemap: 'osm' }, 'en', day);
    expect(t.subtitle).toBe('Coverage of the service · Elderly care / Street and district outlines / Existing facilities');
    expect(t.footer).toEqual([
      'Data: 测试数据包; 重庆市规划局 2025; licence: CC BY 4.0',
      'Basemap: © OpenStreetMap contributors',
      'Made with Yulintu, 2026-11-30',
    ]);
    expect(t.north).toBe('N');
    expect(isoDay(new Date(2025, 0, 2))).toBe('2025-01-02');
  });
});
