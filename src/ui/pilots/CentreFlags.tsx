import { usePilots } from '../../state/pilotStore';
import { usePilotsT } from './usePilotsT';

/** Ranking-table header of the centre column. */
export function CentreFlagsHeader() {
  const { t } = usePilotsT();
  return <>{t('levels.column')}</>;
}

/** Ranking-table cell: 街 when the community's street has no street-level centre, 社 when it has no community-level centre. */
export function CentreFlagsCell({ index }: { index: number }) {
  const { t } = usePilotsT();
  const lv = usePilots((s) => s.view?.levels.communities[index]);
  if (!lv) return null;
  return (
    <span className="pl-centre-flags" data-testid="centre-flags">
      {!lv.streetHasCentre && (
        <abbr className="chip warn" title={t('levels.colStreetTitle')} data-flag="street">
          {t('levels.colStreet')}
        </abbr>
      )}
      {!lv.hasCommunityCentre && (
        <abbr className="chip warn" title={t('levels.colCommunityTitle')} data-flag="community">
          {t('levels.colCommunity')}
        </abbr>
      )}
    </span>
  );
}
