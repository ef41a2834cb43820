import { useTranslation } from 'react-i18next';
import { useApp } from '../state/appStore';
import { lookupCommunity, lookupRollup } from '../state/panelIndex';
import type { Selection } from '../state/viewState';
import { CandidatePanel } from './CandidatePanel';
import { CommunityPanel } from './CommunityPanel';
import { FacilityPanel } from './FacilityPanel';
import { RollupPanel } from './RollupPanel';
import { SummaryPanel } from './SummaryPanel';
import { ReachPanel } from './network/ReachPanel';

/** The right-hand panel: details of the selection, or the overview. */
export function SidePanel() {
  const { t } = useTranslation();
  const data = useApp((s) => s.data);
  const selection = useApp((s) => s.selection);
  const service = useApp((s) => s.service);
  const view = useApp((s) => s.view);
  const set = useApp((s) => s.set);
  if (!data) return <aside className="side-panel" data-testid="side-panel" />;
  const a = data.analysis;
  const select = (sel: Selection) => set({ selection: sel, zoomRequest: useApp.getState().zoomRequest + 1 });
  let body = <SummaryPanel analysis={a} service={service} />;
  if (selection?.kind === 'community') {
    const hit = lookupCommunity(a, selection.id); // index built once per analysis (state/panelIndex.ts)
    const r = hit?.result;
    if (r) {
      body = (
        <CommunityPanel
          result={r}
          census={data.communities.features[r.index]?.properties}
          policy={a.policy}
          totalCommunities={a.communities.length}
          street={hit.street}
          district={hit.district}
          service={service}
          onSelect={select}
        />
      );
    }
  } else if (selection?.kind === 'street' || selection?.kind === 'district') {
    const r = lookupRollup(a, selection.kind, selection.id);
    if (r) body = <RollupPanel rollup={r} communities={a.communities} policy={a.policy} service={service} onSelect={select} />;
  } else if (selection?.kind === 'facility') {
    const f = data.facilities.find((x) => x.id === selection.id);
    if (f) body = <FacilityPanel facility={f} policy={a.policy} communityName={a.communities[f.community]?.name} />;
  } else if (selection?.kind === 'candidate' && view !== 'public') {
    const c = data.candidates.find((x) => x.id === selection.id);
    if (c) body = <CandidatePanel candidate={c} communityName={a.communities[c.community]?.name} />;
  }
  return (
    <aside className="side-panel" data-testid="side-panel">
      {selection && (
        <div className="panel-actions">
          <button type="button" onClick={() => set({ zoomRequest: useApp.getState().zoomRequest + 1 })}>
            {t('control.zoomTo')}
          </button>
          <button type="button" data-testid="clear-selection" onClick={() => set({ selection: null })}>
            {t('control.clear')}
          </button>
        </div>
      )}
      <ReachPanel />
      {body}
    </aside>
  );
}
