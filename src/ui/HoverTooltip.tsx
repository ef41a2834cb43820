import { useTranslation } from 'react-i18next';
import type { HoverInfo } from '../map/hoverInfo';
import type { MapData } from '../worker/protocol';
import { type Candidate, type Facility, serviceIndex, type ServiceCode } from '../engine/index';
import { fmtHh, fmtM2, fmtPct, serviceName } from './format';
import { useLang } from '../i18n/lang';
import { PlanTooltip } from './pilots/PlanTooltip';
import { buildingId } from '../map/buildingId';
import { hexCell } from '../map/hexLevels';
import { useShownScenarioRun } from '../state/blueprintStore';

/**
 * A small text tooltip for what the pointer is over (React text only, never HTML). With a what-if
 * scenario evaluated, a community's and a building's figures are the scenario's, as the map colours
 * them (MapView: colorCommunities, buildingColors), and the tooltip says so (not in the public view:
 * useShownScenarioRun).
 */
export function HoverTooltip({ hover, data, service }: { hover: HoverInfo | null; data: MapData | null; service: ServiceCode }) {
  const { t } = useTranslation();
  const lang = useLang();
  const scenario = useShownScenarioRun();
  if (!hover || !data) return null;
  const si = serviceIndex(service);
  let lines: string[] = [];
  if (hover.layer === 'communities-fill') {
    const i = (hover.object as { properties?: { i: number } } | undefined)?.properties?.i ?? hover.index; // binary fill: the index only
    const r = (scenario?.communities ?? data.analysis.communities)[i];
    if (r)
      lines = [
        r.name,
        `${r.street} · ${r.district}`,
        fmtHh(r.households, lang),
        `${serviceName(service, lang)} ${fmtPct(r.coverage[si], lang)}`,
        `${t('panel.shortfall30')} ${fmtM2(r.shortfallBaseM2, lang)}`,
        ...(scenario ? [t('tooltip.scenario')] : []),
      ];
  } else if (hover.layer === 'facilities') {
    const f = hover.object as Facility;
    lines = [f.name, f.services.map((s) => serviceName(s, lang)).join('、'), fmtM2(f.areaM2, lang)];
  } else if (hover.layer === 'candidates') {
    const c = hover.object as Candidate;
    lines = [c.name, t(`source.${c.source}`), fmtM2(c.areaM2, lang)];
  } else if (hover.layer === 'buildings') {
    const b = data.buildings;
    const k = hover.index;
    const cov = (scenario?.covered ?? b.covered)[si * b.count + k] === 1;
    lines = [
      `${t('tooltip.building')} ${buildingId(b, k)}`,
      fmtHh(b.households[k], lang),
      `${serviceName(service, lang)}: ${cov ? t('tooltip.covered') : t('tooltip.uncovered')}`,
      ...(scenario ? [t('tooltip.scenario')] : []),
    ];
  } else if (hover.layer === 'h3-uncovered') {
    const { level, k } = hexCell(data.h3, hover.object as number); // far out a coarser level (hexLevels.ts)
    const m = level.cells.length;
    lines = [
      t('tooltip.cell'),
      `${t('tooltip.uncoveredHh')}: ${fmtHh(level.uncovered[si * m + k], lang)}`,
      `${t('panel.households')}: ${fmtHh(level.households[k], lang)}`,
    ];
  }
  if (!lines.length) return <PlanTooltip hover={hover} data={data} />; // pilots, landing points
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
