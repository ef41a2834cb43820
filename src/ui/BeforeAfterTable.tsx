import { useTranslation } from 'react-i18next';
import { serviceIndex, type CommunityResult, type ServiceCode } from '../engine/index';
import { useLang } from '../i18n/lang';
import { fmtM2, fmtNum, fmtPct, serviceName } from './format';

/** One row of a {@link BeforeAfterTable}: its label and the two values as text. */
export interface BeforeAfterRow {
  id: string;
  label: string;
  before: string;
  after: string;
  /** The change, in the table's third column (shown when the table has a `deltaHeader`). */
  delta?: string;
  /** `data-testid`s of the row's after and change cells. */
  afterTestId?: string;
  deltaTestId?: string;
}

/**
 * A compact 实施前 / 实施后 table: a label and the two values per row. Row `id`s become the rows'
 * `data-testid`s after `rowTestIdPrefix`; with `deltaHeader`, a third column of changes. Used by the
 * scenario dock's summary (ScenarioSummaryView), the blueprint's scope (BeforeAfterBars) and a
 * community, street or district with the what-if scenario ({@link ScenarioTable}).
 */
export function BeforeAfterTable({
  rows,
  rowTestIdPrefix,
  testid,
  deltaHeader,
}: {
  rows: BeforeAfterRow[];
  rowTestIdPrefix: string;
  testid?: string;
  /** Heading of a third column, the change (rows' `delta`); none without it. */
  deltaHeader?: string;
}) {
  const { t } = useTranslation(['translation', 'blueprint']);
  return (
    <table className="bp-table compact" data-testid={testid}>
      <thead>
        <tr>
          <th />
          <th>{t('blueprint:before')}</th>
          <th>{t('blueprint:after')}</th>
          {deltaHeader !== undefined && <th>{deltaHeader}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-testid={`${rowTestIdPrefix}${r.id}`}>
            <th scope="row">{r.label}</th>
            <td>{r.before}</td>
            <td data-testid={r.afterTestId}>{r.after}</td>
            {deltaHeader !== undefined && <td data-testid={r.deltaTestId}>{r.delta}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What a community and a street or district have alike: the figures a what-if changes. */
type ScenarioFigures = Pick<CommunityResult, 'coverage' | 'areaPer100hh' | 'shortfallBaseM2' | 'shortfallEnhancedM2'>;

/**
 * A community, street or district now and with the evaluated what-if scenario (the map colours the
 * latter): the selected service's coverage, the area per 100 households and the two shortfalls,
 * then any `extra` rows. Rows' test ids are `<testid>-<row id>`.
 */
export function ScenarioTable({
  now,
  after,
  service,
  testid,
  extra = [],
}: {
  now: ScenarioFigures;
  after: ScenarioFigures;
  service: ServiceCode;
  testid: string;
  extra?: BeforeAfterRow[];
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const si = serviceIndex(service);
  const per100 = (v: number | null) => (v === null ? '—' : `${fmtNum(v, lang, 1)} ${t('unit.per100')}`);
  return (
    <>
      <h3>{t('tooltip.scenario')}</h3>
      <BeforeAfterTable
        testid={testid}
        rowTestIdPrefix={`${testid}-`}
        rows={[
          { id: 'coverage', label: serviceName(service, lang), before: fmtPct(now.coverage[si], lang), after: fmtPct(after.coverage[si], lang) },
          { id: 'per100', label: t('panel.areaPer100'), before: per100(now.areaPer100hh), after: per100(after.areaPer100hh) },
          { id: 'shortfall30', label: t('panel.shortfall30'), before: fmtM2(now.shortfallBaseM2, lang), after: fmtM2(after.shortfallBaseM2, lang) },
          { id: 'shortfall80', label: t('panel.shortfall80'), before: fmtM2(now.shortfallEnhancedM2, lang), after: fmtM2(after.shortfallEnhancedM2, lang) },
          ...extra,
        ]}
      />
    </>
  );
}
