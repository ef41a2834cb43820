import { KIND_ELEVATOR, KIND_STEPS } from './edgeKinds';
import type { WalkGraph } from './WalkGraph';

/**
 * Walking speed on flat ground by Tobler's hiking function, km/h: 6·e^(−3.5·0.05) ≈ 5.037.
 */
export const TOBLER_FLAT_SPEED_KMH = 6 * Math.exp(-3.5 * 0.05);

/** The flat speed in metres per minute (≈ 83.94): divide flat-equivalent metres by it to get minutes. */
export const FLAT_SPEED_M_PER_MIN = (TOBLER_FLAT_SPEED_KMH * 1000) / 60;

/**
 * Tobler's hiking function (W. Tobler, "Three presentations on geographical analysis and
 * modeling: Non-isotropic geographic modeling …", NCGIA Technical Report 93-1, 1993):
 * walking speed in km/h = 6·exp(−3.5·|grade + 0.05|), where grade = dh/dx is the rise over
 * the horizontal distance in the direction of travel (positive uphill). The fastest
 * speed, 6 km/h, is on a slight downhill (grade −0.05).
 */
export function toblerSpeedKmh(grade: number): number {
  return 6 * Math.exp(-3.5 * Math.abs(grade + 0.05));
}

/** Options of {@link buildEffortCosts}. */
export interface EffortOptions {
  /** Extra factor on the time of `kind: steps` edges, on top of Tobler's slope factor (default 1.2: stairs assumed 20 % slower than a ramp of the same grade; 1 = no extra). */
  stepsFactor?: number;
  /** Time to use a `kind: elevator` edge, seconds, whatever its length or height (default 60: ~45 s waiting + ~15 s ride). */
  elevatorSeconds?: number;
  /** Largest |grade| used, dimensionless (default 1, i.e. 45°): guards against elevation noise on very short edges. */
  maxGrade?: number;
}

const DEFAULTS: Required<EffortOptions> = {
  stepsFactor: 1.2,
  elevatorSeconds: 60,
  maxGrade: 1,
};

/**
 * Walking effort per half-edge in *flat-equivalent metres*: the distance a walker would
 * cover on flat ground in the time the edge takes, so thresholds keep reading as metres
 * (divide by {@link FLAT_SPEED_M_PER_MIN} ≈ 83.94 m/min for minutes at Tobler's flat
 * speed 5.04 km/h).
 *
 * - ordinary edge: `length × v_flat / v(grade)` = `length × exp(3.5·(|grade + 0.05| − 0.05))`
 *   with Tobler's v and grade = (z[target] − z[from]) / length; so 100 m at +10 % costs
 *   100·e^0.35 ≈ 141.9 m, and at −5 % only 100·e^−0.175 ≈ 83.9 m;
 * - `kind: steps`: the same, times `stepsFactor`;
 * - `kind: elevator`: `elevatorSeconds` at the flat speed (60 s → 83.94 m), both ways;
 * - an edge with an end lacking elevation (NaN) is flat (grade 0, factor 1).
 *
 * Direction: `cost[e]` is the effort of walking half-edge `e` *from the node whose
 * adjacency list holds it to `target[e]`* (uphill and downhill differ). A search from
 * facilities outwards over this array measures walking away from them; coverage, where
 * residents walk to the facility, uses {@link reverseCosts} — which
 * {@link networkDistancesToBuildings} and {@link reachFromPoint} do themselves: pass them
 * this array as is.
 *
 * Not part of the data contract (network mode weighs length alone); default off.
 */
export function buildEffortCosts(g: WalkGraph, opts: EffortOptions = {}): Float64Array {
  const o = { ...DEFAULTS, ...opts };
  const { offsets, target, lengthM, kind, nodeZ } = g;
  const cost = new Float64Array(g.halfEdgeCount);
  const elevatorM = (o.elevatorSeconds / 60) * FLAT_SPEED_M_PER_MIN;
  for (let u = 0; u < g.nodeCount; u++) {
    const zu = nodeZ[u];
    for (let e = offsets[u], end = offsets[u + 1]; e < end; e++) {
      const k = kind[e];
      if (k === KIND_ELEVATOR) {
        cost[e] = elevatorM;
        continue;
      }
      const len = lengthM[e];
      const zv = nodeZ[target[e]];
      let grade = 0;
      if (!Number.isNaN(zu) && !Number.isNaN(zv) && len > 0) {
        grade = Math.max(-o.maxGrade, Math.min(o.maxGrade, (zv - zu) / len));
      }
      const factor = Math.exp(3.5 * (Math.abs(grade + 0.05) - 0.05));
      cost[e] = len * factor * (k === KIND_STEPS ? o.stepsFactor : 1);
    }
  }
  return cost;
}
