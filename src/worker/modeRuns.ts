import type { Analysis, DistanceMode, DistanceProvider } from '../engine/index';
import { rememberAnalysis } from './blueprintApi';
import { currentPackage, modeKey, providerFor, type PackageSession } from './packageSession';

/**
 * The analyses of the loaded package per distance mode, kept so that switching back to a mode
 * computed before needs no new analysis: the main thread keeps that mode's MapData
 * (src/client/modeRunCache.ts) and the worker only makes the mode's analysis the current one
 * again (what-if edits, blueprints and walksheds follow it). Dropped with the package.
 */
const runs = new WeakMap<PackageSession, Map<string, { analysis: Analysis; provider: DistanceProvider }>>();

/** Keep the analysis of `mode` for the package of `session`. */
export function keepRun(session: PackageSession, mode: DistanceMode, effort: boolean, analysis: Analysis, provider: DistanceProvider): void {
  let m = runs.get(session);
  if (!m) runs.set(session, (m = new Map()));
  m.set(modeKey(mode, effort), { analysis, provider });
}

/**
 * Make the kept analysis of `mode` current again when the package under `key` is the loaded
 * one and that mode was analysed before. Returns false (and changes nothing) otherwise.
 */
export function reuseRun(key: string, mode: DistanceMode, effort: boolean): boolean {
  const s = currentPackage();
  if (!s || s.key !== key) return false;
  const r = runs.get(s)?.get(modeKey(mode, effort));
  if (!r) return false;
  providerFor(s, mode, effort); // the session's mode (walksheds follow it)
  rememberAnalysis(s.pkg, r.analysis, r.provider);
  return true;
}
