import type { Candidate } from '../types';
import type { SiteLevel } from './siteLevel';

/** Codes of the policy levers a site may use (POLICY.md, Annex 1-1). */
export type LeverCode =
  | 'free_rent'
  | 'plot_ratio_exemption'
  | 'renewal_bonus_area'
  | 'land_use_transition'
  | 'subsidy_street_centre'
  | 'subsidy_community_station'
  | 'subsidy_township_centre';

/** One policy lever and whether it applies to a site. */
export interface PolicyLever {
  code: LeverCode;
  applicable: boolean;
  zh: string;
  en: string;
  /** Subsidy, yuan (subsidy levers). */
  amountYuan?: number;
  /** Extra floor area allowed, m² (renewal bonus, "up to"). */
  extraAreaM2?: number;
  /** Transition period, years. */
  years?: number;
}

/** The policy's numbers for the levers (Annex 1-1 item 21 and the land and planning items). */
export const LEVER_NUMBERS = {
  streetCentreYuan: 2_000_000, // yuan per 街道 elderly service centre
  communityStationYuan: 200_000, // yuan per 社区 elderly service station
  townshipCentreYuan: 1_000_000, // yuan per 乡镇 centre
  renewalBonusShare: 0.15, // up to 15 % extra floor area in urban renewal
  transitionYears: 5, // years keeping the old land use
} as const;

/** A street (街道) or a township (乡/镇), by the name's last character. */
export function isTownship(street: string): boolean {
  return /[乡镇]$/.test(street.trim());
}

/**
 * The levers of one recommended site: free or low rent for state-owned property; the
 * plot-ratio exemption of space a developer provides (new_build_colocated); up to 15 % extra
 * floor area for urban-renewal conversions (old factories, shop floors, leftover land); the
 * 5-year transition keeping the old land use for converted buildings (old factories, shop
 * floors, offices); the elderly-care subsidy: 2,000,000 yuan for a 街道 elderly service centre
 * (an enhanced complex with elderly_care in a 街道), 200,000 for a 社区 station (any other site
 * with elderly_care), 1,000,000 for a 乡镇 centre (only in a 乡/镇; said not applicable in a 街道).
 * Subsidies go only to operators rated 合格 or better (Annex 2).
 */
export function policyLevers(c: Candidate, opts: { level: SiteLevel; elderlyCare: boolean; street: string }): PolicyLever[] {
  const N = LEVER_NUMBERS;
  const out: PolicyLever[] = [];
  const state = c.ownership === 'state';
  out.push({
    code: 'free_rent',
    applicable: state,
    zh: state ? '国有房产，可无偿或低租金使用' : '非国有房产，需按市场租金租赁或协商',
    en: state ? 'State-owned: free or low-rent use' : 'Not state-owned: market rent or negotiated use',
  });
  if (c.source === 'new_build_colocated') {
    out.push({
      code: 'plot_ratio_exemption',
      applicable: true,
      zh: '开发商无偿提供的配建面积不计入容积率',
      en: 'Space provided free by the developer does not count toward the plot ratio',
    });
  }
  if (c.source === 'old_factory' || c.source === 'commercial_vacancy' || c.source === 'leftover_land') {
    const extra = Math.round(c.areaM2 * N.renewalBonusShare * 10) / 10;
    out.push({
      code: 'renewal_bonus_area',
      applicable: true,
      extraAreaM2: extra,
      zh: `城市更新增设公共服务设施，可增加不超过 15% 的建筑面积（约 ${extra} m²）`,
      en: `Urban renewal adding public services: up to 15 % extra floor area (about ${extra} m²)`,
    });
  }
  if (c.source === 'old_factory' || c.source === 'commercial_vacancy' || c.source === 'idle_office') {
    out.push({
      code: 'land_use_transition',
      applicable: true,
      years: N.transitionYears,
      zh: '改建期间可实行 5 年过渡期，保持原土地用途',
      en: 'Converted building: a 5-year transition keeps the old land use',
    });
  }
  if (opts.elderlyCare) {
    const township = isTownship(opts.street);
    const centre = opts.level === 'enhanced';
    if (township) {
      out.push({
        code: 'subsidy_township_centre',
        applicable: centre,
        amountYuan: N.townshipCentreYuan,
        zh: centre ? '可申请乡镇养老服务中心补助 100 万元（运营评估合格及以上）' : '规模不足，不适用乡镇养老服务中心补助',
        en: centre ? 'Township elderly service centre subsidy: 1,000,000 yuan (operator rated 合格 or better)' : 'Too small for the township centre subsidy',
      });
    } else {
      out.push({
        code: 'subsidy_street_centre',
        applicable: centre,
        amountYuan: N.streetCentreYuan,
        zh: centre ? '可申请街道养老服务中心补助 200 万元（运营评估合格及以上）' : '面积不足 800 m² 或非综合体，不适用街道养老服务中心补助',
        en: centre
          ? 'Street elderly service centre subsidy: 2,000,000 yuan (operator rated 合格 or better)'
          : 'Below 800 m² or not a complex: no street centre subsidy',
      });
      out.push({
        code: 'subsidy_township_centre',
        applicable: false,
        amountYuan: N.townshipCentreYuan,
        zh: '位于城市街道，不适用乡镇养老服务中心补助',
        en: 'In an urban 街道: the township (乡镇) centre subsidy does not apply',
      });
    }
    out.push({
      code: 'subsidy_community_station',
      applicable: !centre,
      amountYuan: N.communityStationYuan,
      zh: centre ? '已按中心申请，不重复申请社区养老服务站补助' : '可申请社区养老服务站补助 20 万元（运营评估合格及以上）',
      en: centre
        ? 'Claimed as a centre: no separate community station subsidy'
        : 'Community elderly service station subsidy: 200,000 yuan (operator rated 合格 or better)',
    });
  }
  return out;
}

/** Why a source: its tier and what makes it attractive or not. */
export function whySource(c: Candidate): { tier: 1 | 2 | 3; zh: string; en: string } {
  switch (c.source) {
    case 'idle_state_property':
    case 'vacant_public_rental':
      return {
        tier: 1,
        zh: '优先：国有闲置房产或空置公租房，可无偿或低租金使用（附件1-1 第1-4项）',
        en: 'First choice: idle state property or vacant public rental, free or low rent (Annex 1-1 items 1-4)',
      };
    case 'idle_office':
    case 'commercial_vacancy':
    case 'old_factory':
      return { tier: 2, zh: '其次：闲置办公用房、底商或老旧厂房改造（转型一批）', en: 'Second: conversion of idle offices, shop floors or old factories' };
    default:
      return {
        tier: 3,
        zh: '再次：边角地、新建社区配建或其他来源，建设周期较长',
        en: 'Third: leftover land, co-building with new housing or other sources, slower to deliver',
      };
  }
}
