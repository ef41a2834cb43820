import { useApp } from '../../state/appStore';
import { usePilots } from '../../state/pilotStore';
import type { PilotView } from '../../worker/protocol';
import { fmtM, fmtNum } from '../format';
import { usePilotsT } from './usePilotsT';

/** Community names as buttons that select the community, separated by `sep`. */
function CommunityLinks({ ids, names, sep, onSelect }: { ids: readonly string[]; names: Map<string, string>; sep: string; onSelect: (id: string) => void }) {
  return ids.map((id, i) => (
    <span key={id}>
      {i > 0 && sep}
      <button type="button" className="link" onClick={() => onSelect(id)}>
        {names.get(id) ?? id}
      </button>
    </span>
  ));
}

/** Service levels (streets and communities without a centre), accessibility totals, landing points and their reach. */
export function LevelsAndLanding({ view, onSelect }: { view: PilotView; onSelect: (communityId: string) => void }) {
  const { t, lang } = usePilotsT();
  const data = useApp((s) => s.data);
  const base = usePilots((s) => s.base);
  const byId = new Map(data?.communities.features.map((f) => [f.properties.id, f.properties.name]));
  const lv = view.levels;
  const noCentre = lv.communitiesWithoutCommunityCentre;
  return (
    <div className="pl-layers">
      <h3>{t('levels.title')}</h3>
      <h4>{t('levels.streetsWithout', { n: lv.streetsWithoutStreetCentre.length })}</h4>
      <p className="pl-names" data-testid="streets-without-centre">
        {lv.streetsWithoutStreetCentre.length ? lv.streetsWithoutStreetCentre.map((s) => `${s.district} ${s.street}`).join(t('sep')) : t('levels.all')}
      </p>
      <h4>{t('levels.communitiesWithout', { n: noCentre.length })}</h4>
      <p className="pl-names" data-testid="communities-without-centre">
        {noCentre.length === 0 && t('levels.all')}
        <CommunityLinks ids={noCentre} names={byId} sep={t('sep')} onSelect={onSelect} />
      </p>
      <h3>{t('access.title')}</h3>
      <p data-testid="access-totals">{t('access.totals', lv.accessibility)}</p>
      <h3>{t('landing.title')}</h3>
      {!view.landing || !base?.landingPoints.length ? (
        <p className="muted">{t('landing.none')}</p>
      ) : (
        <>
          <table className="pl-table" data-testid="landing-table">
            <thead>
              <tr>
                <th>{t('landing.name')}</th>
                <th>{t('landing.radius')}</th>
                <th>{t('landing.buildings')}</th>
                <th>{t('landing.households')}</th>
                <th>{t('landing.communities')}</th>
              </tr>
            </thead>
            <tbody>
              {view.landing.points.map((p) => (
                <tr key={p.id} data-id={p.id}>
                  <td>
                    {p.name} <span className="muted">{t(`landing.kind.${p.kind}`)}</span>
                  </td>
                  <td className="num">{fmtM(p.radiusM, lang)}</td>
                  <td className="num">{fmtNum(p.buildings, lang)}</td>
                  <td className="num">{fmtNum(p.households, lang)}</td>
                  <td className="num" title={p.communities.map((id) => byId.get(id) ?? id).join(t('sep'))}>
                    {p.communities.length}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{t('landing.reached', { hh: fmtNum(view.landing.householdsReached, lang) })}</p>
          <h4>{t('landing.notReached', { n: view.landing.communitiesNotReached.length })}</h4>
          <p className="pl-names" data-testid="landing-not-reached">
            <CommunityLinks ids={view.landing.communitiesNotReached} names={byId} sep={t('sep')} onSelect={onSelect} />
          </p>
        </>
      )}
    </div>
  );
}
