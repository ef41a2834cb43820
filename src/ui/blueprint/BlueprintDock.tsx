import { useEffect, useRef } from 'react';
import type { MapData } from '../../worker/protocol';
import { afterAnalysis } from '../../state/afterAnalysis';
import { useApp } from '../../state/appStore';
import { BlueprintPanel } from './BlueprintPanel';
import { ComparePanel } from './ComparePanel';
import { ExportPanel } from './ExportPanel';
import { ScenarioPanel } from './ScenarioPanel';
import { StaleModeNotice } from './StaleModeNotice';
import { useBlueprint, type BpTab } from '../../state/blueprintStore';
import './blueprint.css';
import { useTranslation } from 'react-i18next';

/** Header button that opens the blueprint dock (planners only). */
export function BlueprintToggle() {
  const { t } = useTranslation(['translation', 'blueprint']);
  const open = useBlueprint((s) => s.open);
  const view = useApp((s) => s.view);
  if (view === 'public') return null;
  return (
    <button type="button" data-testid="blueprint-toggle" aria-pressed={open} onClick={() => useBlueprint.getState().set({ open: !open })}>
      {t('blueprint:open')}
    </button>
  );
}

/** The floating dock over the map: blueprint, what-if, comparison, exports. */
export function BlueprintDock() {
  const { t } = useTranslation(['translation', 'blueprint']);
  const open = useBlueprint((s) => s.open);
  const tab = useBlueprint((s) => s.tab);
  const set = useBlueprint((s) => s.set);
  const data = useApp((s) => s.data);
  const view = useApp((s) => s.view);
  // New data: another package clears every result; a mode switch keeps the edits and re-evaluates them.
  const shown = useRef<MapData | null>(null);
  useEffect(() => {
    if (!data || data === shown.current) return;
    afterAnalysis(data, shown.current);
    shown.current = data;
  }, [data]);
  if (!open || !data || view === 'public') return null;
  return (
    <section className="bp-dock" data-testid="blueprint-dock" aria-label={t('blueprint:open')}>
      <header className="bp-tabs" role="tablist">
        {(['blueprint', 'scenario', 'compare', 'export'] as BpTab[]).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'on' : ''} data-tab={k} onClick={() => set({ tab: k })}>
            {t(`blueprint:tabs.${k}`)}
          </button>
        ))}
        <span className="spacer" />
        <button type="button" className="link" aria-label={t('blueprint:close')} onClick={() => set({ open: false })}>
          ×
        </button>
      </header>
      <StaleModeNotice />
      <div className="bp-body">
        {tab === 'blueprint' && <BlueprintPanel />}
        {tab === 'scenario' && <ScenarioPanel />}
        {tab === 'compare' && <ComparePanel />}
        {tab === 'export' && <ExportPanel />}
      </div>
    </section>
  );
}
