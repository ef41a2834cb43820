/**
 * A mixed-integer linear model in plain typed arrays: columns with bounds, costs and
 * integrality, rows in compressed sparse row form with lower/upper activity bounds.
 * Solver-neutral: {@link toLpText} writes CPLEX LP text, the HiGHS runner passes the arrays
 * directly. Shared by the MCLP model and the multi-service blueprint model.
 */
export interface LinearModel {
  sense: 'max' | 'min';
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  /** 1 = integer column. */
  colInteger: Uint8Array;
  colNames: string[];
  /** Row i's entries are rowIndex/rowValue[rowStart[i] .. rowStart[i+1]). */
  rowStart: Int32Array;
  rowIndex: Int32Array;
  rowValue: Float64Array;
  /** −Infinity for no lower bound. */
  rowLower: Float64Array;
  /** +Infinity for no upper bound. */
  rowUpper: Float64Array;
  rowNames: string[];
}

/** Incremental builder for a {@link LinearModel}. */
export class LinearModelBuilder {
  private cost: number[] = [];
  private lower: number[] = [];
  private upper: number[] = [];
  private integer: number[] = [];
  private colNames: string[] = [];
  private start: number[] = [0];
  private index: number[] = [];
  private value: number[] = [];
  private rLower: number[] = [];
  private rUpper: number[] = [];
  private rowNames: string[] = [];

  constructor(readonly sense: 'max' | 'min') {}

  get numCols(): number {
    return this.cost.length;
  }
  get numRows(): number {
    return this.rLower.length;
  }

  /** Adds a column and returns its index. Names must be LP-safe (letters, digits, `_`). */
  addCol(col: { cost?: number; lower?: number; upper?: number; integer?: boolean; name?: string }): number {
    const j = this.cost.length;
    this.cost.push(col.cost ?? 0); // objective coefficient
    this.lower.push(col.lower ?? 0); // default bound [0, +∞)
    this.upper.push(col.upper ?? Infinity);
    this.integer.push(col.integer ? 1 : 0);
    this.colNames.push(col.name ?? `c${j}`);
    return j;
  }

  /**
   * Adds `lower ≤ Σ values[k]·x[indices[k]] ≤ upper` and returns its index. `values` may be
   * one number for all entries. Column indices in one row must be distinct.
   */
  addRow(indices: ArrayLike<number>, values: ArrayLike<number> | number, lower: number, upper: number, name?: string): number {
    const i = this.rLower.length;
    for (let k = 0; k < indices.length; k++) {
      this.index.push(indices[k]);
      this.value.push(typeof values === 'number' ? values : values[k]);
    }
    this.start.push(this.index.length);
    this.rLower.push(lower);
    this.rUpper.push(upper);
    this.rowNames.push(name ?? `r${i}`);
    return i;
  }

  build(): LinearModel {
    return {
      sense: this.sense,
      numCols: this.cost.length,
      numRows: this.rLower.length,
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      colInteger: Uint8Array.from(this.integer),
      colNames: this.colNames.slice(),
      rowStart: Int32Array.from(this.start),
      rowIndex: Int32Array.from(this.index),
      rowValue: Float64Array.from(this.value),
      rowLower: Float64Array.from(this.rLower),
      rowUpper: Float64Array.from(this.rUpper),
      rowNames: this.rowNames.slice(),
    };
  }
}

/** The LP relaxation: the same model with every column continuous. */
export function relaxModel(model: LinearModel): LinearModel {
  return { ...model, colInteger: new Uint8Array(model.numCols) };
}

/** Objective value of a column vector. */
export function evalObjective(model: LinearModel, x: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < model.numCols; j++) s += model.colCost[j] * x[j];
  return s;
}

const num = (v: number): string => (v === Infinity ? '+inf' : v === -Infinity ? '-inf' : String(v));

/** Writes `terms` as a sum, breaking lines every few terms (LP readers limit line length). */
function linear(names: string[], idx: ArrayLike<number>, val: ArrayLike<number>, from: number, to: number): string {
  if (to === from) return `0 ${names[0] ?? 'c0'}`;
  const parts: string[] = [];
  for (let k = from; k < to; k++) {
    const v = val[k];
    const sign = v < 0 ? '-' : '+';
    const a = Math.abs(v);
    const term = `${a === 1 ? '' : `${num(a)} `}${names[idx[k]]}`;
    parts.push(k === from ? (v < 0 ? `- ${term}` : term) : `${sign} ${term}`);
    if ((k - from) % 8 === 7) parts.push('\n  ');
  }
  return parts.join(' ');
}

/**
 * CPLEX LP text of a model, for `highs.solve(text)` and for inspection. Ranged rows are
 * written as two rows (`name_lo`, `name_hi`); free rows are left out.
 */
export function toLpText(model: LinearModel): string {
  const out: string[] = [model.sense === 'max' ? 'Maximize' : 'Minimize'];
  const costIdx: number[] = [];
  const costVal: number[] = [];
  for (let j = 0; j < model.numCols; j++)
    if (model.colCost[j] !== 0) {
      costIdx.push(j);
      costVal.push(model.colCost[j]);
    }
  out.push(` obj: ${linear(model.colNames, costIdx, costVal, 0, costIdx.length)}`);
  out.push('Subject To');
  for (let i = 0; i < model.numRows; i++) {
    const lhs = linear(model.colNames, model.rowIndex, model.rowValue, model.rowStart[i], model.rowStart[i + 1]);
    const lo = model.rowLower[i];
    const up = model.rowUpper[i];
    const name = model.rowNames[i];
    if (lo === up) out.push(` ${name}: ${lhs} = ${num(lo)}`);
    else if (lo > -Infinity && up < Infinity) {
      out.push(` ${name}_lo: ${lhs} >= ${num(lo)}`);
      out.push(` ${name}_hi: ${lhs} <= ${num(up)}`);
    } else if (lo > -Infinity) out.push(` ${name}: ${lhs} >= ${num(lo)}`);
    else if (up < Infinity) out.push(` ${name}: ${lhs} <= ${num(up)}`);
  }
  out.push('Bounds');
  const ints: string[] = [];
  for (let j = 0; j < model.numCols; j++) {
    const lo = model.colLower[j];
    const up = model.colUpper[j];
    const name = model.colNames[j];
    if (lo === -Infinity && up === Infinity) out.push(` ${name} free`);
    else out.push(` ${num(lo)} <= ${name} <= ${num(up)}`);
    if (model.colInteger[j]) ints.push(name);
  }
  if (ints.length) {
    out.push('Generals');
    for (let k = 0; k < ints.length; k += 10) out.push(` ${ints.slice(k, k + 10).join(' ')}`);
  }
  out.push('End', '');
  return out.join('\n');
}
