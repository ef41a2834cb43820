import { useEffect, useRef } from 'react';
import { useApp } from '../../state/appStore';
import { SERVICES } from '../../engine/index';
import type { ScenarioSummary } from '../../engine/index';
import { downloadText } from '../../export/download';
import { datedName } from '../../export/fileName';
import { fmtHh, fmtM2, fmtNum, fmtPct, serviceName } from '../format';
import { isEmptyScenario, useBlueprint } from '../../state/blueprintStore';
import { BundleEditor } from './BundleEditor';
import { BeforeAfterTable, type BeforeAfterRow } from '../BeforeAfterTable';
import {
  commit,
  fromBlueprint,
  loadSlot,
  parseScenarioJson,
  removeSite,
  reset,
  restoreFacility,
  saveSlot,
  scenarioJson,
  undo,
  updateAdded,
} from '../../state/scenarioActions';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/lang';
import { tFor } from '../../i18n';

const signed = (v: number, f: (x: number) => string) => (v > 0 ? `+${f(v)}` : v < 0 ? `−${f(-v)}` : '±0');

/** What the scenario changes in the scope: coverage per service, rules, shortfalls; with the measured time. */
export function ScenarioSummaryView({ summary, testid = 'scenario-summary' }: { summary: ScenarioSummary; testid?: string }) {
  const { t } = useTranslation(['translation', 'blueprint']);
  const lang = useLang();
  const count = (x: number) => fmtNum(x, lang);
  const m2 = (x: number) => fmtM2(x, lang);
  // counts as they were: before and after plain, the change grouped (fmtNum)
  const row = (id: string, label: string, v: { before: number; after: number; delta: number }, f: (x: number) => string, fDelta = f): BeforeAfterRow => ({
    id,
    label,
    before: f(v.before),
    after: f(v.after),
    delta: signed(v.delta, fDelta),
  });
  return (
    <BeforeAfterTable
      testid={testid}
      rowTestIdPrefix="sc-"
      deltaHeader={t('blueprint:scenario.delta')}
      rows={[
        ...SERVICES.map((s, k) => ({
          id: `cov-${s}`,
          label: serviceName(s, lang),
          before: fmtPct(summary.before.coverage[k], lang),
          after: fmtPct(summary.after.coverage[k], lang),
          delta: signed(summary.coveredHouseholds[k].delta, (x) => fmtHh(x, lang)),
          afterTestId: `sc-cov-after-${s}`,
          deltaTestId: `sc-hh-delta-${s}`,
        })),
        row('meetingArea', t('blueprint:meetingArea'), summary.meetingArea, String, count),
        row('meetingComplex', t('blueprint:meetingComplex'), summary.meetingComplexRule, String, count),
        row('meetingBasic', t('blueprint:meetingBasic'), summary.meetingBasicRule, String, count),
        row('shortfall30', t('blueprint:shortfall30'), summary.shortfallBaseM2, m2),
        row('shortfall80', t('blueprint:shortfall80'), summary.shortfallEnhancedM2, m2),
      ]}
    />
  );
}

/** Live what-if editing: the edits, the map tools, undo/reset, A/B, save/load. */
export function ScenarioPanel() {
  const { t } = useTranslation(['translation', 'blueprint']);
  const lang = useLang();
  const bp = useBlueprint();
  const data = useApp((s) => s.data);
  const fileInput = useRef<HTMLInputElement>(null);
  const sc = bp.scenario;
  const name = (id: string) => data?.facilities.find((f) => f.id === id)?.name ?? id;
  const candName = (id?: string) => (id ? (data?.candidates.find((c) => c.id === id)?.name ?? id) : undefined);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') useBlueprint.getState().set({ tool: 'none', moveId: null });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onFile = async (f: File | undefined) => {
    if (!f) return;
    try {
      const parsed = parseScenarioJson(await f.text());
      await commit(parsed.scenario);
    } catch {
      bp.set({ error: { code: 'E_ARGUMENT', zh: tFor('zh')('blueprint:scenario.badFile'), en: tFor('en')('blueprint:scenario.badFile') } });
    }
  };

  return (
    <div className="bp-panel" data-testid="scenario-panel">
      <div className="bp-row">
        <button type="button" data-testid="sc-undo" disabled={!bp.history.length} onClick={() => void undo()}>
          {t('blueprint:scenario.undo')}
        </button>
        <button type="button" data-testid="sc-reset" disabled={isEmptyScenario(sc)} onClick={() => void reset()}>
          {t('blueprint:scenario.reset')}
        </button>
        <button type="button" data-testid="sc-from-blueprint" disabled={!bp.run} onClick={() => void fromBlueprint()}>
          {t('blueprint:scenario.fromBlueprint')}
        </button>
      </div>
      <div className="bp-row">
        <button
          type="button"
          data-testid="sc-place"
          className={bp.tool === 'place' ? 'on' : ''}
          onClick={() => bp.set({ tool: bp.tool === 'place' ? 'none' : 'place', moveId: null })}
        >
          {t('blueprint:scenario.place')}
        </button>
        {bp.tool === 'place' && (
          <span className="bp-hint" role="status">
            {t('blueprint:scenario.placing')}
          </span>
        )}
        {bp.tool === 'move' && (
          <span className="bp-hint" role="status">
            {t('blueprint:scenario.moving')}
          </span>
        )}
      </div>
      {bp.tool === 'place' && (
        <BundleEditor
          services={bp.placeBundle}
          areaM2={bp.placeAreaM2}
          onChange={(services, areaM2) => bp.set({ placeBundle: services, placeAreaM2: areaM2 })}
          testid="place-bundle"
        />
      )}
      {bp.scenarioRun && (
        <div
          className="bp-ms"
          data-testid="sc-ms"
          data-round-trip-ms={bp.roundTripMs === null ? undefined : Math.round(bp.roundTripMs)}
          title={bp.workerRoundTripMs === null ? undefined : `worker ${Math.round(bp.workerRoundTripMs)} ms`}
        >
          {t('blueprint:scenario.ms', { engine: fmtNum(bp.scenarioRun.wallMs, lang, 1), rt: bp.roundTripMs === null ? '…' : fmtNum(bp.roundTripMs, lang, 0) })}
        </div>
      )}
      {bp.scenarioRun && <ScenarioSummaryView summary={bp.scenarioRun.summary} />}
      <h3>{t('blueprint:scenario.edits')}</h3>
      {isEmptyScenario(sc) && <p className="muted">{t('blueprint:scenario.empty')}</p>}
      {sc.added && sc.added.length > 0 && (
        <>
          <h4>{t('blueprint:scenario.added')}</h4>
          <ul className="bp-edits" data-testid="sc-added">
            {sc.added.map((a) => (
              <li key={a.id} data-id={a.id}>
                <div className="bp-row">
                  <b>{a.name ?? candName(a.candidateId) ?? a.id}</b>
                  <button type="button" className="link" onClick={() => bp.set({ tool: 'move', moveId: a.id ?? null })}>
                    {t('blueprint:scenario.moveHere')}
                  </button>
                  <button type="button" className="link" data-testid="sc-remove" onClick={() => void removeSite(a.id!, false)}>
                    {t('blueprint:scenario.remove')}
                  </button>
                </div>
                <BundleEditor
                  services={a.services}
                  areaM2={a.areaM2 ?? 0}
                  onChange={(services, areaM2) => void updateAdded(a.id!, { services, areaM2 })}
                  testid={`bundle-${a.id}`}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      {sc.removed && sc.removed.length > 0 && (
        <>
          <h4>{t('blueprint:scenario.removed')}</h4>
          <ul className="bp-edits">
            {sc.removed.map((id) => (
              <li key={id}>
                {name(id)}{' '}
                <button type="button" className="link" onClick={() => void restoreFacility(id)}>
                  {t('blueprint:scenario.restore')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {sc.moved && sc.moved.length > 0 && (
        <>
          <h4>{t('blueprint:scenario.moved')}</h4>
          <ul className="bp-edits">
            {sc.moved.map((m) => (
              <li key={m.facilityId}>
                {name(m.facilityId)} → {m.lon.toFixed(5)}, {m.lat.toFixed(5)}{' '}
                <button type="button" className="link" onClick={() => void restoreFacility(m.facilityId)}>
                  {t('blueprint:scenario.restore')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>A / B</h3>
      <div className="bp-row">
        <button type="button" data-testid="sc-save-a" onClick={() => void saveSlot('A', tFor('zh')('blueprint:scenario.slotName', { slot: 'A' }))}>
          {t('blueprint:scenario.saveA')}
        </button>
        <button type="button" data-testid="sc-save-b" onClick={() => void saveSlot('B', tFor('zh')('blueprint:scenario.slotName', { slot: 'B' }))}>
          {t('blueprint:scenario.saveB')}
        </button>
        {bp.slots.A && (
          <button type="button" className="link" onClick={() => void loadSlot('A')}>
            {t('blueprint:scenario.loadSlot')} A
          </button>
        )}
        {bp.slots.B && (
          <button type="button" className="link" onClick={() => void loadSlot('B')}>
            {t('blueprint:scenario.loadSlot')} B
          </button>
        )}
      </div>
      <div className="bp-row">
        <button
          type="button"
          data-testid="sc-save-json"
          onClick={() =>
            downloadText(datedName(tFor(lang)('report:file.scenario'), 'json'), scenarioJson(tFor(lang)('report:file.scenarioName'), sc), 'application/json')
          }
        >
          {t('blueprint:scenario.save')}
        </button>
        <button type="button" data-testid="sc-load-json" onClick={() => fileInput.current?.click()}>
          {t('blueprint:scenario.load')}
        </button>
        <input ref={fileInput} type="file" accept=".json,application/json" hidden data-testid="sc-file" onChange={(e) => void onFile(e.target.files?.[0])} />
      </div>
    </div>
  );
}
