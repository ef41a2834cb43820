import { useEffect, useState } from 'react';
import { pilots as P } from '../../engine/index';
import { downloadText } from '../../export/download';
import { REMOVED_COLOR, STAGE_COLORS } from '../../map/colors';
import { useApp } from '../../state/appStore';
import { useBlueprint } from '../../state/blueprintStore';
import { advanceStage, pilotFilesOf, setPilotAsOf } from '../../state/pilotActions';
import { todayIso, usePilots } from '../../state/pilotStore';
import type { PilotView } from '../../worker/protocol';
import { BarChart } from './BarChart';
import { FlagChips } from './FlagChips';
import { LevelsAndLanding } from './LevelsAndLanding';
import { ProposalList } from './ProposalList';
import { usePilotsT } from './usePilotsT';
import './pilots.css';

type Tab = 'overview' | 'list' | 'propose' | 'layers';

/**
 * Header button that opens the 试点 panel (planners only); it closes the blueprint dock (same
 * place). The first opening switches the pilot and landing-point layers on (the default map
 * stays as it was); after that they follow their switches.
 */
export function PilotsToggle() {
  const { t } = usePilotsT();
  const open = usePilots((s) => s.open);
  const view = useApp((s) => s.view);
  if (view === 'public') return null;
  return (
    <button
      type="button"
      data-testid="pilots-toggle"
      aria-pressed={open}
      onClick={() => {
        const s = usePilots.getState();
        s.set(!open && !s.openedOnce ? { open: true, openedOnce: true, showPilots: true, showLanding: true } : { open: !open });
        if (!open) useBlueprint.getState().set({ open: false });
      }}
    >
      {t('open')}
    </button>
  );
}

const selectCommunity = (id: string) => {
  const st = useApp.getState();
  st.set({ selection: { kind: 'community', id }, zoomRequest: st.zoomRequest + 1 });
};

/** The 试点 panel: programme dashboard, pilot list, proposal, service levels and landing points. */
export function PilotsPanel() {
  const { t } = usePilotsT();
  const open = usePilots((s) => s.open);
  const view = usePilots((s) => s.view);
  const base = usePilots((s) => s.base);
  const busy = usePilots((s) => s.busy);
  const error = usePilots((s) => s.error);
  const asOf = usePilots((s) => s.edits.asOf);
  const changed = usePilots((s) => s.edits.changed);
  const appView = useApp((s) => s.view);
  const lang = useApp((s) => s.lang);
  const [tab, setTab] = useState<Tab>('overview');
  const [asOfText, setAsOfText] = useState<string | null>(null);
  const blueprintOpen = useBlueprint((s) => s.open);
  // The blueprint dock takes the same place: opening it closes this panel.
  useEffect(() => {
    if (blueprintOpen) usePilots.getState().set({ open: false });
  }, [blueprintOpen]);
  if (!open || appView === 'public') return null;
  return (
    <section className="pl-panel" data-testid="pilots-panel" aria-label={t('title')}>
      <header className="pl-head">
        <strong>{t('title')}</strong>
        <label className="pl-asof">
          {t('asOf')}
          <input
            type="date"
            data-testid="pilots-asof"
            value={asOfText ?? asOf}
            onChange={(e) => {
              setAsOfText(e.target.value);
              if (setPilotAsOf(e.target.value)) setAsOfText(null);
            }}
          />
        </label>
        <button type="button" className="link" onClick={() => setPilotAsOf(todayIso())}>
          {t('asOfToday')}
        </button>
        <span className="spacer" />
        <button type="button" className="link" aria-label={t('close')} onClick={() => usePilots.getState().set({ open: false })}>
          ×
        </button>
      </header>
      <nav className="pl-tabs" role="tablist">
        {(['overview', 'list', 'propose', 'layers'] as Tab[]).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'on' : ''} data-tab={k} onClick={() => setTab(k)}>
            {t(`tabs.${k}`)}
          </button>
        ))}
      </nav>
      <div className="pl-body">
        {(busy || changed || error) && (
          <p className="pl-status" role="status">
            {busy && <span>{t('busy')} </span>}
            {changed && <span className="pl-edited">{t('edited')} </span>}
            {error && <span className="pl-error">{lang === 'en' ? error.en : error.zh}</span>}
          </p>
        )}
        {base && !base.hasPilots && view && view.statuses.length === 0 && <p className="muted">{t('noPilots')}</p>}
        {view && tab === 'overview' && <Overview view={view} />}
        {view && tab === 'list' && <PilotList view={view} />}
        {tab === 'propose' && <ProposalList />}
        {view && tab === 'layers' && <LevelsAndLanding view={view} onSelect={selectCommunity} />}
      </div>
    </section>
  );
}

/** The dashboard: counts, targets, overdue items first, by stage and district, ratings, exports. */
function Overview({ view }: { view: PilotView }) {
  const { t } = usePilotsT();
  const s = view.summary;
  const stageBars = s.byStage.map((b) => ({
    key: String(b.stage),
    label: `${b.stage} ${t(`stage.${b.stage}`)}`,
    value: b.active,
    color: STAGE_COLORS[b.stage - 1],
  }));
  const districtBars = s.byDistrict.map((d) => ({ key: d.district, label: d.district, value: d.active, part: d.started, color: STAGE_COLORS[3] }));
  const ratingBars = (['excellent', 'good', 'pass', 'fail', 'none'] as const).map((r) => ({
    key: r,
    label: t(`rating.${r}`),
    value: s.latestRatings[r],
    color: r === 'fail' ? ([202, 55, 45, 255] as const) : r === 'none' ? REMOVED_COLOR : STAGE_COLORS[7],
  })) as Parameters<typeof BarChart>[0]['bars'];
  return (
    <div className="pl-overview">
      <dl className="pl-counts">
        <Count label={t('count.pilots')} value={s.pilots} id="pilots" />
        <Count label={t('count.active')} value={s.byStatus.active} id="active" />
        <Count label={t('count.removed')} value={s.byStatus.removed} id="removed" />
        <Count label={t('count.listed')} value={s.listed} id="listed" />
        <Count label={t('count.started')} value={s.started} id="started" />
        <Count label={t('count.subsidyEligible')} value={s.subsidyEligible} id="subsidy" />
        <Count label={t('count.constructionSubsidy')} value={t('wan', { v: s.constructionSubsidy.totalWan })} id="construction-subsidy" />
      </dl>
      <h3>{t('targets')}</h3>
      <ul className="pl-targets" data-testid="pilots-targets">
        {s.targets.map((g) => (
          <li key={g.by} data-by={g.by}>
            <div>
              {t('target', { year: g.by.slice(0, 4), target: g.target, started: g.started })}
              {g.undated > 0 && <span className="muted">{t('undated', { n: g.undated })}</span>}
            </div>
            <div
              className="pl-progress"
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={g.target}
              aria-valuenow={g.started}
              aria-label={t('target', { year: g.by.slice(0, 4), target: g.target, started: g.started })}
            >
              <span style={{ width: `${Math.min(100, g.share * 100)}%` }} />
            </div>
          </li>
        ))}
      </ul>
      <h3>{t('flagged')}</h3>
      {s.flagged.length === 0 ? (
        <p className="muted">{t('noFlagged')}</p>
      ) : (
        <ul className="pl-flagged" data-testid="pilots-flagged">
          {s.flagged.map((f) => (
            <li key={f.communityId}>
              <button type="button" className="link" onClick={() => selectCommunity(f.communityId)}>
                {f.name}
              </button>{' '}
              <FlagChips flags={f.flags} />
            </li>
          ))}
        </ul>
      )}
      <h3>{t('byStage')}</h3>
      <BarChart bars={stageBars} testId="stage-count" />
      <h3>
        {t('byDistrict')} <span className="muted">({t('byDistrictLegend')})</span>
      </h3>
      <BarChart bars={districtBars} testId="district-count" />
      <h3>{t('ratings')}</h3>
      <BarChart bars={ratingBars} testId="rating-count" />
      <ExportButtons view={view} />
    </div>
  );
}

function Count({ label, value, id }: { label: string; value: number | string; id: string }) {
  return (
    <div className="pl-count">
      <dt>{label}</dt>
      <dd data-testid={`pilots-count-${id}`}>{value}</dd>
    </div>
  );
}

/** Downloads of the edited programme: the package files and the CLI's status table. */
function ExportButtons({ view }: { view: PilotView }) {
  const { t } = usePilotsT();
  const data = useApp((s) => s.data);
  const save = (name: 'pilots.csv' | 'evaluations.csv') => downloadText(name, pilotFilesOf(usePilots.getState().edits)[name], 'text/csv;charset=utf-8');
  return (
    <>
      <h3>{t('export.title')}</h3>
      <div className="pl-row">
        <button type="button" data-testid="export-pilots" onClick={() => save('pilots.csv')}>
          {t('export.pilots')}
        </button>
        <button type="button" data-testid="export-evaluations" onClick={() => save('evaluations.csv')}>
          {t('export.evaluations')}
        </button>
        {data && (
          <button
            type="button"
            onClick={() => {
              // pilotStatusCsv reads a community's id, name, street and district only
              const communities = data.communities.features.map((f) => ({
                id: f.properties.id,
                name: f.properties.name,
                street: f.properties.street,
                district: f.properties.district,
              }));
              downloadText(
                'pilot-status.csv',
                P.pilotStatusCsv(view.statuses, communities as unknown as Parameters<typeof P.pilotStatusCsv>[1]),
                'text/csv;charset=utf-8',
              );
            }}
          >
            {t('export.status')}
          </button>
        )}
      </div>
    </>
  );
}

/** Every pilot of the edited programme: stage, flags, one click to move it a stage on. */
function PilotList({ view }: { view: PilotView }) {
  const { t } = usePilotsT();
  const data = useApp((s) => s.data);
  const props = data?.communities.features;
  const rows = [...view.statuses].sort((a, b) => b.flags.length - a.flags.length || a.pilot.stage - b.pilot.stage);
  return (
    <table className="pl-table" data-testid="pilots-list">
      <thead>
        <tr>
          <th>{t('list.name')}</th>
          <th>{t('list.batch')}</th>
          <th>{t('list.stage')}</th>
          <th>{t('list.flags')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => {
          const p = s.pilot;
          const name = props?.[p.community]?.properties.name ?? p.communityId;
          return (
            <tr key={p.communityId} data-id={p.communityId} className={p.status === 'removed' ? 'removed' : ''}>
              <td>
                <button type="button" className="link" onClick={() => selectCommunity(p.communityId)}>
                  {name}
                </button>
              </td>
              <td className="num">{p.batch}</td>
              <td data-testid="pilot-stage">{p.status === 'removed' ? t('status.removed') : `${p.stage} ${t(`stage.${p.stage}`)}`}</td>
              <td>
                <FlagChips flags={s.flags} />
              </td>
              <td>
                {p.status === 'active' && p.stage < 9 && (
                  <button
                    type="button"
                    data-testid="advance-stage"
                    aria-label={t('list.advanceOf', { name })}
                    title={t('list.advance')}
                    onClick={() => advanceStage(p.communityId)}
                  >
                    →
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
