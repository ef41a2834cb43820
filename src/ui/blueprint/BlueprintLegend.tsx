import { CHART_COLORS, NEWLY_REACHED, SERVICE_COLORS, css } from '../../map/colors';
import { BP_SHAPES, type BpShape } from '../../map/blueprintLayers';
import { useBlueprint } from '../../state/blueprintStore';
import { useTranslation } from 'react-i18next';

function Shape({ shape, color }: { shape: BpShape; color: string }) {
  return (
    <svg width={16} height={16} viewBox="0 0 24 24" aria-hidden>
      <path d={BP_SHAPES[shape]} fill={color} fillRule="evenodd" stroke={CHART_COLORS.halo} strokeWidth={1} />
    </svg>
  );
}

/** Legend of the 一张蓝图 layer: symbol by level, colour by main service, newly reached homes. */
export function BlueprintLegend() {
  const { t } = useTranslation(['translation', 'blueprint']);
  const show = useBlueprint((s) => s.showLayer && (s.run !== null || s.scenarioRun !== null));
  if (!show) return null;
  const grey = CHART_COLORS.legendGrey;
  return (
    <div className="legend-block" data-testid="legend-blueprint">
      <div className="legend-block-title">{t('blueprint:legend.title')}</div>
      <ul>
        <li>
          <Shape shape="enhanced" color={grey} />
          {t('blueprint:level.enhanced')}
        </li>
        <li>
          <Shape shape="complex" color={grey} />
          {t('blueprint:level.complex')}
        </li>
        <li>
          <Shape shape="scattered" color={grey} />
          {t('blueprint:level.scattered')}
        </li>
        <li>
          <Shape shape="ring" color={grey} />
          {t('blueprint:level.joint')}
        </li>
        <li>
          <Shape shape="scattered" color={css(NEWLY_REACHED)} />
          {t('blueprint:legend.newlyReached')}
        </li>
        <li>
          <Shape shape="ring" color={css(SERVICE_COLORS.elderly_care)} />
          {t('blueprint:legend.walkCircle')}
        </li>
      </ul>
    </div>
  );
}
