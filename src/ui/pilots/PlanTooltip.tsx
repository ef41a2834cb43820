import type { LandingPoint } from '../../engine/index';
import type { HoverInfo } from '../../map/hoverInfo';
import type { PilotMarker } from '../../map/pilotLayers';
import { usePilots } from '../../state/pilotStore';
import type { MapData } from '../../worker/protocol';
import { fmtHh, fmtM, fmtNum } from '../format';
import { usePilotsT } from './usePilotsT';

/** The tooltip of the plan's layers: a pilot (stage, flags) or a landing point (radius, reach); text only. */
export function PlanTooltip({ hover, data }: { hover: HoverInfo; data: MapData }) {
  const { t, lang } = usePilotsT();
  const view = usePilots((s) => s.view);
  let lines: string[] = [];
  if (hover.layer === 'pilots') {
    const m = hover.object as PilotMarker;
    const st = view?.statuses.find((s) => s.pilot.communityId === m.id);
    const name = data.communities.features.find((f) => f.properties.id === m.id)?.properties.name ?? m.id;
    lines = [
      name,
      m.removed ? t('status.removed') : `${t('stageN', { n: m.stage })} ${t(`stage.${m.stage}`)}`,
      ...(st?.flags.map((f) => t(`flag.${f}`)) ?? []),
    ];
  } else if (hover.layer === 'landing-points') {
    const p = hover.object as LandingPoint;
    const reach = view?.landing?.points.find((x) => x.id === p.id);
    lines = [p.name, `${t(`landing.kind.${p.kind}`)} · ${t('landing.radius')} ${fmtM(p.radiusM, lang)}`];
    if (reach)
      lines.push(`${t('landing.households')} ${fmtHh(reach.households, lang)} · ${t('landing.communities')} ${fmtNum(reach.communities.length, lang)}`);
  }
  if (!lines.length) return null;
  return (
    <div className="tooltip" style={{ left: hover.x + 14, top: hover.y + 14 }} data-testid="tooltip">
      {lines.map((l, i) => (
        <div key={i} className={i === 0 ? 'tooltip-title' : ''}>
          {l}
        </div>
      ))}
    </div>
  );
}
