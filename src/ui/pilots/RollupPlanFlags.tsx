import type { RollupResult } from '../../engine/index';
import { usePilots } from '../../state/pilotStore';
import { usePilotsT } from './usePilotsT';

/** In a street or district panel: a street without a street-level centre; the member communities without a community-level centre. */
export function RollupPlanFlags({ rollup: r }: { rollup: RollupResult }) {
  const { t } = usePilotsT();
  const view = usePilots((s) => s.view);
  if (!view) return null;
  const lv = view.levels;
  const noStreetCentre = r.level === 'street' && lv.streetsWithoutStreetCentre.some((s) => s.street === r.name && s.district === r.district);
  const streets = r.level === 'district' ? lv.streetsWithoutStreetCentre.filter((s) => s.district === r.name).map((s) => s.street) : [];
  if (!noStreetCentre && !streets.length) return null;
  return (
    <p className="chips" data-testid="rollup-plan-flags">
      {noStreetCentre && (
        <span className="chip warn" data-flag="street">
          {t('levels.noStreetCentreHere')}
        </span>
      )}
      {streets.length > 0 && (
        <span className="chip warn" data-flag="streets">
          {t('levels.streetsWithout', { n: streets.length })}: {streets.join(t('sep'))}
        </span>
      )}
    </p>
  );
}
