import { useState } from 'react';
import { useApp } from '../../state/appStore';
import { addProposal, adoptProposal, dropProposal, proposeNow } from '../../state/pilotActions';
import { usePilots } from '../../state/pilotStore';
import { fmtNum } from '../format';
import { usePilotsT } from './usePilotsT';

/** The proposal: N communities by need (at most K per district), edited by hand, then adopted as stage-4 pilots. */
export function ProposalList() {
  const { t, lang } = usePilotsT();
  const proposal = usePilots((s) => s.proposal);
  const count = usePilots((s) => s.proposeCount);
  const perDistrict = usePilots((s) => s.proposePerDistrict);
  const busy = usePilots((s) => s.busy);
  const pilots = usePilots((s) => s.edits.pilots);
  const data = useApp((s) => s.data);
  const [n, setN] = useState(String(count));
  const [k, setK] = useState(perDistrict === null ? '' : String(perDistrict));
  const [pick, setPick] = useState('');
  const [adopted, setAdopted] = useState<{ n: number; batch: number } | null>(null);
  const active = new Set(pilots.filter((p) => p.status === 'active').map((p) => p.communityId));
  const listed = new Set(proposal.map((r) => r.community.id));
  const addable = (data?.analysis.communities ?? []).filter((c) => !active.has(c.id) && !listed.has(c.id)).sort((a, b) => a.needRank - b.needRank);
  const nValue = Number.parseInt(n, 10);
  const kValue = k === '' ? null : Number.parseInt(k, 10);
  const valid = Number.isInteger(nValue) && nValue >= 0 && (kValue === null || (Number.isInteger(kValue) && kValue >= 1));
  return (
    <div className="pl-propose">
      <p className="muted">{t('propose.intro')}</p>
      <div className="pl-row">
        <label>
          {t('propose.count')}
          <input type="number" min={0} step={1} value={n} data-testid="propose-count" onChange={(e) => setN(e.target.value)} />
        </label>
        <label>
          {t('propose.perDistrict')}
          <input
            type="number"
            min={1}
            step={1}
            value={k}
            placeholder={t('propose.noLimit')}
            data-testid="propose-per-district"
            onChange={(e) => setK(e.target.value)}
          />
        </label>
        <button type="button" disabled={!valid || busy} data-testid="propose-run" onClick={() => void proposeNow(nValue, kValue)}>
          {t('propose.run')}
        </button>
      </div>
      {proposal.length === 0 ? (
        <p className="muted">{t('propose.empty')}</p>
      ) : (
        <table className="pl-table" data-testid="proposal-list">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('list.name')}</th>
              <th>{t('propose.need')}</th>
              <th>{t('propose.reason')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {proposal.map((r) => (
              <tr key={r.community.id} data-id={r.community.id}>
                <td className="num">{r.rank}</td>
                <td className="pl-name">
                  {r.community.name}
                  <br />
                  <span className="muted">{r.community.district}</span>
                </td>
                <td className="num">{fmtNum(r.community.needScore, lang, 3)}</td>
                <td className="pl-reason">{r.manual ? t('propose.manual') : lang === 'en' ? r.reasonEn : r.reasonZh}</td>
                <td>
                  <button
                    type="button"
                    aria-label={t('propose.removeOf', { name: r.community.name })}
                    title={t('propose.remove')}
                    onClick={() => dropProposal(r.community.id)}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="pl-row">
        <label>
          {t('propose.add')}
          <select value={pick} data-testid="propose-add-select" onChange={(e) => setPick(e.target.value)}>
            <option value="">{t('propose.addPlaceholder')}</option>
            {addable.map((c) => (
              <option key={c.id} value={c.id}>
                {c.needRank}. {c.name} · {c.street}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={!pick}
          data-testid="propose-add"
          onClick={() => {
            const c = addable.find((x) => x.id === pick);
            if (c && addProposal(c)) setPick('');
          }}
        >
          {t('propose.addButton')}
        </button>
      </div>
      <div className="pl-row">
        <button
          type="button"
          className="primary"
          disabled={proposal.length === 0}
          data-testid="propose-adopt"
          onClick={() => {
            const batch = pilots.reduce((m, p) => Math.max(m, p.batch), 0) + 1;
            setAdopted({ n: adoptProposal(), batch });
          }}
        >
          {t('propose.adopt', { n: proposal.length })}
        </button>
      </div>
      {adopted && adopted.n > 0 && (
        <p role="status" data-testid="propose-adopted">
          {t('propose.adopted', adopted)}
        </p>
      )}
    </div>
  );
}
