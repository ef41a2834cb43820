import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BlueprintSiteResult } from '../../engine/index';
import { fmtHh, fmtM2, fmtNum, fmtPct, serviceName } from '../format';
import { useLang } from '../../i18n/lang';

/** Level label of a site: 综合体 / 增强型 / 插花式, and 跨社区联合体 when joint. */
export function levelLabel(s: Pick<BlueprintSiteResult, 'level' | 'joint'>, t: TFunction<['translation', 'blueprint']>): string {
  const level = t(`blueprint:level.${s.level}`);
  return s.joint ? `${level} · ${t('blueprint:level.joint')}` : level;
}

/** Why a recommended site: bundle, level, households newly covered, communities served, source and levers. */
export function SiteExplanation({ site }: { site: BlueprintSiteResult }) {
  const { t } = useTranslation(['translation', 'blueprint']);
  const lang = useLang();
  const en = lang === 'en';
  return (
    <div className="bp-site-explain" data-testid="site-explanation">
      <h4 data-testid="site-name">{site.name}</h4>
      <div className="code">{site.candidateId}</div>
      <dl className="stats">
        <div className="stat-row">
          <dt>{t('blueprint:levelTitle')}</dt>
          <dd data-testid="site-level">{levelLabel(site, t)}</dd>
        </div>
        <div className="stat-row">
          <dt>{t('blueprint:bundle')}</dt>
          <dd data-testid="site-bundle">{site.services.map((x) => serviceName(x, lang)).join('、')}</dd>
        </div>
        <div className="stat-row">
          <dt>{t('blueprint:area')}</dt>
          <dd>{fmtM2(site.areaM2, lang)}</dd>
        </div>
        <div className="stat-row">
          <dt>{t('blueprint:cost')}</dt>
          <dd>
            {fmtNum(site.costWan, lang, 1)} {t('unit.wan')}
            {site.costEstimated ? t('blueprint:estimated') : ''}
          </dd>
        </div>
        <div className="stat-row">
          <dt>{t('blueprint:source')}</dt>
          <dd>
            {t(`source.${site.source}`)} · {t(`ownership.${site.ownership}`)}
          </dd>
        </div>
        <div className="stat-row">
          <dt>{t('blueprint:community')}</dt>
          <dd>{site.communityName ?? '—'}</dd>
        </div>
      </dl>
      <h5>{t('blueprint:newlyCovered')}</h5>
      <ul className="bp-list" data-testid="site-newly">
        {site.services.map((x) => (
          <li key={x} data-service={x}>
            {serviceName(x, lang)}: <b>{fmtHh(site.newlyCoveredHouseholds[x] ?? 0, lang)}</b>
          </li>
        ))}
      </ul>
      <h5>{t('blueprint:served')}</h5>
      <ul className="bp-list" data-testid="site-served">
        {site.communitiesServed.map((c) => (
          <li key={c.id}>
            {c.name}: {fmtHh(c.households, lang)} ({fmtPct(c.share, lang, 0)}) · {fmtM2(c.sharedAreaM2, lang)}
          </li>
        ))}
      </ul>
      <div className="stat-row">
        <dt>{t('blueprint:shortfallClosed')}</dt>
        <dd data-testid="site-shortfall">{fmtM2(site.shortfallClosedM2, lang)}</dd>
      </div>
      <h5>{t('blueprint:whySource')}</h5>
      <p className="bp-why">{en ? site.whySource.en : site.whySource.zh}</p>
      <h5>{t('blueprint:levers')}</h5>
      <ul className="bp-list" data-testid="site-levers">
        {site.levers.map((l) => (
          <li key={l.code} className={l.applicable ? 'ok' : 'muted'}>
            {l.applicable ? '✓' : '–'} {en ? l.en : l.zh}
            {l.amountYuan && l.applicable ? ` (${fmtNum(l.amountYuan / 10000, lang)} ${t('unit.wan')})` : ''}
          </li>
        ))}
      </ul>
      <div className="stat-row">
        <dt>{t('blueprint:subsidy')}</dt>
        <dd data-testid="site-subsidy">
          {fmtNum(site.subsidyYuan / 10000, lang, 1)} {t('unit.wan')}
        </dd>
      </div>
    </div>
  );
}
