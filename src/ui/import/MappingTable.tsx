import { useTranslation } from 'react-i18next';
import { importer, type ImportRole } from '../../engine/index';
import { effectiveColumns, setColumnField } from '../../state/importActions';
import type { ImportEntry } from '../../state/importStore';
import { ValueWords } from './ValueWords';

/**
 * One file's column mapping: a column per source header, with a select of the contract field it
 * feeds (the guess filled in) above the first rows of the file. Cells are React text, never markup.
 */
export function MappingTable({ entry, estimate = false }: { entry: ImportEntry; /** households may be estimated (buildings) */ estimate?: boolean }) {
  const { t } = useTranslation('import');
  const first = entry.previews[0];
  if (!first) return null;
  const role = entry.role as ImportRole;
  const fields = Object.keys(importer.HEADER_SYNONYMS[role]);
  const required = importer.REQUIRED_FIELDS[role] as readonly string[];
  const eff = effectiveColumns(entry);
  const fieldOf = (h: string) => Object.entries(eff).find(([, v]) => v === h)?.[0] ?? '';
  const constants = Object.entries(eff).filter(([, v]) => typeof v === 'string' && v.startsWith('='));
  const missing = required.filter((f) => !eff[f] && !(estimate && role === 'buildings' && f === 'households'));
  const label = (f: string) => `${f}${required.includes(f) ? ` (${t('required')})` : ''}`;
  return (
    <div className="import-mapping" data-testid={`mapping-${entry.name}`}>
      <div className="import-mapping-head">
        <strong>{entry.name}</strong>
        <span className="muted">{t('preview', { n: first.preview.length })}</span>
        {entry.recalled && <span className="muted">· {t('recalled')}</span>}
      </div>
      <div className="import-scroll">
        <table className="data-table import-table">
          <thead>
            <tr>
              {first.header.map((h, i) => (
                <th key={i} scope="col">
                  <div className="import-header-name">{h}</div>
                  <select
                    aria-label={`${entry.name} · ${h}`}
                    data-testid={`field-${entry.name}-${h}`}
                    value={fieldOf(h)}
                    onChange={(e) => setColumnField(entry.id, h, e.target.value)}
                  >
                    <option value="">{t('none')}</option>
                    {fields.map((f) => (
                      <option key={f} value={f}>
                        {label(f)}
                      </option>
                    ))}
                  </select>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {first.preview.map((row, r) => (
              <tr key={r}>
                {first.header.map((_, c) => (
                  <td key={c}>{row[c] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {constants.length > 0 && <p className="muted">{constants.map(([f, v]) => `${f}: ${t('constant', { v: (v as string).slice(1) })}`).join('；')}</p>}
      {missing.length > 0 && (
        <p className="import-warn" role="status">
          {t('missingFields', { fields: missing.join(', ') })}
        </p>
      )}
      <ValueWords entry={entry} />
      {entry.previews.length > 1 && (
        <p className="muted">
          {t('otherTables', {
            names: entry.previews
              .slice(1)
              .map((p) => p.file)
              .join(', '),
          })}
        </p>
      )}
    </div>
  );
}
