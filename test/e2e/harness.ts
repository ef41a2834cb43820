import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { DataPackage } from '../../src/engine/index';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/lib/chromium';

/** Re-exported for the tests that start Chromium themselves (scripts/lib/chromium.ts). */
export { CHROMIUM, CHROMIUM_ARGS };
export const hasChromium = existsSync(CHROMIUM);
export const ROOT = resolve(import.meta.dirname, '../..');

/** Start the app's Vite dev server on a free localhost port. */
export async function startServer(): Promise<{ server: ViteDevServer; origin: string }> {
  const server = await createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, open: false },
    clearScreen: false,
  });
  await server.listen();
  const addr = server.httpServer!.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${addr.port}` };
}

/** Launch Debian's Chromium headless with a fresh profile. */
export async function launch(viewport = { width: 1440, height: 900 }): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'yulintu-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport,
    locale: 'zh-CN',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where test artefacts (screenshots) go; gitignored. */
export function artefactDir(): string {
  const dir = join(ROOT, 'test-results');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A dev server and a browser page, with every request and page error recorded. */
export interface BrowserSession {
  server: ViteDevServer;
  origin: string;
  context: BrowserContext;
  page: Page;
  requests: string[];
  pageErrors: string[];
  /** Close the browser and the server. */
  close: () => Promise<void>;
}

/** Wait until the app has its data (`__yulintuReady`) and has drawn the map with it (`__yulintuIdle`). */
export async function mapReady(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __yulintuReady?: number }).__yulintuReady, null, { timeout });
  await page.waitForFunction(() => (window as unknown as { __yulintuIdle?: number }).__yulintuIdle, null, { timeout });
}

/** The box of the first element matching `selector`, px; throws when it has none (not rendered). */
export async function boxOf(page: Page, selector: string, timeout = 120_000): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await page.locator(selector).first().boundingBox({ timeout }); // the page may be held by the GPU process a while
  if (!b) throw new Error(`${selector} has no box`);
  return b;
}

/** Start the dev server and Chromium, and open a page that records requests and page errors. */
export async function openSession(): Promise<BrowserSession> {
  const { server, origin } = await startServer();
  const { context, close } = await launch();
  const requests: string[] = [];
  const pageErrors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return {
    server,
    origin,
    context,
    page,
    requests,
    pageErrors,
    close: async () => {
      await close();
      await server.close();
    },
  };
}

/** The (district, street) holding the most candidate sites of a package. */
export function streetWithMostCandidates(pkg: DataPackage): { district: string; name: string } {
  const counts = new Map<string, number>();
  for (const c of pkg.candidates) {
    if (c.community < 0) continue;
    const k = `${pkg.communities[c.community].district}\u0000${pkg.communities[c.community].street}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const [district, name] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0].split('\u0000');
  return { district, name };
}
