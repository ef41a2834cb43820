import { SERVICES, serviceIndex, type ServiceCode, type Facility } from '../engine/index';
import type { MapData } from '../worker/protocol';
import { COVERED, SERVICE_COLORS, UNCOVERED, type RGBA } from './colors';

/** A colour's four bytes as one 32-bit word, in the platform's byte order (as a Uint32Array view of RGBA bytes reads them). */
const word = (c: RGBA): number => new Uint32Array(Uint8Array.from(c).buffer)[0];
const COVERED_WORD = word(COVERED);
const UNCOVERED_WORD = word(UNCOVERED);

/** Colours of buildings for one service: covered green, uncovered red (RGBA bytes per building). */
export function buildingColors(data: MapData, service: ServiceCode): Uint8Array {
  const b = data.buildings;
  const si = serviceIndex(service);
  const out = new Uint8Array(b.count * 4);
  const words = new Uint32Array(out.buffer); // a word a building: half the time of a byte-array copy each (1M: ~29 → ~14 ms)
  const covered = b.covered.subarray(si * b.count, (si + 1) * b.count);
  for (let k = 0; k < b.count; k++) words[k] = covered[k] ? COVERED_WORD : UNCOVERED_WORD;
  return out;
}

/** The facility's colour for the chosen service; dimmed grey-tint when it does not offer it. */
export function facilityColor(f: Facility, service: ServiceCode): RGBA {
  if (f.services.includes(service)) return SERVICE_COLORS[service];
  const c = SERVICE_COLORS[f.services[0] ?? SERVICES[0]];
  return [c[0], c[1], c[2], 80];
}
