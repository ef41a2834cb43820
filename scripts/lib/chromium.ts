/**
 * The project's one way of starting a browser: Debian's Chromium, headless, with software WebGL
 * (SwiftShader) and no background network. Used by the browser tests (test/e2e/harness.ts), the
 * UI benchmark (scripts/bench-ui.ts) and the UI profiler (scripts/profile-ui.ts).
 */

/** Path of Debian's Chromium (`apt-get install -y chromium fonts-noto-cjk`). */
export const CHROMIUM = '/usr/bin/chromium';

/** Launch flags: headless Debian Chromium, software WebGL (SwiftShader), no background network. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
