import type { Analysis, CommunityResult } from '../analysisTypes';
import { EngineError } from '../errors';
import { byNeed } from '../standards/need';
import { SERVICES, SERVICE_NAMES, YILAO_YIXIAO, type ServiceCode } from '../standards/services';
import type { Buildings } from '../types';
import type { Pilot } from './pilotTypes';
import type { ServiceLevels } from '../standards/serviceLevels';

/** Options of {@link proposePilots}. */
export interface ProposeOptions {
  /** How many communities to propose (a whole number ≥ 0). */
  count: number;
  /** At most this many per district; default no limit. */
  perDistrict?: number;
  /** The programme's pilots: active ones are left out, removed ones may come back (noted in the reason). */
  pilots?: readonly Pilot[];
  /** Service levels of the package, to name a missing community-level centre in the reason; optional. */
  levels?: ServiceLevels;
}

/** One proposed pilot community. */
export interface ProposedPilot {
  /** 1 = first proposed. */
  rank: number;
  community: CommunityResult;
  /** Households of its buildings outside walking range of at least one 一老一小 service. */
  uncoveredYlyxHouseholds: number;
  missingFunctions: ServiceCode[];
  hasCommunityCentre: boolean | null;
  /** Why, in Chinese and English. */
  reasonZh: string;
  reasonEn: string;
}

/** Households of each community's buildings not covered for at least one 一老一小 service. */
export function uncoveredYlyxHouseholds(a: Pick<Analysis, 'coverage'>, buildings: Buildings, communities: number): Float64Array {
  const out = new Float64Array(communities);
  const cov = YILAO_YIXIAO.map((s) => a.coverage[SERVICES.indexOf(s)].covered);
  for (let i = 0; i < buildings.count; i++) {
    const c = buildings.community[i];
    if (c < 0) continue;
    if (cov.some((v) => !v[i])) out[c] += buildings.households[i];
  }
  return out;
}

/**
 * Propose `count` pilot communities by the engine's need ranking (standards/need.ts: area
 * shortfall, households outside walking range of 一老一小 services, function rules failed),
 * most need first, leaving out active pilots and, with `perDistrict`, taking at most that
 * many per district. Fewer than `count` come back when too few communities qualify.
 */
export function proposePilots(a: Pick<Analysis, 'communities' | 'coverage'>, buildings: Buildings, opts: ProposeOptions): ProposedPilot[] {
  if (!Number.isInteger(opts.count) || opts.count < 0) throw new EngineError('E_ARGUMENT', { field: 'count', detail: `${opts.count}: a whole number ≥ 0` });
  if (opts.perDistrict !== undefined && (!Number.isInteger(opts.perDistrict) || opts.perDistrict < 1))
    throw new EngineError('E_ARGUMENT', { field: 'perDistrict', detail: `${opts.perDistrict}: a whole number ≥ 1` });
  const active = new Set(opts.pilots?.filter((p) => p.status === 'active').map((p) => p.communityId));
  const removed = new Map(opts.pilots?.filter((p) => p.status === 'removed').map((p) => [p.communityId, p]));
  const uncovered = uncoveredYlyxHouseholds(a, buildings, a.communities.length);
  const perDistrict = new Map<string, number>();
  const out: ProposedPilot[] = [];
  for (const c of [...a.communities].sort(byNeed)) {
    if (out.length >= opts.count) break;
    if (active.has(c.id)) continue;
    const n = perDistrict.get(c.district) ?? 0;
    if (opts.perDistrict !== undefined && n >= opts.perDistrict) continue;
    perDistrict.set(c.district, n + 1);
    const hasCentre = opts.levels ? opts.levels.communities[c.index].hasCommunityCentre : null;
    const u = uncovered[c.index];
    const zh: string[] = [`需求分 ${c.needScore.toFixed(3)}（第 ${c.needRank} 名）`];
    const en: string[] = [`need ${c.needScore.toFixed(3)} (rank ${c.needRank})`];
    if (c.shortfallBaseM2 > 0) {
      zh.push(`面积缺口 ${Math.round(c.shortfallBaseM2)} m²`);
      en.push(`area shortfall ${Math.round(c.shortfallBaseM2)} m²`);
    }
    if (u > 0) {
      zh.push(`${Math.round(u)} 户缺少步行范围内的一老一小服务`);
      en.push(`${Math.round(u)} households lack a 一老一小 service within walking range`);
    }
    if (!c.meetsBasicRule || !c.meetsComplexRule) {
      zh.push(!c.meetsBasicRule ? '未达基本功能要求' : '未达综合体功能要求');
      en.push(!c.meetsBasicRule ? 'fails the basic function rule' : 'fails the complex function rule');
    }
    const missingYlyx = c.missingFunctions.filter((s) => YILAO_YIXIAO.includes(s));
    if (missingYlyx.length) {
      zh.push(`缺少 ${missingYlyx.map((s) => SERVICE_NAMES[s].zh).join('、')}`);
      en.push(`missing ${missingYlyx.join(', ')}`);
    }
    if (hasCentre === false) {
      zh.push('无社区级服务中心');
      en.push('no community-level centre');
    }
    const r = removed.get(c.id);
    if (r) {
      zh.push(`曾于 ${r.removedDate ?? '（日期不详）'} 调出试点名单${r.removedReason ? `（${r.removedReason}）` : ''}`);
      en.push(`removed from the list ${r.removedDate ?? '(date unknown)'}${r.removedReason ? ` (${r.removedReason})` : ''}`);
    }
    out.push({
      rank: out.length + 1,
      community: c,
      uncoveredYlyxHouseholds: u,
      missingFunctions: c.missingFunctions,
      hasCommunityCentre: hasCentre,
      reasonZh: zh.join('；'),
      reasonEn: en.join('; '),
    });
  }
  return out;
}
