import { SERVICES, SERVICE_NAMES, type ServiceCode } from '../engine/public';
import type { PublicCommunity, PublicFacility, PublicPlannedSite, PublicSiteMeta } from '../engine/public';
import { el } from './dom';
import type { FacilityWalk, Nearby } from './nearby';
import { fill, type Lang, type Strings } from './strings';

/** Shared inputs of the panel's pieces. */
export interface PanelContext {
  t: Strings;
  lang: Lang;
  meta: PublicSiteMeta;
  service: ServiceCode | 'all';
  /** Select a facility (by public id). */
  onFacility: (id: string) => void;
}

export const svcName = (s: ServiceCode, lang: Lang) => SERVICE_NAMES[s][lang];
const fmt = (n: number, lang: Lang) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
/** Metres to the nearest 10. */
export const metresText = (m: number, lang: Lang) => fmt(Math.round(m / 10) * 10, lang);
/** Whole minutes, at least 1. */
export const minutesText = (min: number) => String(Math.max(1, Math.round(min)));

function isPlanned(f: PublicFacility | PublicPlannedSite): f is PublicPlannedSite {
  return f.id.startsWith('p');
}

function dl(rows: [string, Node | string][], cls = 'facts'): HTMLDListElement {
  return el('dl', { class: cls }, ...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

/** Accessibility flags as a list (or "not given"). */
function accessList(f: PublicFacility, c: PanelContext): HTMLElement {
  if (!f.access?.length) return el('span', { class: 'muted' }, c.t.noAccessInfo);
  return el('ul', { class: 'tags' }, ...f.access.map((a) => el('li', {}, `♿ ${c.t.accessFlags[a]}`)));
}

/** The card of one facility: services, type, operator, accessibility, address, phone, hours. */
export function facilityCard(f: PublicFacility | PublicPlannedSite, c: PanelContext): HTMLElement {
  const planned = isPlanned(f);
  const rows: [string, Node | string][] = [[c.t.servicesOf, f.services.map((s) => svcName(s, c.lang)).join(c.lang === 'zh' ? '、' : ', ')]];
  if (f.level) rows.push([c.t.level, c.t.levels[f.level]]);
  if (!planned) {
    const o = f as PublicFacility;
    if (o.operator) rows.push([c.t.operator, o.operator]);
    rows.push([c.t.access, accessList(o, c)]);
    if (o.hours) rows.push([c.t.hours, o.hours]);
    if (o.address) rows.push([c.t.address, o.address]);
    if (o.phone) rows.push([c.t.phone, el('a', { href: `tel:${o.phone.replace(/[^0-9+]/g, '')}` }, o.phone)]);
  }
  return el(
    'section',
    { class: 'card' },
    el('p', { class: 'kind' }, planned ? c.t.plannedSite : c.t.facility, planned ? el('span', { class: 'badge planned' }, c.t.planned) : null),
    el('h2', {}, f.name),
    planned ? el('p', { class: 'muted' }, c.t.plannedNote) : null,
    dl(rows),
  );
}

/** The card of a community: households, area per 100 households, rules, coverage. */
export function communityCard(p: PublicCommunity, c: PanelContext): HTMLElement {
  const base = c.meta.policy.areaPer100Households.base;
  const rule = (ok: boolean) => el('span', { class: ok ? 'ok' : 'no' }, ok ? `✔ ${c.t.met}` : `✘ ${c.t.notMet}`);
  const services = c.service === 'all' ? [...SERVICES] : [c.service];
  return el(
    'section',
    { class: 'card' },
    el('p', { class: 'kind' }, c.t.community),
    el('h2', {}, p.name),
    dl([
      [c.t.street, `${p.street} · ${p.district}`],
      [c.t.households, fill(c.t.householdsN, { n: fmt(p.households, c.lang) })],
      [c.t.areaPer100, p.areaPer100hh === null ? c.t.areaNone : fill(c.t.areaValue, { v: fmt(p.areaPer100hh, c.lang), base })],
    ]),
    el('h3', {}, c.t.rules),
    dl([
      [c.t.ruleArea, rule(p.meetsArea)],
      [c.t.ruleBasic, rule(p.meetsBasicRule)],
      [c.t.ruleComplex, rule(p.meetsComplexRule)],
      ], 'facts rules'),
    el('h3', {}, c.t.coverageTitle),
    el(
      'ul',
      { class: 'bars' },
      ...services.map((s) => {
        const v = p.coverage[SERVICES.indexOf(s)];
        return el(
          'li',
          {},
          el('span', { class: 'bar-label' }, svcName(s, c.lang)),
          el('span', { class: 'bar', 'aria-hidden': 'true' }, el('span', { class: 'bar-fill', style: `width:${v ?? 0}%` })),
          el('span', { class: 'bar-value' }, v === null ? '—' : fill(c.t.coverageValue, { p: v })),
        );
      }),
    ),
  );
}

function walkRow(w: FacilityWalk, c: PanelContext): HTMLElement {
  const f = w.facility;
  return el(
    'li',
    {},
    el(
      'button',
      { type: 'button', class: 'link', on: { click: () => c.onFacility(f.id) } },
      el('span', { class: w.planned ? 'dot planned' : 'dot open', 'aria-hidden': 'true' }),
      f.name,
      w.planned ? el('span', { class: 'badge planned' }, c.t.planned) : null,
    ),
    el('span', { class: 'dist' }, fill(c.t.distance, { m: metresText(w.metres, c.lang), min: minutesText(w.minutes) })),
    !w.planned && (f as PublicFacility).access?.length ? el('span', { class: 'access' }, `♿ ${(f as PublicFacility).access!.map((a) => c.t.accessFlags[a]).join(c.lang === 'zh' ? '、' : ', ')}`) : null,
  );
}

/** Facilities within 5 / 10 / 15 minutes (each in its own band) and the nearest of each service. */
export function nearbyCards(n: Nearby, c: PanelContext, ringsM: number[], searchM: number): HTMLElement[] {
  const out: HTMLElement[] = [];
  const modeText = n.mode === 'network' ? c.t.modeNetwork : c.t.modeEuclidean;
  out.push(el('p', { class: 'mode' }, modeText));
  if (n.mode === 'network' && !n.onNetwork) {
    out.push(el('p', { class: 'warn', role: 'status' }, fill(c.t.offNetwork, { m: c.meta.policy.maxSnapM })));
    return out;
  }
  const minutes = c.meta.walk.minutes;
  const bands = el('section', { class: 'card' }, el('h3', {}, c.t.withinTitle));
  let lower = -Infinity;
  ringsM.forEach((r, i) => {
    const inBand = n.within.filter((w) => w.metres > lower && w.metres <= r);
    lower = r;
    bands.append(
      el('h4', {}, el('span', { class: `ring ring${i}`, 'aria-hidden': 'true' }), fill(c.t.withinMin, { min: minutes[i], m: metresText(r, c.lang) })),
      inBand.length ? el('ul', { class: 'walks' }, ...inBand.map((w) => walkRow(w, c))) : el('p', { class: 'muted' }, c.t.noneWithin),
    );
  });
  out.push(bands);
  const services = c.service === 'all' ? [...SERVICES] : [c.service];
  out.push(
    el(
      'section',
      { class: 'card' },
      el('h3', {}, c.service === 'all' ? c.t.nearestTitle : fill(c.t.nearestOne, { service: svcName(c.service, c.lang) })),
      el(
        'ul',
        { class: 'nearest' },
        ...services.map((s) => {
          const w = n.nearest[SERVICES.indexOf(s)];
          return el(
            'li',
            {},
            services.length > 1 ? el('span', { class: 'svc' }, svcName(s, c.lang)) : null,
            w ? el('ul', { class: 'walks' }, walkRow(w, c)) : el('span', { class: 'muted' }, Number.isFinite(searchM) ? fill(c.t.farther, { m: metresText(searchM, c.lang) }) : c.t.noneNear),
          );
        }),
      ),
    ),
  );
  return out;
}
