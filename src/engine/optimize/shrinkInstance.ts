import type { CoverageInstance } from './coverageInstance';

/** A reduced covering instance and the way back to the original indices. */
export interface ShrunkInstance {
  /** The reduced instance: merged demand classes × surviving candidates. */
  instance: CoverageInstance;
  /** Shrunk candidate k → original candidate index; strictly increasing. */
  candidateOrigin: Int32Array;
  /** Original demand point → shrunk demand class, or -1 when dropped (weight 0 or uncoverable). */
  demandClass: Int32Array;
}

/**
 * Reduces a maximal covering instance without changing its optimum value, and maps every
 * optimal solution of the reduced instance to an optimal solution of the original one.
 *
 * Steps, and why each keeps the optimum:
 * 1. Demand points of weight 0 or within range of no candidate are dropped: they add 0 to
 *    every solution's objective.
 * 2. Demand points covered by exactly the same set of candidates are merged into one class
 *    whose weight is their sum: for any selection they are either all covered or all not,
 *    so the objective is the same sum (in the MIP, their `y_i` share one constraint and the
 *    objective is linear in them).
 * 3. A candidate whose cover set is a subset of another's is dominated and dropped; among
 *    identical cover sets the lowest original index is kept. Every solution that uses a
 *    dropped candidate `a` can swap it for its surviving superset `b` (or simply drop it
 *    when `b` is already chosen) without covering less and without using more sites, so
 *    some optimal solution uses surviving candidates only. Dominance is transitive and
 *    the surviving candidates are the maximal sets, so every dropped candidate has a
 *    surviving superset. Candidates covering nothing are dropped by the same argument.
 * 4. After step 3, classes whose candidate sets became equal are merged again (step 2);
 *    this changes no subset relation among survivors, so one round is enough.
 *
 * Deterministic: classes are numbered by their first original demand point, candidates
 * keep their original order. Cost O(nnz + Σ dominance checks), memory O(nnz).
 */
export function shrinkInstance(inst: CoverageInstance): ShrunkInstance {
  const n = inst.demandWeight.length;
  const m = inst.candidateCovers.length;
  const w = inst.demandWeight;

  // Demand → candidates (CSR), candidates ascending inside each row; positive weights only.
  const deg = new Int32Array(n + 1);
  for (let j = 0; j < m; j++) {
    const cov = inst.candidateCovers[j];
    for (let k = 0; k < cov.length; k++) if (w[cov[k]] > 0) deg[cov[k] + 1]++;
  }
  for (let i = 0; i < n; i++) deg[i + 1] += deg[i];
  const demCand = new Int32Array(deg[n]);
  const fill = deg.slice(0, n);
  for (let j = 0; j < m; j++) {
    const cov = inst.candidateCovers[j];
    for (let k = 0; k < cov.length; k++) if (w[cov[k]] > 0) demCand[fill[cov[k]]++] = j;
  }

  // Round 1: classes by full candidate signature, then dominance among candidates.
  const alive = new Uint8Array(m).fill(1);
  const first = classify(n, deg, demCand, alive);
  const classCovers = coversOverClasses(m, first, alive);
  dropDominated(classCovers, first, alive);

  // Round 2: re-merge with the survivors' signatures.
  const second = classify(n, deg, demCand, alive);
  const finalCovers = coversOverClasses(m, second, alive);

  const weight = new Float64Array(second.count);
  for (let i = 0; i < n; i++) if (second.classOf[i] >= 0) weight[second.classOf[i]] += w[i];
  const origin: number[] = [];
  const covers: Int32Array[] = [];
  for (let j = 0; j < m; j++) {
    if (!alive[j]) continue;
    origin.push(j);
    covers.push(finalCovers[j]);
  }
  return {
    instance: { demandWeight: weight, candidateCovers: covers },
    candidateOrigin: Int32Array.from(origin),
    demandClass: second.classOf,
  };
}

interface Classes {
  /** Demand point → class, -1 when it has no live candidate (or weight 0). */
  classOf: Int32Array;
  count: number;
  /** Class → its live candidates, CSR. */
  start: Int32Array;
  cand: Int32Array;
}

/** Groups demand points by their set of live candidates (hash, then exact comparison). */
function classify(n: number, deg: Int32Array, demCand: Int32Array, alive: Uint8Array): Classes {
  const classOf = new Int32Array(n).fill(-1);
  const buckets = new Map<number, number[]>();
  const start: number[] = [0];
  const cand: number[] = [];
  let count = 0;
  const row: number[] = [];
  for (let i = 0; i < n; i++) {
    row.length = 0;
    let h = 0x811c9dc5;
    for (let k = deg[i]; k < deg[i + 1]; k++) {
      const j = demCand[k];
      if (!alive[j]) continue;
      row.push(j);
      h = Math.imul(h ^ j, 0x01000193);
    }
    if (row.length === 0) continue;
    h = Math.imul(h ^ row.length, 0x01000193);
    let bucket = buckets.get(h);
    let found = -1;
    if (bucket) {
      for (const c of bucket)
        if (sameSlice(cand, start[c], start[c + 1], row)) {
          found = c;
          break;
        }
    } else {
      bucket = [];
      buckets.set(h, bucket);
    }
    if (found < 0) {
      found = count++;
      bucket.push(found);
      for (const j of row) cand.push(j);
      start.push(cand.length);
    }
    classOf[i] = found;
  }
  return { classOf, count, start: Int32Array.from(start), cand: Int32Array.from(cand) };
}

function sameSlice(a: number[], from: number, to: number, b: number[]): boolean {
  if (to - from !== b.length) return false;
  for (let k = 0; k < b.length; k++) if (a[from + k] !== b[k]) return false;
  return true;
}

/** Candidate → ascending list of classes it covers (empty for dead candidates). */
function coversOverClasses(m: number, cls: Classes, alive: Uint8Array): Int32Array[] {
  const cnt = new Int32Array(m);
  for (let k = 0; k < cls.cand.length; k++) cnt[cls.cand[k]]++;
  const out: Int32Array[] = [];
  for (let j = 0; j < m; j++) out.push(new Int32Array(alive[j] ? cnt[j] : 0));
  const pos = new Int32Array(m);
  // Classes are visited in ascending order, so every list comes out sorted.
  for (let c = 0; c < cls.count; c++) {
    for (let k = cls.start[c]; k < cls.start[c + 1]; k++) {
      const j = cls.cand[k];
      out[j][pos[j]++] = c;
    }
  }
  return out;
}

/**
 * Marks dominated candidates dead: `a` dies when some `b` covers a strict superset, or the
 * same set with `b < a`. Candidates covering nothing die too.
 */
function dropDominated(covers: Int32Array[], cls: Classes, alive: Uint8Array): void {
  const m = covers.length;
  const mark = new Int32Array(cls.count).fill(-1);
  for (let a = 0; a < m; a++) {
    if (!alive[a]) continue;
    const ca = covers[a];
    if (ca.length === 0) {
      alive[a] = 0;
      continue;
    }
    // Any superset of ca must cover ca's rarest class: scan only that class's candidates.
    let best = ca[0];
    for (let k = 1; k < ca.length; k++) {
      const c = ca[k];
      if (cls.start[c + 1] - cls.start[c] < cls.start[best + 1] - cls.start[best]) best = c;
    }
    for (let k = cls.start[best]; k < cls.start[best + 1]; k++) {
      const b = cls.cand[k];
      if (b === a) continue;
      const cb = covers[b];
      if (cb.length < ca.length || (cb.length === ca.length && b > a)) continue;
      for (let t = 0; t < cb.length; t++) mark[cb[t]] = b;
      let subset = true;
      for (let t = 0; t < ca.length; t++)
        if (mark[ca[t]] !== b) {
          subset = false;
          break;
        }
      if (subset) {
        alive[a] = 0;
        break;
      }
    }
  }
}
