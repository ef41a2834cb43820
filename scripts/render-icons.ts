/**
 * Render the app icons of public/ (PNG) from their SVG sources with the browser tests' Chromium:
 *   npx tsx scripts/render-icons.ts
 * public/favicon.svg → icons/icon-192.png, icons/icon-512.png, icons/apple-touch-icon.png (180);
 * public/icons/icon-maskable.svg → icons/icon-maskable-512.png. Re-run after editing the SVGs.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const PUBLIC = resolve(import.meta.dirname, '..', 'public');
const JOBS: [svg: string, png: string, size: number][] = [
  ['favicon.svg', 'icons/icon-192.png', 192],
  ['favicon.svg', 'icons/icon-512.png', 512],
  ['favicon.svg', 'icons/apple-touch-icon.png', 180],
  ['icons/icon-maskable.svg', 'icons/icon-maskable-512.png', 512],
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  for (const [svg, png, size] of JOBS) {
    const src = `data:image/svg+xml;base64,${readFileSync(join(PUBLIC, svg)).toString('base64')}`;
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    await page.screenshot({ path: join(PUBLIC, png), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(`${png} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
