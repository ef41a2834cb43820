import { type ScopeMeasures, SERVICES } from '../../engine/index';
import { SERVICE_COLORS, css } from '../../map/colors';
import { fmtHh, fmtM2, fmtNum, fmtPct, serviceName } from '../format';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/lang';

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
      <table className="bp-table compact">
        <thead>
          <tr>
            <th />
            <th>{t('blueprint:before')}</th>
            <th>{t('blueprint:after')}</th>
          </tr>
        </thead>
        <tbody>
          <Row
            label={`${t('blueprint:rules')}: ${t('blueprint:meetingArea')}`}
            b={fmtNum(before.meetingArea, lang)}
            a={fmtNum(after.meetingArea, lang)}
            id="meeting-area"
          />
          <Row
            label={`${t('blueprint:rules')}: ${t('blueprint:meetingComplex')}`}
            b={fmtNum(before.meetingComplexRule, lang)}
            a={fmtNum(after.meetingComplexRule, lang)}
            id="meeting-complex"
          />
          <Row
            label={`${t('blueprint:rules')}: ${t('blueprint:meetingBasic')}`}
            b={fmtNum(before.meetingBasicRule, lang)}
            a={fmtNum(after.meetingBasicRule, lang)}
            id="meeting-basic"
          />
          <Row label={t('blueprint:shortfall30')} b={fmtM2(before.shortfallBaseM2, lang)} a={fmtM2(after.shortfallBaseM2, lang)} id="shortfall30" />
          <Row label={t('blueprint:shortfall80')} b={fmtM2(before.shortfallEnhancedM2, lang)} a={fmtM2(after.shortfallEnhancedM2, lang)} id="shortfall80" />
          {SERVICES.map((s, k) => (
            <Row
              key={s}
              label={`${t('blueprint:beyond')}: ${serviceName(s, lang)}`}
              b={fmtHh(before.uncoveredHouseholds[k], lang)}
              a={fmtHh(after.uncoveredHouseholds[k], lang)}
              id={`beyond-${s}`}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Row({ label, b, a, id }: { label: string; b: string; a: string; id: string }) {
  return (
    <tr data-testid={`ba-${id}`}>
      <th scope="row">{label}</th>
      <td>{b}</td>
      <td>{a}</td>
    </tr>
  );
}
