/**
 * Communities: real names and codes from data/reference, synthetic polygons that tile each
 * district's domain, households and residents apportioned from the district's census totals.
 */
import { type Domain, ringArea, southBankY, peninsulaX, YANGTZE_WIDTH } from './geometry';
import type { RefDistrict, RefStreet } from './reference';
import { type Rng, apportion, lognormal, stream, uniform } from './rng';

/** A lattice rectangle [i0, i1] × [j0, j1] (u index, v index). */
export interface Rect {
  i0: number;
  i1: number;
  j0: number;
  j1: number;
}

export type Ring = [number, number][];

export interface CommunityCell {
  id: string;
  name: string;
  street: string;
  streetCode: string;
  district: string;
  districtCode: string;
  domain: Domain;
  rect: Rect;
  /** 0…1: how much of an old dense core this is (渝中: 解放碑/朝天门 end). */
  core: number;
  /** A park cut out of the polygon (metres). */
  hole?: { name: string; cx: number; cy: number; r: number };
  /** An exclave (metres, counter-clockwise), e.g. the 珊瑚坝 island. */
  island?: { name: string; ring: Ring };
  households: number;
  population: number;
  elderly: number;
  children: number;
  /** Land area in m² (synthetic polygon). */
  areaM2: number;
  /** Its outline when it is not a lattice rectangle (the city package: traced lattice cells), metres. */
  rings?: Ring[][];
}

/** 渝中's 11 streets placed on the peninsula, as fractions of the (u, v) square. */
const YUZHONG_LAYOUT: Record<string, [number, number, number, number]> = {
  '500103013': [0, 0.35, 0.6, 1], // 化龙桥, 嘉陵江 bank, west
  '500103014': [0, 0.17, 0, 0.6], // 石油路
  '500103012': [0.17, 0.35, 0, 0.6], // 大坪
  '500103007': [0.35, 0.55, 0, 0.35], // 菜园坝, 长江 bank
  '500103004': [0.35, 0.55, 0.35, 0.65], // 两路口, on the ridge
  '500103005': [0.35, 0.55, 0.65, 1], // 上清寺
  '500103008': [0.55, 0.74, 0, 0.4], // 南纪门
  '500103001': [0.55, 0.74, 0.4, 0.7], // 七星岗
  '500103011': [0.55, 0.74, 0.7, 1], // 大溪沟
  '500103003': [0.74, 0.88, 0, 1], // 解放碑
  '500103010': [0.88, 1, 0, 1], // 朝天门, the tip
};

/** The ring of a lattice rectangle, counter-clockwise, every lattice point on its edges. */
export function rectRing(d: Domain, r: Rect): Ring {
  const ring: Ring = [];
  const p = (i: number, j: number) => ring.push(d.point(i / d.nu, j / d.nv));
  for (let i = r.i0; i < r.i1; i++) p(i, r.j0);
  for (let j = r.j0; j < r.j1; j++) p(r.i1, j);
  for (let i = r.i1; i > r.i0; i--) p(i, r.j1);
  for (let j = r.j1; j > r.j0; j--) p(r.i0, j);
  ring.push(ring[0]);
  return ring;
}

/** Metric size of a rectangle: [along u, across v]. */
function rectSize(d: Domain, r: Rect): [number, number] {
  const um = (r.i0 + r.i1) / 2 / d.nu;
  return [((r.i1 - r.i0) / d.nu) * d.lengthM, ((r.j1 - r.j0) / d.nv) * d.widthAt(um)];
}

/** Cut `len` lattice units into parts ∝ weights, each at least `min` (when possible). */
function cuts(len: number, weights: number[], min: number): number[] {
  const n = weights.length;
  const m = Math.min(min, Math.floor(len / n));
  const extra = apportion(len - m * n, weights);
  return extra.map((e) => e + m);
}

/** Split a street rectangle into n community rectangles: rows across v, a brick pattern of columns. */
function bricks(d: Domain, r: Rect, n: number, rng: Rng): Rect[] {
  const [L, H] = rectSize(d, r);
  const rows = Math.max(1, Math.min(n, Math.round(Math.sqrt((n * H) / L)), (r.j1 - r.j0) >> 2 || 1));
  const perRow = apportion(n, new Array(rows).fill(1));
  const heights = cuts(
    r.j1 - r.j0,
    perRow.map((k) => k * uniform(rng, 0.85, 1.15)),
    3,
  );
  const out: Rect[] = [];
  let j = r.j0;
  for (let row = 0; row < rows; row++) {
    const k = perRow[row];
    const widths = cuts(
      r.i1 - r.i0,
      new Array(k).fill(0).map(() => uniform(rng, 0.6, 1.4)),
      3,
    );
    const cells: Rect[] = [];
    let i = r.i0;
    for (const w of widths) {
      cells.push({ i0: i, i1: i + w, j0: j, j1: j + heights[row] });
      i += w;
    }
    out.push(...(row % 2 ? cells.reverse() : cells));
    j += heights[row];
  }
  return out;
}

/** Guillotine split of a rectangle among streets in proportion to their community counts. */
function guillotine(d: Domain, r: Rect, streets: RefStreet[], out: Map<string, Rect>): void {
  if (streets.length === 1) {
    out.set(streets[0].code, r);
    return;
  }
  const counts = streets.map((s) => s.communities.length);
  const total = counts.reduce((a, b) => a + b, 0);
  let k = 0;
  let acc = 0;
  while (k < streets.length - 1 && acc + counts[k] <= total / 2) acc += counts[k++];
  if (k === 0) acc += counts[k++];
  const [L, H] = rectSize(d, r);
  const a = streets.slice(0, k);
  const b = streets.slice(k);
  if (L >= H) {
    const cut = r.i0 + Math.max(1, Math.min(r.i1 - r.i0 - 1, Math.round(((r.i1 - r.i0) * acc) / total)));
    guillotine(d, { ...r, i1: cut }, a, out);
    guillotine(d, { ...r, i0: cut }, b, out);
  } else {
    const cut = r.j0 + Math.max(1, Math.min(r.j1 - r.j0 - 1, Math.round(((r.j1 - r.j0) * acc) / total)));
    guillotine(d, { ...r, j1: cut }, a, out);
    guillotine(d, { ...r, j0: cut }, b, out);
  }
}

function circleRing(cx: number, cy: number, r: number, n: number, clockwise: boolean): Ring {
  const ring: Ring = [];
  for (let k = 0; k < n; k++) {
    const a = ((clockwise ? -1 : 1) * 2 * Math.PI * k) / n;
    ring.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  ring.push(ring[0]);
  return ring;
}

/** The park cut out of a community polygon: a clockwise ring. */
export function holeRing(h: { cx: number; cy: number; r: number }): Ring {
  return circleRing(h.cx, h.cy, h.r, 36, true);
}

/** 珊瑚坝: an island in the 长江 off 菜园坝, an ellipse along the bank (metres, CCW). */
function shanhubaIsland(): Ring {
  const u0 = 0.5;
  const x = peninsulaX(u0);
  const y = southBankY(u0) - 0.45 * YANGTZE_WIDTH;
  const dx = peninsulaX(u0 + 0.01) - peninsulaX(u0 - 0.01);
  const dy = southBankY(u0 + 0.01) - southBankY(u0 - 0.01);
  const ang = Math.atan2(dy, dx);
  const ring: Ring = [];
  for (let k = 0; k < 40; k++) {
    const a = (2 * Math.PI * k) / 40;
    const ex = 780 * Math.cos(a);
    const ey = 120 * Math.sin(a) * (1 - 0.25 * Math.cos(a));
    ring.push([x + ex * Math.cos(ang) - ey * Math.sin(ang), y + ex * Math.sin(ang) + ey * Math.cos(ang)]);
  }
  ring.push(ring[0]);
  return ring;
}

/** Lay out one district's communities on its domain and apportion its census totals. */
export function layoutDistrict(d: Domain, district: RefDistrict, seed: number): CommunityCell[] {
  const rng = stream(seed, 'layout:' + district.code);
  const streetRects = new Map<string, Rect>();
  if (d.peninsula) {
    for (const s of district.streets) {
      const f = YUZHONG_LAYOUT[s.code];
      if (!f) throw new Error(`no layout for street ${s.code} ${s.name}`);
      streetRects.set(s.code, {
        i0: Math.round(f[0] * d.nu),
        i1: Math.round(f[1] * d.nu),
        j0: Math.round(f[2] * d.nv),
        j1: Math.round(f[3] * d.nv),
      });
    }
  } else {
    guillotine(d, { i0: 0, i1: d.nu, j0: 0, j1: d.nv }, district.streets, streetRects);
  }
  const cells: CommunityCell[] = [];
  for (const s of district.streets) {
    const rects = bricks(d, streetRects.get(s.code)!, s.communities.length, rng);
    s.communities.forEach((c, k) => {
      const rect = rects[k];
      const uc = (rect.i0 + rect.i1) / 2 / d.nu;
      cells.push({
        id: c.code,
        name: c.name,
        street: s.name,
        streetCode: s.code,
        district: district.name,
        districtCode: district.code,
        domain: d,
        rect,
        core: d.peninsula ? Math.max(0, Math.min(1, (uc - 0.6) / 0.3)) : 0,
        households: 0,
        population: 0,
        elderly: 0,
        children: 0,
        areaM2: ringArea(rectRing(d, rect)),
      });
    });
  }
  if (d.peninsula) addParksAndIsland(d, cells);
  apportionPeople(cells, district, seed);
  return cells;
}

function addParksAndIsland(d: Domain, cells: CommunityCell[]): void {
  const at = (u: number, v: number) => cells.find((c) => c.rect.i0 <= u * d.nu && u * d.nu < c.rect.i1 && c.rect.j0 <= v * d.nv && v * d.nv < c.rect.j1);
  const parks: [string, CommunityCell | undefined][] = [
    ['鹅岭公园', at(0.39, 0.45)],
    ['枇杷山公园', cells.find((c) => c.id === '500103004003')],
    ['佛图关公园', cells.find((c) => c.id === '500103012012')],
  ];
  for (const [name, c] of parks) {
    if (!c || c.hole) continue;
    const [L, H] = rectSize(d, c.rect);
    const r = Math.min(170, 0.25 * Math.min(L, H));
    const [cx, cy] = d.point((c.rect.i0 + c.rect.i1) / 2 / d.nu, (c.rect.j0 + c.rect.j1) / 2 / d.nv);
    c.hole = { name, cx, cy, r };
    c.areaM2 -= Math.PI * r * r;
  }
  const coral = cells.find((c) => c.id === '500103007003');
  if (coral) {
    coral.island = { name: '珊瑚坝', ring: shanhubaIsland() };
    coral.areaM2 += ringArea(coral.island.ring);
  }
}

/** Households, residents, 60+ and 0-12 per community, adding up to the district's census figures. */
function apportionPeople(cells: CommunityCell[], district: RefDistrict, seed: number): void {
  const rng = stream(seed, 'people:' + district.code);
  const hhWeights = cells.map((c) => Math.pow(Math.max(c.areaM2, 1e4), 0.55) * (1 + 0.8 * c.core) * lognormal(rng, 0.3));
  const hh = apportion(district.households, hhWeights);
  const popPerHh = district.population / Math.max(1, district.households);
  const pop = apportion(
    district.population,
    hh.map((h) => h * popPerHh * lognormal(rng, 0.05)),
  );
  const eld = apportion(
    Math.round(district.population * district.elderlyShare),
    cells.map((c, k) => pop[k] * (0.85 + 0.3 * c.core) * lognormal(rng, 0.12)),
  );
  const kids = apportion(
    Math.round(district.population * district.childShare),
    cells.map((c, k) => pop[k] * (1.1 - 0.25 * c.core) * lognormal(rng, 0.12)),
  );
  cells.forEach((c, k) => {
    c.households = hh[k];
    c.population = pop[k];
    c.elderly = Math.min(eld[k], pop[k]);
    c.children = Math.min(kids[k], pop[k] - c.elderly);
  });
}

/** GeoJSON geometry of a community in metres (converted to degrees by the writer). */
export function communityRings(c: CommunityCell): Ring[][] {
  if (c.rings) return c.rings;
  const outer = rectRing(c.domain, c.rect);
  const poly: Ring[] = c.hole ? [outer, holeRing(c.hole)] : [outer];
  return c.island ? [poly, [c.island.ring]] : [poly];
}

/** A uniformly random point of a community's rectangle (lattice-inset), outside its park. */
export function samplePoint(c: CommunityCell, rng: Rng): { u: number; v: number; x: number; y: number } {
  const d = c.domain;
  for (let tries = 0; ; tries++) {
    const u = (c.rect.i0 + 0.5 + rng() * (c.rect.i1 - c.rect.i0 - 1)) / d.nu;
    const v = (c.rect.j0 + 0.5 + rng() * (c.rect.j1 - c.rect.j0 - 1)) / d.nv;
    const [x, y] = d.point(u, v);
    if (c.hole && Math.hypot(x - c.hole.cx, y - c.hole.cy) < c.hole.r + 15 && tries < 50) continue;
    return { u, v, x, y };
  }
}
