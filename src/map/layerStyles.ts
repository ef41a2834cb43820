import { SERVICES, serviceIndex, type ServiceCode, type Facility } from '../engine/index';
import type { MapData } from '../worker/protocol';
import { COVERED, SERVICE_COLORS, UNCOVERED, type RGBA } from './colors';

/** Colours of buildings for one service: covered green, uncovered red (RGBA bytes per building). */
export function buildingColors(data: MapData, service: ServiceCode): Uint8Array {
  const b = data.buildings;
  const si = serviceIndex(service);
  const out = new Uint8Array(b.count * 4);
  for (let k = 0; k < b.count; k++) {
    out.set(b.covered[si * b.count + k] ? COVERED : UNCOVERED, k * 4);
  }
  return out;
}

/** The facility's colour for the chosen service; dimmed grey-tint when it does not offer it. */
export function facilityColor(f: Facility, service: ServiceCode): RGBA {
  if (f.services.includes(service)) return SERVICE_COLORS[service];
  const c = SERVICE_COLORS[f.services[0] ?? SERVICES[0]];
  return [c[0], c[1], c[2], 80];
}
