import { useApp } from '../../state/appStore';
import { useBlueprint } from '../../state/blueprintStore';
import { removeSite, restoreFacility } from '../../state/scenarioActions';
import { useS } from './strings';

/** In an existing facility's panel: close it in the scenario, or move it with a map click. */
export function FacilityActions({ facilityId }: { facilityId: string }) {
  const { S } = useS();
  const removed = useBlueprint((s) => s.scenario.removed?.includes(facilityId) === true);
  const moved = useBlueprint((s) => s.scenario.moved?.some((m) => m.facilityId === facilityId) === true);
  const view = useApp((s) => s.view);
  if (view === 'public') return null;
  const open = () => useBlueprint.getState().set({ open: true, tab: 'scenario' });
  return (
    <div className="bp-row bp-facility-actions" data-testid="facility-actions">
      {removed || moved ? (
        <button type="button" onClick={() => void restoreFacility(facilityId)}>{S.scenario.restore}</button>
      ) : null}
      {!removed && (
        <button type="button" data-testid="facility-close" onClick={() => { open(); void removeSite(facilityId, true); }}>{S.scenario.close}</button>
      )}
      {!removed && (
        <button type="button" data-testid="facility-move" onClick={() => { open(); useBlueprint.getState().set({ tool: 'move', moveId: facilityId }); }}>{S.scenario.moveHere}</button>
      )}
    </div>
  );
}
