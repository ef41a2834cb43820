import { useTranslation } from 'react-i18next';
import { SERVICES, YILAO_YIXIAO, type ServiceCode } from '../engine/index';
import { CHART_COLORS, SERVICE_COLORS, css } from '../map/colors';
import { fmtM, fmtPct, serviceName } from './format';
import { useLang } from '../i18n/lang';

interface Props {
  /** Coverage 0…1 per service in SERVICES order, null where not measurable. */
  coverage: (number | null)[];
  thresholdsM: Record<ServiceCode, number>;
  selected?: ServiceCode;
}

const ROW = 22;
const LABEL_W = 118;
const BAR_W = 150;

/** Coverage per service as horizontal SVG bars, the selected service outlined. */
export function CoverageChart({ coverage, thresholdsM, selected }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const h = SERVICES.length * ROW + 4;
  const w = LABEL_W + BAR_W + 58;
  return (
    <figure className="coverage-chart" data-testid="coverage-chart">
      {/* scales to the panel's width (the side panel is narrower than the drawing at 1366 px): the values stay in view */}
      <svg viewBox={`0 0 ${w} ${h}`} width="100%" style={{ maxWidth: w, height: 'auto' }} role="img" aria-label={t('panel.coverage')}>
        {SERVICES.map((s, i) => {
          const v = coverage[i];
          const y = i * ROW + 2;
          const barW = v === null || v === undefined ? 0 : Math.max(0, Math.min(1, v)) * BAR_W;
          return (
            <g key={s} data-service={s} data-value={v === null || v === undefined ? '' : String(v)}>
              <text x={0} y={y + 14} className="chart-label">
                {YILAO_YIXIAO.includes(s) ? '● ' : ''}
                {serviceName(s, lang)}
              </text>
              <rect x={LABEL_W} y={y + 3} width={BAR_W} height={ROW - 8} fill={CHART_COLORS.track} />
              <rect x={LABEL_W} y={y + 3} width={barW} height={ROW - 8} fill={css(SERVICE_COLORS[s])} />
              {s === selected && (
                <rect x={LABEL_W - 1} y={y + 2} width={BAR_W + 2} height={ROW - 6} fill="none" stroke={CHART_COLORS.selected} strokeWidth={1.5} />
              )}
              <text x={LABEL_W + BAR_W + 6} y={y + 14} className="chart-value">
                {fmtPct(v, lang, 0)}
              </text>
              <title>{`${serviceName(s, lang)}: ${fmtPct(v, lang, 1)} (≤ ${fmtM(thresholdsM[s], lang)})`}</title>
            </g>
          );
        })}
      </svg>
      <figcaption>
        ● {t('panel.yilaoYixiao')} · {t('panel.coverageNote')}
      </figcaption>
    </figure>
  );
}
