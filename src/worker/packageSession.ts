import { createProvider, EngineError, loadPackage, resolvePolicy } from '../engine/index';
import type { DataPackage, DistanceMode, DistanceProvider, LoadPackageOptions, Policy } from '../engine/index';
import type { network } from '../engine/index';
import type { WaterCollection } from './protocol';
import { readWater } from './readWater';
import { fetchPackage } from './fetchPackage';

/**
 * The package a worker holds, shared by both workers: the engine worker (map, walksheds,
 * what-if) and the blueprint solver worker load a package and build its distance providers
 * through this one module (each worker has its own copy of the module state).
 */
export interface PackageSession {
  key: string;
  /** Changes whenever another package is loaded (the map refits and refills its sources only then). */
  id: number;
  pkg: DataPackage;
  /**
   * The package's files as loaded (the blueprint solver worker loads the same bytes); not kept for
   * a package served by this origin (its key is its URL): {@link sessionFiles} fetches them again.
   */
  files?: Record<string, Uint8Array>;
  policy: Policy;
  water?: WaterCollection;
  /** Distance providers per {@link modeKey}, built once. */
  providers: Map<string, DistanceProvider>;
  /** The mode of the latest analysis (walksheds follow it). */
  mode: DistanceMode;
  effort: boolean;
  facilitySnap?: network.GraphSnap;
}

let session: PackageSession | null = null;
let nextId = 1;

/** The cache key of a distance mode: 'euclidean', 'network', 'network+effort' or 'matrix' (effort only counts in network mode). */
export function modeKey(mode: DistanceMode, effort: boolean): string {
  return mode === 'network' && effort ? 'network+effort' : mode;
}

/** FNV-1a over the file names and bytes: the cache key of a package the user opened. */
export function filesKey(files: Record<string, Uint8Array>): string {
  let h = 0x811c9dc5;
  for (const name of Object.keys(files).sort()) {
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
    const b = files[name];
    for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 0x01000193);
  }
  return `files:${(h >>> 0).toString(16)}`;
}

/** True when the package under `key` is loaded already. */
export function hasPackage(key: string): boolean {
  return session?.key === key;
}

/**
 * The session of `key`: the cached one, or a new one parsed from `files`. `keepFiles` false (a
 * package served under the URL `key`): the bytes are not kept once parsed (53 MB at 1M buildings).
 * `load`: options of loadPackage (mapRun.ts hands it the roads read ahead).
 */
export function openPackage(key: string, files: Record<string, Uint8Array> | null, keepFiles = true, load?: LoadPackageOptions): PackageSession {
  if (session?.key === key) return session;
  if (!files) throw new EngineError('E_MISSING_FILE', { file: 'manifest.json' });
  const pkg = loadPackage(files, load);
  session = {
    key,
    id: nextId++,
    pkg,
    files: keepFiles ? files : undefined,
    policy: resolvePolicy(pkg),
    water: readWater(files['water.geojson'], pkg.manifest.crs),
    providers: new Map(),
    mode: 'euclidean',
    effort: false,
  };
  return session;
}

/** The provider of a mode, built on first use and kept (the walking graph and building snaps are reused); the session's mode becomes this one. */
export function providerFor(s: PackageSession, mode: DistanceMode, effort: boolean): DistanceProvider {
  const key = modeKey(mode, effort);
  let p = s.providers.get(key);
  if (!p) {
    p = createProvider(s.pkg, mode, s.policy, mode === 'network' ? effort : undefined);
    s.providers.set(key, p);
  }
  s.mode = mode;
  s.effort = mode === 'network' && effort;
  return p;
}

/** The loaded package session, or null before the first run. */
export function currentPackage(): PackageSession | null {
  return session;
}

/** The loaded package session; E_NO_DATA before the first run. */
export function requirePackage(): PackageSession {
  if (!session) throw new EngineError('E_NO_DATA');
  return session;
}

/**
 * The files of a session: the kept bytes, or (a served package) fetched again from its URL.
 * `fresh`: true when the bytes are this call's own (the caller may transfer them).
 */
export async function sessionFiles(s: PackageSession): Promise<{ files: Record<string, Uint8Array>; fresh: boolean }> {
  if (s.files) return { files: s.files, fresh: false };
  return { files: await fetchPackage(s.key), fresh: true };
}
