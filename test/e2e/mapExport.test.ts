/**
 * The map PNG export in Chromium (issue 9 item 17): the picture is the map plus a title band,
 * a legend column and a footer with the scale bar, source and date; the scale bar's length is the
 * one maplibre measures at the map's centre; file name and words follow the UI language.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { artefactDir, hasChromium, openSession, type BrowserSession } from './harness';
import { DECORATION, metresPerPixel, scaleBar } from '../../src/export/mapDecoration';

interface Stats {
  width: number;
  height: number;
  /** Non-white pixels of the regions asked for. */
  ink: Record<string, number>;
  /** Distinct colours (rgb/8) in the map region. */
  mapColours: number;
  /** Top edge of the scale bar (first dark pixel at x = margin + 1 below the map) and its dark run on that row. */
  barY: number;
  barPx: number;
}

/** Decode the PNG in the page and measure it. */
async function measure(page: Page, png: Buffer, regions: Record<string, [number, number, number, number]>, mapBottom: number): Promise<Stats> {
  return page.evaluate(
    async ({ b64, regions, mapBottom, margin }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, c.width, c.height).data;
      const at = (x: number, y: number) => (y * c.width + x) * 4;
      const ink: Record<string, number> = {};
      for (const [k, [x0, y0, w, h]] of Object.entries(regions)) {
        let n = 0;
        for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) if (px[at(x, y)] + px[at(x, y) + 1] + px[at(x, y) + 2] < 720) n++;
        ink[k] = n;
      }
      const colours = new Set<number>();
      const [mx, my, mw, mh] = regions.map;
      for (let y = my; y < my + mh; y += 3)
        for (let x = mx; x < mx + mw; x += 3) colours.add((px[at(x, y)] >> 3) * 1024 + (px[at(x, y) + 1] >> 3) * 32 + (px[at(x, y) + 2] >> 3));
      const dark = (x: number, y: number) => px[at(x, y)] < 90 && px[at(x, y) + 1] < 90 && px[at(x, y) + 2] < 90;
      let barY = -1;
      for (let y = mapBottom + 2; y < c.height; y++)
        if (dark(margin + 1, y)) {
          barY = y;
          break;
        }
      let barPx = 0;
      if (barY >= 0) while (dark(margin + barPx, barY)) barPx++;
      return { width: c.width, height: c.height, ink, mapColours: colours.size, barY, barPx };
    },
    { b64: png.toString('base64'), regions, mapBottom, margin: DECORATION.margin },
  );
}

describe.skipIf(!hasChromium)('map PNG export in headless Chromium', () => {
  let s: BrowserSession;

  beforeAll(async () => {
    s = await openSession();
    await s.page.goto(`${s.origin}/`, { timeout: 120_000 });
    await s.page.waitForFunction(() => (window as unknown as { __yulintuReady?: number }).__yulintuReady, null, { timeout: 120_000 });
    await s.page.waitForFunction(() => (window as unknown as { __yulintuIdle?: number }).__yulintuIdle, null, { timeout: 120_000 });
  }, 240_000);

  afterAll(async () => {
    await s?.close();
  });

  async function exportPng(lang: 'zh' | 'en'): Promise<{ png: Buffer; name: string }> {
    const { page } = s;
    const [dl] = (await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-png').click()])) as [Download, void];
    const { readFileSync } = await import('node:fs');
    const png = readFileSync((await dl.path())!);
    writeFileSync(join(artefactDir(), `map-export-${lang}.png`), png);
    return { png, name: dl.suggestedFilename() };
  }

  it('exports the map with title, legend, scale bar, north arrow, source and date (zh, then en)', async () => {
    const { page } = s;
    await page.getByTestId('blueprint-toggle').click();
    await page.locator('[data-tab="export"]').click();
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') await page.getByTestId('lang-switch').click();
      const view = await page.evaluate(() => {
        const map = (
          window as unknown as {
            __yulintuMap: {
              getCanvas(): HTMLCanvasElement;
              getCenter(): { lat: number };
              getZoom(): number;
              unproject(p: [number, number]): { distanceTo(o: unknown): number };
            };
          }
        ).__yulintuMap;
        const c = map.getCanvas();
        return { w: c.width, h: c.height, cssW: c.clientWidth, lat: map.getCenter().lat, zoom: map.getZoom() };
      });
      expect(view.w).toBe(view.cssW); // pixel ratio 1 in the headless browser
      const { png, name } = await exportPng(lang);
      expect(name).toMatch(lang === 'zh' ? /^渝邻图_地图_\d{4}-\d{2}-\d{2}\.png$/ : /^Yulintu_map_\d{4}-\d{2}-\d{2}\.png$/);
      // PNG signature and IHDR: the map plus the margins, the title band and the legend column
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      const D = DECORATION;
      const width = png.readUInt32BE(16);
      const height = png.readUInt32BE(20);
      expect(width).toBe(view.w + 3 * D.margin + D.column);
      const mapTop = D.margin + D.titleBand;
      const mapBottom = mapTop + view.h;
      expect(height).toBeGreaterThanOrEqual(mapBottom + 2 * D.margin + D.scaleBarHeight + D.font + 8);
      const colX = D.margin + view.w + D.margin;
      const st = await measure(
        page,
        png,
        {
          map: [D.margin, mapTop, view.w, view.h],
          title: [D.margin, D.margin, 400, D.titleBand - 8],
          north: [colX, mapTop, D.northArrow, D.northArrow],
          legend: [colX, mapTop + D.northArrow + D.margin, D.column, 300],
          footer: [D.margin + D.scaleMax + 2 * D.margin, height - 70, 400, 54],
        },
        mapBottom,
      );
      expect([st.width, st.height]).toEqual([width, height]);
      expect(st.mapColours).toBeGreaterThan(20); // the map, not a blank frame
      expect(st.ink.title).toBeGreaterThan(300);
      expect(st.ink.north).toBeGreaterThan(80);
      expect(st.ink.legend).toBeGreaterThan(2000);
      expect(st.ink.footer).toBeGreaterThan(300);
      // The scale bar: a round length for the centre latitude and zoom, as long as maplibre measures it
      const bar = scaleBar(metresPerPixel(view.lat, view.zoom), D.scaleMax);
      expect(st.barY).toBeGreaterThan(mapBottom);
      expect(Math.abs(st.barPx - bar.px)).toBeLessThanOrEqual(2);
      const maplibreMetres = await page.evaluate((px) => {
        const map = (
          window as unknown as { __yulintuMap: { getCanvas(): HTMLCanvasElement; unproject(p: [number, number]): { distanceTo(o: unknown): number } } }
        ).__yulintuMap;
        const c = map.getCanvas();
        const [x, y] = [c.clientWidth / 2, c.clientHeight / 2];
        return map.unproject([x - px / 2, y]).distanceTo(map.unproject([x + px / 2, y]));
      }, bar.px);
      expect(Math.abs(maplibreMetres - bar.metres) / bar.metres).toBeLessThan(0.005);
    }
    expect(s.pageErrors).toEqual([]);
  }, 240_000);

  it('exports an edited scenario as CSV and XLSX without a blueprint run, in the UI language (en, then zh)', async () => {
    const { page } = s;
    type W = {
      __yulintu: { getState(): { data: { candidates: { id: string; name: string }[] }; set(p: unknown): void } };
      __yulintuBp: { getState(): { scenarioRun: unknown; set(p: unknown): void } };
    };
    const cand = await page.evaluate(() => (window as unknown as W).__yulintu.getState().data.candidates[0]);
    await page.evaluate((id) => (window as unknown as W).__yulintu.getState().set({ selection: { kind: 'candidate', id } }), cand.id);
    await page.locator('[data-tab="scenario"]').click();
    await page.getByTestId('add-to-scenario').waitFor({ timeout: 60_000 });
    await page.getByTestId('add-to-scenario').click();
    await page.waitForFunction(() => (window as unknown as W).__yulintuBp.getState().scenarioRun !== null, null, { timeout: 60_000 });
    await page.locator('[data-tab="export"]').click();
    // the UI is in English after the first test
    const [csvDl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-scenario-csv').click()]);
    expect(csvDl.suggestedFilename()).toMatch(/^Yulintu_scenario_sites_\d{4}-\d{2}-\d{2}\.csv$/);
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync((await csvDl.path())!, 'utf8').split('\r\n');
    expect(lines[0]).toBe('\ufeffId,Name,Type,Bundle,Floor area (m²),Estimated cost (10k yuan),Longitude,Latitude,Compared with the blueprint');
    expect(lines[1].startsWith(`${cand.id},${cand.name},`)).toBe(true);
    expect(lines[1].endsWith(',Added')).toBe(true);
    expect(lines).toHaveLength(3); // header, one site, trailing empty
    await page.getByTestId('lang-switch').click();
    const [xDl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-scenario-xlsx').click()]);
    expect(xDl.suggestedFilename()).toMatch(/^渝邻图方案_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = readFileSync((await xDl.path())!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['方案点位', '方案效果']);
    expect(wb.worksheets[0].getCell('A2').value).toBe(cand.id);
    expect(wb.worksheets[0].getCell('I2').value).toBe('新增');
    expect(wb.worksheets[1].getCell('A2').value).toBe('养老服务步行覆盖率 (%)');
    expect(wb.worksheets[1].rowCount).toBe(24);
    expect(s.pageErrors).toEqual([]);
  }, 240_000);
});
