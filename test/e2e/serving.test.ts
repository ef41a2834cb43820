import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { preview, type PreviewServer, type ViteDevServer } from 'vite';
import { ROOT, startServer } from './harness';

/** GET a raw path (not normalised: `/data/../package.json` reaches the server as written). */
function get(origin: string, path: string): Promise<{ status: number; body: string }> {
  const u = new URL(origin);
  return new Promise((res, rej) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (r) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => res({ status: r.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', rej);
    req.end();
  });
}

/** Repository paths that neither server may answer with their content. */
const PRIVATE = [
  '/package.json',
  '/data/../package.json',
  '/data/sample/../../package.json',
  '/data/%2e%2e/package.json',
  '/scripts/cli.ts',
  '/test/fixtures/tiny/manifest.json',
  '/data/reference/',
  '/.git/HEAD',
  '/vite.config.ts',
  '/README.md',
];

/** A package under data/generated to ask for: an existing one, or a copy of the tiny fixture made for this test. */
const GENERATED = join(ROOT, 'data', 'generated');
let made: string | null = null;
function generatedName(): string {
  if (existsSync(GENERATED)) {
    const have = readdirSync(GENERATED).find((d) => existsSync(join(GENERATED, d, 'manifest.json')));
    if (have) return have;
  }
  made = join(GENERATED, '__serving-test');
  mkdirSync(made, { recursive: true });
  cpSync(join(ROOT, 'test', 'fixtures', 'tiny'), made, { recursive: true });
  return '__serving-test';
}

describe('what the dev server and vite preview serve (issue 9 item 13)', () => {
  const gen = generatedName();
  afterAll(() => {
    if (made) rmSync(made, { recursive: true, force: true });
  });

  describe('dev server', () => {
    let server: ViteDevServer;
    let origin: string;
    beforeAll(async () => {
      ({ server, origin } = await startServer());
    });
    afterAll(async () => {
      await server?.close();
    });

    it('refuses repository files outside the app and the served packages', async () => {
      for (const p of PRIVATE) {
        const r = await get(origin, p);
        expect([403, 404], `${p} → ${r.status}`).toContain(r.status);
        expect(r.body).not.toContain('"devDependencies"');
      }
      // /@fs/ cannot reach outside the allowed folders either.
      const fs = await get(origin, `/@fs${ROOT}/package.json`);
      expect([403, 404]).toContain(fs.status);
    });

    it('serves the app, the sample and generated packages', async () => {
      const html = await get(origin, '/');
      expect(html.status).toBe(200);
      expect(html.body).toContain('/src/main.tsx');
      expect((await get(origin, '/src/main.tsx')).status).toBe(200);
      expect((await get(origin, '/@vite/client')).status).toBe(200);
      expect((await get(origin, '/favicon.svg')).status).toBe(200);
      const sample = await get(origin, '/data/sample/manifest.json');
      expect(sample.status).toBe(200);
      expect(JSON.parse(sample.body)).toHaveProperty('name');
      expect((await get(origin, '/data/sample/index.json')).status).toBe(200);
      expect((await get(origin, `/data/generated/${gen}/manifest.json`)).status).toBe(200);
    });
  });

  describe('vite preview', () => {
    let server: PreviewServer;
    let origin: string;
    let outDir: string;
    beforeAll(async () => {
      // A stand-in for dist/ (a real build takes minutes): preview must serve this folder only.
      outDir = mkdtempSync(join(tmpdir(), 'yulintu-preview-'));
      mkdirSync(join(outDir, 'data', 'sample'), { recursive: true });
      writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>dist</title>');
      writeFileSync(join(outDir, 'data', 'sample', 'manifest.json'), '{"name":"bundled"}');
      server = await preview({
        root: ROOT,
        configFile: join(ROOT, 'vite.config.ts'),
        logLevel: 'warn',
        build: { outDir },
        preview: { host: '127.0.0.1', port: 0, open: false },
      });
      origin = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await server?.close();
      rmSync(outDir, { recursive: true, force: true });
    });

    it('serves what the build contains and nothing else', async () => {
      const sample = await get(origin, '/data/sample/manifest.json');
      expect(sample.status).toBe(200);
      expect(JSON.parse(sample.body)).toEqual({ name: 'bundled' });
      for (const p of [`/data/generated/${gen}/manifest.json`, `/data/generated/${gen}/index.json`, `/data/generated/${gen}/buildings.csv`]) {
        expect((await get(origin, p)).status, p).toBe(404);
      }
      for (const p of PRIVATE.filter((x) => x !== '/data/reference/')) {
        const r = await get(origin, p);
        expect(r.status, p).toBe(404);
        expect(r.body, p).not.toContain('"devDependencies"');
      }
      expect((await get(origin, '/')).body).toContain('<title>dist</title>');
    });
  });
});
