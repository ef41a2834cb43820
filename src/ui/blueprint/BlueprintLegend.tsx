import { SERVICE_COLORS, css } from '../../map/colors';
import { BP_SHAPES, NEWLY_REACHED, type BpShape } from '../../map/blueprintLayers';
import { useBlueprint } from '../../state/blueprintStore';
import { useS } from './strings';

function Shape({ shape, color }: { shape: BpShape; color: string }) {
  return (
    <svg width={16} height={16} viewBox="0 0 24 24" aria-hidden>
      <path d={BP_SHAPES[shape]} fill={color} fillRule="evenodd" stroke="#fff" strokeWidth={1} />
    </svg>
  );
}

/** Legend of the 一张蓝图 layer: symbol by level, colour by main service, newly reached homes. */
export function BlueprintLegend() {
  const { S } = useS();
  const show = useBlueprint((s) => s.showLayer && (s.run !== null || s.scenarioRun !== null));
  if (!show) return null;
  const grey = '#555';
  return (
    <div className="legend-block" data-testid="legend-blueprint">
      <div className="legend-block-title">{S.legend.title}</div>
      <ul>
        <li><Shape shape="enhanced" color={grey} />{S.level.enhanced}</li>
        <li><Shape shape="complex" color={grey} />{S.level.complex}</li>
        <li><Shape shape="scattered" color={grey} />{S.level.scattered}</li>
        <li><Shape shape="ring" color={grey} />{S.level.joint}</li>
        <li><Shape shape="scattered" color={css(NEWLY_REACHED)} />{S.legend.newlyReached}</li>
        <li><Shape shape="ring" color={css(SERVICE_COLORS.elderly_care)} />{S.legend.walkCircle}</li>
      </ul>
    </div>
  );
}
