import { useApp } from '../../state/appStore';
import { useBlueprint } from '../../state/blueprintStore';
import { removeSite, restoreFacility } from '../../state/scenarioActions';
import { useTranslation } from 'react-i18next';

/** In an existing facility's panel: close it in the scenario, or move it with a map click. */
export function FacilityActions({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation(['translation', 'blueprint']);
  const removed = useBlueprint((s) => s.scenario.removed?.includes(facilityId) === true);
  const moved = useBlueprint((s) => s.scenario.moved?.some((m) => m.facilityId === facilityId) === true);
  const view = useApp((s) => s.view);
  if (view === 'public') return null;
  const open = () => useBlueprint.getState().set({ open: true, tab: 'scenario' });
  return (
    <div className="bp-row bp-facility-actions" data-testid="facility-actions">
      {removed || moved ? (
        <button type="button" onClick={() => void restoreFacility(facilityId)}>
          {t('blueprint:scenario.restore')}
        </button>
      ) : null}
      {!removed && (
        <button
          type="button"
          data-testid="facility-close"
          onClick={() => {
            open();
            void removeSite(facilityId, true);
          }}
        >
          {t('blueprint:scenario.close')}
        </button>
      )}
      {!removed && (
        <button
          type="button"
          data-testid="facility-move"
          onClick={() => {
            open();
            useBlueprint.getState().set({ tool: 'move', moveId: facilityId });
          }}
        >
          {t('blueprint:scenario.moveHere')}
        </button>
      )}
    </div>
  );
}
