import { usePilots } from '../../state/pilotStore';
import { usePilotsT } from './usePilotsT';

/** In a community panel: missing street- and community-level centres, accessibility of its facilities, landing-point reach. */
export function CommunityPlanFlags({ index, communityId }: { index: number; communityId: string }) {
  const { t } = usePilotsT();
  const view = usePilots((s) => s.view);
  if (!view) return null;
  const lv = view.levels.communities[index];
  const landing = view.landing;
  const reachedBy = landing?.points.filter((p) => p.communities.includes(communityId)) ?? [];
  const flags: { key: string; text: string }[] = [];
  if (lv && !lv.streetHasCentre) flags.push({ key: 'street', text: t('levels.noStreetCentre') });
  if (lv && !lv.hasCommunityCentre) flags.push({ key: 'community', text: t('levels.noCommunityCentre') });
  if (landing && landing.communitiesNotReached.includes(communityId)) flags.push({ key: 'landing', text: t('landing.notReachedFlag') });
  return (
    <div className="pl-community-flags" data-testid="plan-flags">
      {flags.length > 0 && (
        <p className="chips">
          {flags.map((f) => (
            <span key={f.key} className="chip warn" data-flag={f.key}>
              {f.text}
            </span>
          ))}
        </p>
      )}
      {reachedBy.length > 0 && <p className="muted">{t('landing.reachedBy', { names: reachedBy.map((p) => p.name).join(t('sep')) })}</p>}
      {lv && lv.accessibility.facilities > 0 && (
        <p className="muted" data-testid="community-access">
          {t('access.community', lv.accessibility)}
        </p>
      )}
    </div>
  );
}
