import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/appStore';
import { fmtM2, fmtNum, fmtPct } from '../format';
import { cancelBlueprint, runBlueprint } from '../../state/blueprintActions';
import { useBlueprint, type ScopeKind } from '../../state/blueprintStore';
import { BeforeAfterBars } from './BeforeAfterBars';
import { SiteExplanation, levelLabel } from './SiteExplanation';
import { useLang } from '../../i18n/lang';
import { BLUEPRINT_DEFAULTS } from '../../engine/index';

/** Parse a number input: null when empty. */
const numOrNull = (v: string): number | null => (v.trim() === '' || !Number.isFinite(Number(v)) ? null : Number(v));

/** The scope form: whole package, a district, a street or the selected communities. */
export function ScopeForm() {
  const { t } = useTranslation(['translation', 'blueprint']);
  const data = useApp((s) => s.data);
  const selection = useApp((s) => s.selection);
  const bp = useBlueprint();
  const streets = useMemo(
    () => (data ? data.analysis.streets.map((s) => ({ key: `${s.district}\u0000${s.name}`, label: `${s.district} · ${s.name}` })) : []),
    [data],
  );
  const districts = data ? data.analysis.districts.map((d) => d.name) : [];
  const addSelected = () => {
    if (!data || !selection) return;
    const a = data.analysis.communities;
    const ids =
      selection.kind === 'community'
        ? [selection.id]
        : selection.kind === 'street'
          ? a.filter((c) => c.street === selection.id).map((c) => c.id)
          : selection.kind === 'district'
            ? a.filter((c) => c.district === selection.id).map((c) => c.id)
            : [];
    bp.set({ selectedIds: [...new Set([...bp.selectedIds, ...ids])], scopeKind: 'selected' });
  };
  return (
    <fieldset className="bp-fieldset">
      <legend>{t('blueprint:scope')}</legend>
      <div className="segmented" role="radiogroup" data-testid="bp-scope-kind">
        {(['all', 'district', 'street', 'selected'] as ScopeKind[]).map((k) => (
          <button
            key={k}
            type="button"
            role="radio"
            aria-checked={bp.scopeKind === k}
            className={bp.scopeKind === k ? 'on' : ''}
            data-scope={k}
            onClick={() => bp.set({ scopeKind: k })}
          >
            {t(`blueprint:scopeKind.${k}`)}
          </button>
        ))}
      </div>
      {bp.scopeKind === 'district' && (
        <select data-testid="bp-district" value={bp.district} onChange={(e) => bp.set({ district: e.target.value })}>
          <option value="">—</option>
          {districts.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      )}
      {bp.scopeKind === 'street' && (
        <select data-testid="bp-street" value={bp.street} onChange={(e) => bp.set({ street: e.target.value })}>
          <option value="">—</option>
          {streets.map((s) => (
            <option key={s.key} value={s.key}>
              {s.label}
            </option>
          ))}
        </select>
      )}
      {bp.scopeKind === 'selected' && (
        <div className="bp-row">
          <span data-testid="bp-selected-count">{t('blueprint:selectedCount', { n: bp.selectedIds.length })}</span>
          <button type="button" onClick={addSelected} disabled={!selection}>
            {t('blueprint:addSelected')}
          </button>
          <button type="button" className="secondary" onClick={() => bp.set({ selectedIds: [] })}>
            {t('blueprint:clearSelected')}
          </button>
        </div>
      )}
    </fieldset>
  );
}

/** Elapsed seconds while the solver runs. */
function Elapsed({ started, limit }: { started: number; limit: number }) {
  const { t } = useTranslation(['translation', 'blueprint']);
  const lang = useLang();
  const [now, setNow] = useState(performance.now());
  useEffect(() => {
    const h = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(h);
  }, []);
  return <span data-testid="bp-elapsed">{t('blueprint:elapsed', { s: fmtNum((now - started) / 1000, lang, 1), limit })}</span>;
}

/** 一张蓝图: choose the scope and limits, run the optimiser in the worker, read the result. */
export function BlueprintPanel() {
  const { t } = useTranslation(['translation', 'blueprint']);
  const lang = useLang();
  const bp = useBlueprint();
  const r = bp.run?.result;
  const site = r?.sites.find((s) => s.candidateId === bp.selectedSite);
  return (
    <div className="bp-panel" data-testid="blueprint-panel">
      <ScopeForm />
      <div className="bp-grid">
        <label>
          <span>{t('blueprint:maxSites')}</span>
          <input
            type="number"
            min={0}
            step={1}
            data-testid="bp-max-sites"
            placeholder={t('blueprint:noLimit')}
            value={bp.maxSites ?? ''}
            onChange={(e) => bp.set({ maxSites: numOrNull(e.target.value) })}
          />
        </label>
        <label>
          <span>{t('blueprint:budget')}</span>
          <input
            type="number"
            min={0}
            data-testid="bp-budget"
            placeholder={t('blueprint:noLimit')}
            value={bp.budgetWan ?? ''}
            onChange={(e) => bp.set({ budgetWan: numOrNull(e.target.value) })}
          />
        </label>
        <label>
          <span>{t('blueprint:timeLimit')}</span>
          <input
            type="number"
            min={1}
            max={600}
            data-testid="bp-time-limit"
            value={bp.timeLimitS}
            onChange={(e) => bp.set({ timeLimitS: numOrNull(e.target.value) ?? BLUEPRINT_DEFAULTS.panelTimeLimitS })}
          />
        </label>
      </div>
      <div className="bp-row">
        <button type="button" className="primary" data-testid="bp-run" disabled={bp.running} onClick={() => void runBlueprint()}>
          {t('blueprint:run')}
        </button>
        {bp.running && (
          <>
            <span className="bp-solving" data-testid="bp-solving" role="status">
              {t('blueprint:solving')}
            </span>
            <Elapsed started={bp.runStarted} limit={bp.timeLimitS} />
            <button type="button" data-testid="bp-cancel" onClick={cancelBlueprint} title={t('blueprint:cancelNote')}>
              {t('blueprint:cancel')}
            </button>
          </>
        )}
      </div>
      {bp.error && (
        <div className="bp-error" role="alert" data-testid="bp-error">
          {bp.error[lang]}
        </div>
      )}
      {r && (
        <>
          <h3>{t('blueprint:summary')}</h3>
          <dl className="stats" data-testid="bp-summary">
            <div className="stat-row">
              <dt>{t('blueprint:sites')}</dt>
              <dd data-testid="bp-total-sites">{fmtNum(r.totals.sites, lang)}</dd>
            </div>
            <div className="stat-row">
              <dt>{t('blueprint:totalArea')}</dt>
              <dd data-testid="bp-total-area">{fmtM2(r.totals.areaM2, lang)}</dd>
            </div>
            <div className="stat-row">
              <dt>{t('blueprint:cost')}</dt>
              <dd data-testid="bp-total-cost">
                {fmtNum(r.totals.costWan, lang, 1)} {t('unit.wan')}
              </dd>
            </div>
            <div className="stat-row">
              <dt>{t('blueprint:subsidy')}</dt>
              <dd data-testid="bp-total-subsidy">
                {fmtNum(r.totals.subsidyYuan / 10000, lang, 1)} {t('unit.wan')}
              </dd>
            </div>
            <div className="stat-row">
              <dt>{t(`blueprint:method.${r.solution.method}`)}</dt>
              <dd data-testid="bp-optimal">{r.solution.optimal ? t('blueprint:optimal') : t('blueprint:gap', { gap: fmtPct(r.solution.gap, lang, 2) })}</dd>
            </div>
            <div className="stat-note">
              {t('blueprint:solveTime', { s: fmtNum(r.solution.seconds, lang, 2) })} · {t('blueprint:communityCount', { n: r.scope.communities.length })}
            </div>
          </dl>
          <h3>{t('blueprint:beforeAfter')}</h3>
          <BeforeAfterBars before={r.before} after={r.after} />
          <h3>{t('blueprint:siteList')}</h3>
          {r.sites.length === 0 && <p className="muted">{t('blueprint:noSites')}</p>}
          <ol className="bp-sites" data-testid="bp-sites">
            {r.sites.map((s) => (
              <li key={s.candidateId} className={s.candidateId === bp.selectedSite ? 'on' : ''}>
                <button
                  type="button"
                  className="link"
                  data-site={s.candidateId}
                  onClick={() => bp.set({ selectedSite: s.candidateId === bp.selectedSite ? null : s.candidateId })}
                >
                  {s.name}
                </button>
                <span className="muted">
                  {' '}
                  · {levelLabel(s, t)} · {fmtM2(s.areaM2, lang)}
                </span>
              </li>
            ))}
          </ol>
          {site && <SiteExplanation site={site} />}
        </>
      )}
    </div>
  );
}
