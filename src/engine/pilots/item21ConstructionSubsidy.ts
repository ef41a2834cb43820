import type { Community, Facility } from '../types';
import type { Pilot } from './pilotTypes';

/**
 * Kinds of elderly-care facility the plan subsidises (Annex 1-1, item 21, 探索养老设施以奖代补
 * 方式: 对每个街道养老服务中心补助200万元，对每个社区养老服务站补助20万元，对每个乡镇养老服务中心
 * 补助100万元), amounts in 万元 (10,000 yuan).
 */
export const CONSTRUCTION_SUBSIDY_WAN = {
  street_elderly_centre: 200, // 街道养老服务中心
  community_elderly_station: 20, // 社区养老服务站
  township_elderly_centre: 100, // 乡镇养老服务中心
} as const;
export type SubsidyKind = keyof typeof CONSTRUCTION_SUBSIDY_WAN;

/** One subsidised facility. */
export interface SubsidyItem {
  facilityId: string;
  kind: SubsidyKind;
  amountWan: number;
}

/** Indicative construction subsidy of one pilot, 万元. */
export interface PilotSubsidy {
  communityId: string;
  items: SubsidyItem[];
  amountWan: number;
}

/** True for a town or township (镇 / 乡) rather than a 街道; judged by the name's last character. */
export function isTownship(streetName: string): boolean {
  return /[镇乡]$/.test(streetName.trim());
}

/**
 * Indicative construction subsidies of the active pilots (Annex 1-1 item 21). A facility
 * counts when it lies in a pilot's community, offers `elderly_care`, is open or planned,
 * and has `level` street (200万, or 100万 where the street is a 镇/乡) or community (20万);
 * compound-level and unlevelled facilities get nothing. "Each centre" / "each station":
 * at most one street or township centre per street over the whole programme and one station
 * per community, the first by facility id. The plan says 探索 (to be explored): these are
 * planning figures, not entitlements.
 */
export function item21ConstructionSubsidy(pilots: readonly Pilot[], communities: readonly Community[], facilities: readonly Facility[]): PilotSubsidy[] {
  const byCommunity = new Map<number, Facility[]>();
  for (const f of facilities) {
    if (f.community < 0 || !f.services.includes('elderly_care')) continue;
    let list = byCommunity.get(f.community);
    if (!list) byCommunity.set(f.community, (list = []));
    list.push(f);
  }
  const streetsUsed = new Set<string>();
  return pilots.map((p) => {
    const items: SubsidyItem[] = [];
    if (p.status === 'active') {
      const c = communities[p.community];
      const list = [...(byCommunity.get(p.community) ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const streetKey = `${c.district}\u0000${c.street}`;
      const street = list.find((f) => f.level === 'street');
      if (street && !streetsUsed.has(streetKey)) {
        streetsUsed.add(streetKey);
        const kind: SubsidyKind = isTownship(c.street) ? 'township_elderly_centre' : 'street_elderly_centre';
        items.push({ facilityId: street.id, kind, amountWan: CONSTRUCTION_SUBSIDY_WAN[kind] });
      }
      const station = list.find((f) => f.level === 'community');
      if (station) items.push({ facilityId: station.id, kind: 'community_elderly_station', amountWan: CONSTRUCTION_SUBSIDY_WAN.community_elderly_station });
    }
    return { communityId: p.communityId, items, amountWan: items.reduce((a, i) => a + i.amountWan, 0) };
  });
}
