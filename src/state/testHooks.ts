/**
 * Test hooks: the browser tests and the UI benchmark read the app state and drive the map
 * through a few `window.__yulintu*` globals. They are set only where tests run: in the Vite dev
 * server (`import.meta.env.DEV`, which the browser tests use) or when the page URL carries an
 * explicit `test` parameter (`?test`, used by the benchmark on the production build). A normal
 * production page sets none of them, and no application code reads them.
 */
export function testHooksEnabled(): boolean {
  if (import.meta.env.DEV) return true;
  return typeof location !== 'undefined' && new URLSearchParams(location.search).has('test');
}

/** Expose `value` as `window[name]` for the tests, when {@link testHooksEnabled}. */
export function exposeForTests(name: '__yulintu' | '__yulintuBp' | '__yulintuMap', value: unknown): void {
  if (testHooksEnabled()) (globalThis as Record<string, unknown>)[name] = value;
}
