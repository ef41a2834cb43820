import { type ScopeMeasures, SERVICES } from '../../engine/index';
import { SERVICE_COLORS, css } from '../../map/colors';
import { fmtHh, fmtM2, fmtNum, fmtPct, serviceName } from '../format';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/lang';
import { BeforeAfterTable } from '../BeforeAfterTable';

/**
 * Before/after of a scope: coverage per service as paired bars (light = before, full = after),
 * communities meeting each rule, summed shortfalls and households beyond walking range.
 */
export function BeforeAfterBars({ before, after, testid = 'before-after' }: { before: ScopeMeasures; after: ScopeMeasures; testid?: string }) {
  const { t } = useTranslation(['translation', 'blueprint']);
  const lang = useLang();
  const rowH = 22;
  const W = 360;
  const labelW = 70;
  const barW = W - labelW - 90;
  return (
    <div className="bp-before-after" data-testid={testid}>
      <h4>{t('blueprint:coverage')}</h4>
      <svg width={W} height={SERVICES.length * rowH + 4} role="img" aria-label={t('blueprint:coverage')}>
        {SERVICES.map((s, k) => {
          const b = before.coverage[k] ?? 0;
          const a = after.coverage[k] ?? 0;
          const c = SERVICE_COLORS[s];
          const y = k * rowH + 2;
          return (
            <g key={s} data-service={s}>
              <text x={0} y={y + 13} className="chart-label">
                {serviceName(s, lang)}
              </text>
              <rect x={labelW} y={y} width={barW * b} height={8} fill={css([c[0], c[1], c[2], 90])} />
              <rect x={labelW} y={y + 9} width={barW * a} height={8} fill={css(c)} />
              <text x={labelW + barW + 4} y={y + 13} className="chart-value" data-testid={`cov-${s}`}>
                {fmtPct(before.coverage[k], lang)} → {fmtPct(after.coverage[k], lang)}
              </text>
            </g>
          );
        })}
      </svg>
      <BeforeAfterTable
        rowTestIdPrefix="ba-"
        rows={[
          {
            id: 'meeting-area',
            label: `${t('blueprint:rules')}: ${t('blueprint:meetingArea')}`,
            before: fmtNum(before.meetingArea, lang),
            after: fmtNum(after.meetingArea, lang),
          },
          {
            id: 'meeting-complex',
            label: `${t('blueprint:rules')}: ${t('blueprint:meetingComplex')}`,
            before: fmtNum(before.meetingComplexRule, lang),
            after: fmtNum(after.meetingComplexRule, lang),
          },
          {
            id: 'meeting-basic',
            label: `${t('blueprint:rules')}: ${t('blueprint:meetingBasic')}`,
            before: fmtNum(before.meetingBasicRule, lang),
            after: fmtNum(after.meetingBasicRule, lang),
          },
          { id: 'shortfall30', label: t('blueprint:shortfall30'), before: fmtM2(before.shortfallBaseM2, lang), after: fmtM2(after.shortfallBaseM2, lang) },
          {
            id: 'shortfall80',
            label: t('blueprint:shortfall80'),
            before: fmtM2(before.shortfallEnhancedM2, lang),
            after: fmtM2(after.shortfallEnhancedM2, lang),
          },
          ...SERVICES.map((s, k) => ({
            id: `beyond-${s}`,
            label: `${t('blueprint:beyond')}: ${serviceName(s, lang)}`,
            before: fmtHh(before.uncoveredHouseholds[k], lang),
            after: fmtHh(after.uncoveredHouseholds[k], lang),
          })),
        ]}
      />
    </div>
  );
}
