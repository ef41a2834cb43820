import type { MapData } from '../worker/protocol';

/** FNV-1a, 32 bit, over bytes; continues from `h`. */
function fnvBytes(bytes: Uint8Array, h: number): number {
  let i = 0;
  // Four bytes per load where the view is aligned (little-endian, byte by byte as before): the same hash, a quarter of the reads.
  if ((bytes.byteOffset & 3) === 0 && bytes.length >= 16) {
    const w = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2);
    for (let k = 0; k < w.length; k++) {
      const x = w[k];
      h = Math.imul(h ^ (x & 255), 0x01000193);
      h = Math.imul(h ^ ((x >>> 8) & 255), 0x01000193);
      h = Math.imul(h ^ ((x >>> 16) & 255), 0x01000193);
      h = Math.imul(h ^ (x >>> 24), 0x01000193);
    }
    i = w.length << 2;
  }
  for (; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

const enc = new TextEncoder();
const fnvText = (s: string, h: number) => fnvBytes(enc.encode(s), h);

/** Longest manifest name kept in a package identity (characters). */
export const MAX_PACKAGE_NAME = 60;

/** What the identity is taken over: a package part (PackageMapData) has all of it, ahead of the analysis. */
export type IdentityInput = Pick<MapData, 'manifest' | 'communities' | 'facilities' | 'candidates'> & {
  buildings: Pick<MapData['buildings'], 'count' | 'position' | 'households'>;
};

/** Bytes of building arrays hashed between two yields of {@link hashSteps} (~5–20 ms of main thread). */
const BYTES_PER_STEP = 1 << 18;

/**
 * The identity of a loaded package, as links and projects carry it: `manifest name~hash`, the
 * hash (8 hex digits, FNV-1a 32) taken over the manifest, the community ids and names,
 * the building positions and households, and the facilities and candidates. Another
 * package, or the same name with other contents, gives another identity; a distance-mode switch
 * does not change it (nor is it hashed again: the package part's objects are the same, joinMapData.ts).
 */
export function packageIdentity(data: IdentityInput): string {
  const hit = cached(data);
  if (hit !== null) return hit;
  const steps = hashSteps(data);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return remember(data, r.value);
}

/**
 * The same identity taken in slices (each a task of its own, through `later`), so that a package
 * part can be hashed while its analysis runs: {@link packageIdentity} of the joined MapData then
 * finds it remembered.
 */
export async function packageIdentityInSlices(data: IdentityInput, later: () => Promise<void> = () => new Promise((r) => setTimeout(r, 0))): Promise<string> {
  const steps = hashSteps(data);
  for (let r = steps.next(); ; r = steps.next()) {
    if (r.done) return cached(data) ?? remember(data, r.value);
    await later();
  }
}

/** The last identity per building positions array, with the other objects it was taken over. */
const cache = new WeakMap<object, { manifest: object; communities: object; households: object; facilities: object; candidates: object; identity: string }>();

function cached(data: IdentityInput): string | null {
  const hit = cache.get(data.buildings.position);
  const same =
    hit &&
    hit.manifest === data.manifest &&
    hit.communities === data.communities &&
    hit.households === data.buildings.households &&
    hit.facilities === data.facilities &&
    hit.candidates === data.candidates;
  return same ? hit.identity : null;
}

function remember(data: IdentityInput, identity: string): string {
  const { manifest, communities, facilities, candidates } = data;
  cache.set(data.buildings.position, { manifest, communities, households: data.buildings.households, facilities, candidates, identity });
  return identity;
}

/** The hash in steps: yields between slices of the building arrays; returns the identity. */
function* hashSteps(data: IdentityInput): Generator<void, string> {
  let h = 0x811c9dc5;
  h = fnvText(JSON.stringify(data.manifest), h);
  for (const f of data.communities.features) h = fnvText(`${f.properties.id}\u0000${f.properties.name}\u0001`, h);
  const b = data.buildings;
  h = fnvText(`${b.count}`, h);
  for (const a of [b.position, b.households]) {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    for (let at = 0; at < bytes.length; at += BYTES_PER_STEP) {
      yield;
      h = fnvBytes(bytes.subarray(at, Math.min(bytes.length, at + BYTES_PER_STEP)), h);
    }
  }
  yield;
  for (const f of data.facilities) h = fnvText(`${f.id}\u0000${f.lon},${f.lat}\u0000${f.areaM2}\u0000${f.services.join(',')}\u0001`, h);
  for (const c of data.candidates) h = fnvText(`${c.id}\u0001`, h);
  const name = String(data.manifest.name ?? '')
    // eslint-disable-next-line no-control-regex -- control characters are what it removes
    .replace(/[\u0000-\u001f\u007f~]/g, ' ')
    .slice(0, MAX_PACKAGE_NAME);
  return `${name}~${h.toString(16).padStart(8, '0')}`;
}
