import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type CommunityResult, serviceIndex, type ServiceCode } from '../engine/index';
import { fmtNum, fmtPct } from './format';
import { useLang } from '../i18n/lang';
import { downloadBlob, downloadText } from '../export/download';
import { datedName } from '../export/fileName';
import { rankingTable, tableCsv } from '../export/rankingExport';
import { tablesXlsx } from '../export/xlsx';

type SortKey = 'rank' | 'name' | 'street' | 'households' | 'areaPer100' | 'shortfall' | 'coverage' | 'functions';

interface Props {
  communities: CommunityResult[];
  service: ServiceCode;
  selectedId?: string;
  onSelect: (id: string) => void;
  /** One more column at the end (e.g. the missing-centre flags); not sortable. */
  extraColumn?: { header: ReactNode; cell: (c: CommunityResult) => ReactNode };
}

/** Communities by need, sortable, filtered by district and street; a row click selects on the map. */
export function RankingTable({ communities, service, selectedId, onSelect, extraColumn }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const si = serviceIndex(service);
  const [district, setDistrict] = useState('');
  const [street, setStreet] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; asc: boolean }>({ key: 'rank', asc: true });
  const districts = useMemo(() => [...new Set(communities.map((c) => c.district))].sort(), [communities]);
  const streets = useMemo(
    () => [...new Set(communities.filter((c) => !district || c.district === district).map((c) => c.street))].sort(),
    [communities, district],
  );
  const rows = useMemo(() => {
    const value = (c: CommunityResult): number | string => {
      switch (sort.key) {
        case 'rank':
          return c.needRank;
        case 'name':
          return c.name;
        case 'street':
          return c.street;
        case 'households':
          return c.households;
        case 'areaPer100':
          return c.areaPer100hh ?? -1;
        case 'shortfall':
          return c.shortfallBaseM2;
        case 'coverage':
          return c.coverage[si] ?? -1;
        case 'functions':
          return c.functions.length;
      }
    };
    const list = communities.filter((c) => (!district || c.district === district) && (!street || c.street === street));
    return list.sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      const d = typeof va === 'string' ? va.localeCompare(vb as string, 'zh-CN') : va - (vb as number);
      return sort.asc ? d : -d;
    });
  }, [communities, district, street, sort, si]);
  const head = (key: SortKey, label: string) => (
    <th aria-sort={sort.key === key ? (sort.asc ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        data-sort={key}
        onClick={() => setSort({ key, asc: sort.key === key ? !sort.asc : key === 'rank' || key === 'name' || key === 'street' })}
      >
        {label}
        {sort.key === key ? (sort.asc ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  return (
    <div className="ranking" data-testid="ranking">
      <div className="ranking-filters">
        <strong>{t('ranking.title')}</strong>
        <select
          data-testid="ranking-district"
          value={district}
          onChange={(e) => {
            setDistrict(e.target.value);
            setStreet('');
          }}
        >
          <option value="">{t('ranking.filterDistrict')}</option>
          {districts.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
        <select data-testid="ranking-street" value={street} onChange={(e) => setStreet(e.target.value)}>
          <option value="">{t('ranking.filterStreet')}</option>
          {streets.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <span className="muted">{rows.length}</span>
        <span className="spacer" />
        <button
          type="button"
          data-testid="ranking-csv"
          onClick={() => downloadText(datedName(t('ranking.file'), 'csv'), tableCsv(rankingTable(rows, lang)), 'text/csv;charset=utf-8')}
        >
          {t('ranking.exportCsv')}
        </button>
        <button
          type="button"
          data-testid="ranking-xlsx"
          onClick={async () => {
            const bytes = await tablesXlsx([rankingTable(rows, lang)], lang);
            downloadBlob(
              datedName(t('ranking.file'), 'xlsx'),
              new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
            );
          }}
        >
          {t('ranking.exportXlsx')}
        </button>
      </div>
      <div className="ranking-scroll">
        <table>
          <thead>
            <tr>
              {head('rank', t('ranking.rank'))}
              {head('name', t('ranking.name'))}
              {head('street', t('ranking.street'))}
              {head('households', t('ranking.households'))}
              {head('areaPer100', t('ranking.areaPer100'))}
              {head('shortfall', t('ranking.shortfall'))}
              {head('coverage', t('ranking.coverage'))}
              {head('functions', t('ranking.functions'))}
              {extraColumn && <th>{extraColumn.header}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id} data-id={c.id} className={c.id === selectedId ? 'selected' : ''} onClick={() => onSelect(c.id)}>
                <td>{c.needRank}</td>
                <td>{c.name}</td>
                <td>{c.street}</td>
                <td className="num">{fmtNum(c.households, lang)}</td>
                <td className="num">{fmtNum(c.areaPer100hh, lang, 1)}</td>
                <td className="num">{fmtNum(c.shortfallBaseM2, lang)}</td>
                <td className="num">{fmtPct(c.coverage[si], lang, 0)}</td>
                <td className="num">{c.functions.length}</td>
                {extraColumn && <td>{extraColumn.cell(c)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
