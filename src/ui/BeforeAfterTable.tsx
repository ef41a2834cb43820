import { useTranslation } from 'react-i18next';

/** One row of a {@link BeforeAfterTable}: its label and the two values as text. */
export interface BeforeAfterRow {
  id: string;
  label: string;
  before: string;
  after: string;
}

/**
 * A compact 实施前 / 实施后 table: a label and the two values per row. Row `id`s become the rows'
 * `data-testid`s after `rowTestIdPrefix`. Used by the blueprint's scope (BeforeAfterBars) and a
 * community with the what-if scenario (CommunityPanel).
 */
export function BeforeAfterTable({ rows, rowTestIdPrefix, testid }: { rows: BeforeAfterRow[]; rowTestIdPrefix: string; testid?: string }) {
  const { t } = useTranslation(['translation', 'blueprint']);
  return (
    <table className="bp-table compact" data-testid={testid}>
      <thead>
        <tr>
          <th />
          <th>{t('blueprint:before')}</th>
          <th>{t('blueprint:after')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-testid={`${rowTestIdPrefix}${r.id}`}>
            <th scope="row">{r.label}</th>
            <td>{r.before}</td>
            <td>{r.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
