import { usePilots, type AccessFilter } from '../../state/pilotStore';
import { usePilotsT } from './usePilotsT';

const FLAGS: (keyof AccessFilter)[] = ['barrierFree', 'elderFriendly', 'childFriendly'];

/** Switches of the plan's layers: pilots by stage, landing points (planners only), and the facility accessibility filter. */
export function PlanLayerSwitches({ publicView }: { publicView: boolean }) {
  const { t } = usePilotsT();
  const showPilots = usePilots((s) => s.showPilots);
  const showLanding = usePilots((s) => s.showLanding);
  const hasPilots = usePilots((s) => s.edits.pilots.length > 0);
  const hasLanding = usePilots((s) => (s.base?.landingPoints.length ?? 0) > 0);
  const filter = usePilots((s) => s.accessFilter);
  const set = usePilots((s) => s.set);
  return (
    <>
      {hasPilots && !publicView && (
        <label className="check">
          <input type="checkbox" data-layer="pilots" checked={showPilots} onChange={() => set({ showPilots: !showPilots })} />
          {t('layer.pilots')}
        </label>
      )}
      {hasLanding && !publicView && (
        <label className="check">
          <input type="checkbox" data-layer="landing" checked={showLanding} onChange={() => set({ showLanding: !showLanding })} />
          {t('layer.landing')}
        </label>
      )}
      <div className="pl-access-filter" role="group" aria-label={t('access.filter')}>
        <span className="muted">{t('access.filter')}</span>
        {FLAGS.map((k) => (
          <label key={k} className="check">
            <input type="checkbox" data-access={k} checked={filter[k]} onChange={() => set({ accessFilter: { ...filter, [k]: !filter[k] } })} />
            {t(`access.${k}`)}
          </label>
        ))}
      </div>
    </>
  );
}
