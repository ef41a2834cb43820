import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayerKey, Selection } from '../../state/viewState';
import { CHART_COLORS, FACILITY_RING_COLOR, NETWORK_COLORS, RING_COLORS, SERVICE_COLORS, WATER_COLORS, css, type RGBA } from '../../map/colors';
import type { FacilityWalkshed, PointReach } from '../../worker/protocol';
import type { MapData } from '../../worker/protocol';
import { fmtNum, serviceName } from '../format';
import { useApp } from '../../state/appStore';
import { useWalk } from '../../state/walkStore';
import { useLang } from '../../i18n/lang';
import { networkLegendRows, type NetworkLegendKey } from './networkLegendRows';

const Line = ({ color, width = 2, dash, casing }: { color: string; width?: number; dash?: string; casing?: string }) => (
  <svg width={22} height={12} aria-hidden>
    {casing && <line x1={1} x2={21} y1={6} y2={6} stroke={casing} strokeWidth={width + 2.5} />}
    <line x1={1} x2={21} y1={6} y2={6} stroke={color} strokeWidth={width} strokeDasharray={dash} />
  </svg>
);
const Area = ({ fill, line, alpha = 0.3 }: { fill: RGBA; line?: RGBA; alpha?: number }) => (
  <svg width={16} height={16} aria-hidden>
    <rect
      x={1.5}
      y={1.5}
      width={13}
      height={13}
      fill={`rgba(${fill[0]},${fill[1]},${fill[2]},${alpha})`}
      stroke={line ? css(line) : 'none'}
      strokeWidth={1.6}
    />
  </svg>
);
const Lift = () => (
  <svg width={16} height={16} viewBox="0 0 40 40" aria-hidden>
    <rect x={2} y={2} width={36} height={36} rx={8} fill={NETWORK_COLORS.lift} />
    <path d="M20 7 29 17H11ZM20 33 29 23H11Z" fill={CHART_COLORS.halo} />
  </svg>
);

/** The on-screen swatch of each kind of the walking network (as networkLayers.ts draws it). */
const NETWORK_SWATCHES: Record<NetworkLegendKey, ReactNode> = {
  street: <Line color={NETWORK_COLORS.road} casing={NETWORK_COLORS.casing} />,
  footway: <Line color={NETWORK_COLORS.road} width={1.5} casing={NETWORK_COLORS.casing} />,
  steps: <Line color={NETWORK_COLORS.steps} width={3.5} dash="2 1.8" />,
  elevator: <Lift />,
  bridge: <Line color={NETWORK_COLORS.road} width={2.5} casing={NETWORK_COLORS.bridgeCasing} />,
};

interface Block {
  id: string;
  title: string;
  rows: { key: string; swatch: ReactNode; label: string }[];
}

export interface WalkLegendProps {
  data: MapData;
  layers: Record<LayerKey, boolean>;
  selection: Selection | null;
  point: PointReach | null;
  facility: FacilityWalkshed | null;
}

/**
 * Legend blocks of the walking part of the map: the network (streets, 梯坎, lifts, bridges),
 * rivers, the selected facility's walkshed and the walksheds from a clicked point, with the
 * minutes, metres and speed the shapes stand for.
 */
export function WalkLegendBlocks({ data, layers, selection, point, facility }: WalkLegendProps) {
  const { t } = useTranslation(['translation', 'walk']);
  const lang = useLang();
  const blocks: Block[] = [];
  const m = (x: number) => fmtNum(x, lang);
  if (layers.roads && data.roadCount !== undefined) {
    blocks.push({
      id: 'network',
      title: t('walk:network.title'),
      rows: networkLegendRows(t).map((r) => ({ key: r.key, swatch: NETWORK_SWATCHES[r.key], label: r.label })),
    });
  }
  if (data.water?.features.length) {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(WATER_COLORS.fill.slice(i, i + 2), 16));
    blocks.push({
      id: 'water',
      title: t('walk:water'),
      rows: [
        {
          key: 'w',
          swatch: <Area fill={[r, g, b, 255]} alpha={1} />,
          label: data.water.features
            .map((f) => f.properties.name)
            .filter(Boolean)
            .join('、'),
        },
      ],
    });
  }
  const facilityShown = facility && selection?.kind === 'facility' && selection.id === facility.facilityId && data.analysis.mode === 'network';
  if (facilityShown) {
    const c = SERVICE_COLORS[facility.service];
    const [, ...rings] = facility.walksheds.features;
    blocks.push({
      id: 'walkshed-facility',
      title: `${t('walk:legendFacility')}${facility.effort ? ` · ${t('walk:effortNote')}` : ''}`,
      rows: [
        {
          key: 'th',
          swatch: <Area fill={c} line={c} />,
          label: t('walk:threshold', { service: serviceName(facility.service, lang), m: m(facility.thresholdM) }),
        },
        ...rings.map((f) => ({
          key: String(f.properties.thresholdM),
          swatch: <Line color={css(FACILITY_RING_COLOR)} width={1.4} />,
          label: t('walk:ring', { min: Math.round(f.properties.minutes), m: m(f.properties.thresholdM) }),
        })),
      ],
    });
  }
  if (point) {
    blocks.push({
      id: 'walkshed-point',
      title: `${t('walk:legendPoint')} · ${t('walk:speedNote')}${point.effort ? ` · ${t('walk:effortNote')}` : ''}`,
      rows: point.walksheds.features.map((f, k) => ({
        key: String(k),
        swatch: <Area fill={RING_COLORS[k]} line={RING_COLORS[k]} />,
        label: t('walk:ring', { min: Math.round(f.properties.minutes), m: m(f.properties.thresholdM) }),
      })),
    });
  }
  return (
    <>
      {blocks.map((b) => (
        <div key={b.id} className="legend-block" data-legend={b.id}>
          <div className="legend-block-title">{b.title}</div>
          <ul>
            {b.rows.map((r) => (
              <li key={r.key}>
                {r.swatch}
                <span>{r.label}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

/** The walking legend blocks bound to the app and walkshed stores. */
export function WalkLegend({ data }: { data: MapData }) {
  const layers = useApp((s) => s.layers);
  const selection = useApp((s) => s.selection);
  const point = useWalk((s) => s.point);
  const facility = useWalk((s) => s.facility);
  return <WalkLegendBlocks data={data} layers={layers} selection={selection} point={point} facility={facility} />;
}
