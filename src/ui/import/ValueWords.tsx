import { useTranslation } from 'react-i18next';
import { importer, type ImportRole } from '../../engine/index';
import { effectiveColumns, setValueWord } from '../../state/importActions';
import type { ImportEntry } from '../../state/importStore';

/** One unrecognised word of a value field, with the rows holding it and the code chosen for it ('' = none). */
export interface UnknownValue {
  field: string;
  word: string;
  rows: number;
  chosen: string;
}

/**
 * The words of an entry's value fields (services, status, level, source, ownership) that the
 * vocabulary and the dropped mapping file do not know, among the rows the preview read; words
 * chosen in the wizard stay listed so they can be changed.
 */
export function unknownValuesOf(entry: ImportEntry): UnknownValue[] {
  const first = entry.previews[0];
  if (!first) return [];
  const role = entry.role as ImportRole;
  const eff = effectiveColumns(entry);
  const out: UnknownValue[] = [];
  for (const field of Object.keys(importer.VALUE_FIELDS[role] ?? {})) {
    const src = eff[field];
    if (!src) continue;
    const col = src.startsWith('=') ? -1 : first.header.indexOf(src);
    const values = col >= 0 ? (first.values[col] ?? []) : [{ value: src.slice(1), rows: first.rows }];
    for (const u of importer.unknownWords(role, field, values, entry.dropped?.values?.[field]))
      out.push({ field, word: u.value, rows: u.rows, chosen: entry.values?.[field]?.[u.value] ?? '' });
  }
  return out;
}

/**
 * The wizard's value-word table for one file: each unrecognised word with a select of the
 * contract values of its field (labelled by the vocabulary's first word and the code). The
 * choice goes into the file's mapping `values`, exactly as a mapping.json entry would.
 */
export function ValueWords({ entry }: { entry: ImportEntry }) {
  const { t } = useTranslation('import');
  const first = entry.previews[0];
  const unknown = unknownValuesOf(entry);
  if (!first || unknown.length === 0) return null;
  const role = entry.role as ImportRole;
  const label = (field: string, code: string) => `${importer.VALUE_FIELDS[role][field][code]?.[0] ?? code} (${code})`;
  return (
    <div className="import-values" data-testid={`values-${entry.name}`}>
      <strong>{t('valuesTitle', { file: entry.name })}</strong>
      <p className="muted">
        {t('valuesNote')} {!first.complete && t('valuesPartial', { n: first.read })}
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('valueField')}</th>
            <th scope="col">{t('valueWord')}</th>
            <th scope="col" className="num">
              {t('valueRows')}
            </th>
            <th scope="col">{t('valueCode')}</th>
          </tr>
        </thead>
        <tbody>
          {unknown.map((u) => (
            <tr key={`${u.field}\u0000${u.word}`}>
              <td>{u.field}</td>
              <td>{u.word}</td>
              <td className="num">{u.rows}</td>
              <td>
                <select
                  aria-label={`${entry.name} · ${u.field} · ${u.word}`}
                  data-testid={`value-${entry.name}-${u.field}-${u.word}`}
                  value={u.chosen}
                  onChange={(e) => setValueWord(entry.id, u.field, u.word, e.target.value)}
                >
                  <option value="">{t('valueNone')}</option>
                  {importer.valueCodes(role, u.field).map((c) => (
                    <option key={c} value={c}>
                      {label(u.field, c)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
