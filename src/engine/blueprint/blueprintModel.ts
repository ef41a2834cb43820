import { LinearModelBuilder, type LinearModel } from '../optimize/index';
import { SERVICES, YILAO_YIXIAO_MASK } from '../standards/services';
import type { BlueprintInstance } from './blueprintInstance';
import type { Choice } from './selection';

/** The blueprint MIP and the maps from its columns back to the instance. */
export interface BlueprintModel {
  model: LinearModel;
  /** Column of x_j per site. */
  x: Int32Array;
  /** Column of z_js per site and service index, -1 where the function cannot go there. */
  z: Int32Array[];
  /** Column of y_g per demand group. */
  y: Int32Array;
  /** Column of u_c per area community. */
  u: Int32Array;
}

/**
 * The blueprint as a mixed-integer program (household-equivalents):
 *
 *   maximise   Σ_g w_g·y_g + α·Σ_c u_c + Σ_j Σ_s b_s·z_js − Σ_j k_j·x_j
 *   subject to z_js ≤ x_j                                   (a function only at a chosen site)
 *              Σ_s a_s·z_js ≤ A_j·x_j                        (minimum function areas fit, m²)
 *              Σ_s z_js ≥ x_j                                (a chosen site has a function)
 *              complex j (A_j ≥ 600 m²):  Σ_s z_js ≥ 3·x_j,  Σ_{s∈一老一小} z_js ≥ 2·x_j
 *              scattered j:               Σ_s z_js ≤ 2·x_j
 *              scattered j in a community c without open facilities (sole-facility rule):
 *                         Σ_{s∈一老一小} z_js ≥ 2·x_j − 2·Σ_{k∈J_c, k≠j} x_k
 *              y_g ≤ Σ_{j∈N_g} z_{j,s(g)}                   (group g of service s(g) covered)
 *              u_c ≤ Σ_{j∈J_c} A_j·x_j,  0 ≤ u_c ≤ shortfall_c   (base shortfall closed, m²)
 *              Σ_j cost_j·x_j ≤ B   (万元, when a budget is given)
 *              Σ_j x_j ≤ K          (when a site limit is given)
 *              x, z ∈ {0,1};  0 ≤ y ≤ 1
 *
 * w_g: households of a merged demand group (buildings with the same covering sites for one
 * service) × demographic factor × service weight; α: area weight per m²; b_s: tie-break bonus
 * per function; k_j: source penalty + tie-break; a_s: minimum function area.
 */
export function buildBlueprintModel(inst: BlueprintInstance): BlueprintModel {
  const b = new LinearModelBuilder('max');
  const x = Int32Array.from(inst.sites, (s, j) => b.addCol({ cost: -s.siteCost, upper: 1, integer: true, name: `x${j}` }));
  const z = inst.sites.map((s, j) =>
    Int32Array.from(SERVICES, (_, k) =>
      s.allowedMask & (1 << k) ? b.addCol({ cost: inst.functionBonus[k], upper: 1, integer: true, name: `z${j}_${k}` }) : -1,
    ),
  );
  const y = Int32Array.from(inst.groups, (g, k) => b.addCol({ cost: g.weight, upper: 1, name: `y${k}` }));
  const u = Int32Array.from(inst.areaCommunities, (a, k) => b.addCol({ cost: inst.areaWeight, upper: a.shortfallM2, name: `u${k}` }));
  const minArea = inst.minAreaM2;

  inst.sites.forEach((s, j) => {
    const cols = SERVICES.map((_, k) => z[j][k]).filter((c) => c >= 0);
    const ylyx = SERVICES.map((_, k) => (YILAO_YIXIAO_MASK & (1 << k) ? z[j][k] : -1)).filter((c) => c >= 0);
    for (const c of cols) b.addRow([c, x[j]], [1, -1], -Infinity, 0, `link${j}_${c}`);
    const areaCoef = SERVICES.map((_, k) => minArea[k]).filter((_, k) => z[j][k] >= 0);
    b.addRow([...cols, x[j]], [...areaCoef, -s.areaM2], -Infinity, 0, `area${j}`);
    b.addRow([...cols, x[j]], [...cols.map(() => 1), -1], 0, Infinity, `some${j}`);
    if (s.kind !== 'scattered') {
      b.addRow([...cols, x[j]], [...cols.map(() => 1), -3], 0, Infinity, `cx3_${j}`);
      b.addRow([...ylyx, x[j]], [...ylyx.map(() => 1), -2], 0, Infinity, `cxy_${j}`);
    } else {
      b.addRow([...cols, x[j]], [...cols.map(() => 1), -2], -Infinity, 0, `sc2_${j}`);
      if (s.soleRule) {
        const others = inst.sites.flatMap((o, k) => (k !== j && o.community === s.community ? [x[k]] : []));
        b.addRow([...ylyx, x[j], ...others], [...ylyx.map(() => 1), -2, ...others.map(() => 2)], 0, Infinity, `sole${j}`);
      }
    }
  });
  inst.groups.forEach((g, k) => {
    const cols = Array.from(g.sites, (j) => z[j][g.service]);
    b.addRow([y[k], ...cols], [1, ...cols.map(() => -1)], -Infinity, 0, `cov${k}`);
  });
  inst.areaCommunities.forEach((a, k) => {
    const cols = Array.from(a.sites, (j) => x[j]);
    b.addRow([u[k], ...cols], [1, ...Array.from(a.sites, (j) => -inst.sites[j].areaM2)], -Infinity, 0, `short${k}`);
  });
  if (Number.isFinite(inst.budgetWan))
    b.addRow(
      x,
      Array.from(inst.sites, (s) => s.costWan),
      -Infinity,
      inst.budgetWan,
      'budget',
    );
  if (Number.isFinite(inst.maxSites)) b.addRow(x, 1, -Infinity, inst.maxSites, 'sites');
  return { model: b.build(), x, z, y, u };
}

/** A full column vector for a selection (a MIP start). */
export function modelStart(inst: BlueprintInstance, m: BlueprintModel, sel: readonly Choice[]): Float64Array {
  const v = new Float64Array(m.model.numCols);
  const area = new Float64Array(inst.areaCommunities.length);
  for (const { site, mask } of sel) {
    v[m.x[site]] = 1;
    for (let k = 0; k < SERVICES.length; k++) if (mask & (1 << k)) v[m.z[site][k]] = 1;
    const s = inst.sites[site];
    if (s.areaCommunity >= 0) area[s.areaCommunity] += s.areaM2;
  }
  inst.groups.forEach((g, k) => {
    for (const j of g.sites) if (v[m.z[j][g.service]] === 1) v[m.y[k]] = 1;
  });
  inst.areaCommunities.forEach((a, k) => (v[m.u[k]] = Math.min(a.shortfallM2, area[k])));
  return v;
}

/** The selection a column vector encodes (x_j > 0.5, z_js > 0.5), in site order. */
export function decodeModel(inst: BlueprintInstance, m: BlueprintModel, v: ArrayLike<number>): Choice[] {
  const out: Choice[] = [];
  inst.sites.forEach((_, j) => {
    if (v[m.x[j]] <= 0.5) return;
    let mask = 0;
    for (let k = 0; k < SERVICES.length; k++) if (m.z[j][k] >= 0 && v[m.z[j][k]] > 0.5) mask |= 1 << k;
    out.push({ site: j, mask });
  });
  return out;
}
