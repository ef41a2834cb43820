/**
 * The walking network of a domain, built as an explicit graph so that ways meet only at
 * shared vertices: contour roads along the slopes, stairways (梯坎), switchback roads and
 * ramps between them (few across the ridge), dead-end alleys, public lifts, and on the
 * peninsula the river bridges with the far-bank roads. Every vertex has an elevation.
 */
import { type Domain, JIALING_WIDTH, YANGTZE_WIDTH, Z_JIALING, Z_YANGTZE, northBankY, peninsulaX, southBankY } from './geometry';
import { type Rng, pick, randInt, stream, uniform } from './rng';

export interface Way {
  kind: string;
  name?: string;
  nodes: number[];
}

/** Nodes (metres + elevation) and ways, shared by every domain of a package. */
export class RoadNet {
  xs: number[] = [];
  ys: number[] = [];
  zs: number[] = [];
  ways: Way[] = [];

  add(x: number, y: number, z: number): number {
    this.xs.push(x);
    this.ys.push(y);
    this.zs.push(z);
    return this.xs.length - 1;
  }

  way(kind: string, nodes: number[], name?: string): void {
    if (nodes.length >= 2) this.ways.push(name ? { kind, name, nodes } : { kind, nodes });
  }

  /** A straight way from node a to node b with vertices every `stepM`, z from `zAt` (or linear). */
  straight(a: number, b: number, stepM: number, kind: string, name?: string, zAt?: (x: number, y: number, f: number) => number): number[] {
    const len = Math.hypot(this.xs[b] - this.xs[a], this.ys[b] - this.ys[a]);
    const n = Math.max(1, Math.round(len / stepM));
    const nodes = [a];
    for (let k = 1; k < n; k++) {
      const f = k / n;
      const x = this.xs[a] + f * (this.xs[b] - this.xs[a]);
      const y = this.ys[a] + f * (this.ys[b] - this.ys[a]);
      nodes.push(this.add(x, y, zAt ? zAt(x, y, f) : this.zs[a] + f * (this.zs[b] - this.zs[a])));
    }
    nodes.push(b);
    this.way(kind, nodes, name);
    return nodes;
  }
}

/** Nodes of a domain's network that links to neighbouring domains can use. */
export interface DomainHandles {
  west: number;
  east: number;
  south: number;
  north: number;
}

/** Names of the peninsula's contour roads, by level and by fifth of its length. */
const YUZHONG_ROADS: string[][] = [
  ['长江滨江路'],
  ['石坪路', '长江二路', '菜袁路', '南区路', '解放东路'],
  ['石油路', '长江一路', '燕喜洞路', '中兴路', '解放西路'],
  ['大坪正街', '鹅岭正街', '枇杷山正街', '凯旋路', '民族路'],
  ['袁家岗路', '佛图关路', '中山三路', '中山一路', '民权路'],
  ['渝州路', '鹅岭路', '中山二路', '新华路', '朝东路'],
  ['虎头岩路', '两路口正街', '中山四路', '八一路', '陕西路'],
  ['红岩村路', '李子坝正街', '人和街', '五一路', '沧白路'],
  ['化龙桥正街', '嘉陵路', '上清寺路', '大溪沟路', '临江路'],
  ['红岩路', '李子坝路', '学田湾正街', '嘉陵江路', '洪崖洞路'],
  ['嘉华路', '牛角沱路', '黄花园路', '人民路', '千厮门路'],
  ['嘉陵江滨江路'],
];
const STEP_NAMES = [
  '山城步道',
  '戴家巷崖壁步道',
  '领事巷梯道',
  '花街子梯坎',
  '厚慈街梯坎',
  '守备街石梯',
  '燕子岩梯道',
  '石板坡梯坎',
  '大井巷梯坎',
  '鹅岭梯道',
  '李子坝梯道',
  '嘉西村梯道',
];

/** Peninsula: where levels end (fraction of u) and which level they merge into. */
const PENINSULA_ENDS: Record<number, [number, number]> = {
  1: [0.94, 0],
  2: [0.86, 1],
  3: [0.85, 4],
  4: [0.92, 5],
  6: [0.92, 5],
  7: [0.85, 6],
  8: [0.84, 9],
  9: [0.9, 10],
  10: [0.95, 11],
};

interface Bridge {
  name: string;
  north: boolean;
  u: number;
  attach: number;
  stub: string;
}
const BRIDGES: Bridge[] = [
  { name: '嘉华大桥', north: true, u: 0.1, attach: 8, stub: '嘉华大桥北桥头' },
  { name: '嘉陵江大桥', north: true, u: 0.47, attach: 9, stub: '华新街' },
  { name: '黄花园大桥', north: true, u: 0.63, attach: 9, stub: '五里店路' },
  { name: '千厮门大桥', north: true, u: 0.875, attach: 9, stub: '江北城大街' },
  { name: '菜园坝长江大桥', north: false, u: 0.4, attach: 2, stub: '南坪西路' },
  { name: '长江大桥', north: false, u: 0.66, attach: 2, stub: '南坪北路' },
  { name: '东水门大桥', north: false, u: 0.92, attach: 1, stub: '南滨路弹子石段' },
];

interface Lift {
  name: string;
  a: number;
  b: number;
  u: number;
  kind: string;
}
const LIFTS: Lift[] = [
  { name: '皇冠大扶梯', a: 1, b: 3, u: 0.45, kind: 'elevator' },
  { name: '十八梯观光电梯', a: 0, b: 1, u: 0.725, kind: 'elevator' },
  { name: '凯旋路电梯', a: 2, b: 3, u: 0.775, kind: 'elevator' },
  { name: '洪崖洞观光电梯', a: 10, b: 11, u: 0.86, kind: 'elevator' },
];

/** Build a domain's network into `net`; returns the nodes for links to neighbours. */
export function buildRoads(net: RoadNet, d: Domain, seed: number, label: string): DomainHandles {
  const rng = stream(seed, 'roads:' + d.key);
  const K = d.peninsula ? 12 : Math.max(4, Math.min(40, Math.round(d.widthAt(0.5) / 300) + 1));
  const gap = 0.96 / (K - 1);
  const phase = uniform(rng, 0, 6.28);
  // Level lines half evenly spaced, half spaced by equal climb: closer together where the
  // ground is steep, so that stairways between them are short and steep.
  const climb: number[] = [0];
  const SAMPLES = 400;
  for (let q = 1; q <= SAMPLES; q++) {
    const v0 = 0.02 + (0.96 * (q - 1)) / SAMPLES;
    const v1 = 0.02 + (0.96 * q) / SAMPLES;
    climb.push(climb[q - 1] + Math.abs(d.elevation(0.5, v1) - d.elevation(0.5, v0)));
  }
  const baseV = Array.from({ length: K }, (_, k) => {
    const target = (climb[SAMPLES] * k) / (K - 1);
    let q = 0;
    while (q < SAMPLES && climb[q + 1] < target) q++;
    const f = q < SAMPLES ? (target - climb[q]) / Math.max(1e-9, climb[q + 1] - climb[q]) : 0;
    return 0.35 * (0.02 + k * gap) + 0.65 * (0.02 + (0.96 * Math.min(SAMPLES, q + f)) / SAMPLES);
  });
  const levelV = (k: number, u: number) => baseV[k] + (k > 0 && k < K - 1 ? 0.11 * gap * Math.sin(2 * Math.PI * (2.2 * u + 0.37 * k) + k + phase) : 0);
  const NU = d.nu - (d.nu % 2);
  const even = (x: number) => 2 * Math.round(x / 2);
  const iEnd = new Array(K).fill(NU);
  const mergeTo = new Array(K).fill(-1);
  if (d.peninsula)
    for (const [k, [u, t]] of Object.entries(PENINSULA_ENDS)) {
      iEnd[+k] = even(u * NU);
      mergeTo[+k] = t;
    }
  let spine = 0;
  for (let k = 1; k < K; k++) if (Math.abs(baseV[k] - d.spineV) < Math.abs(baseV[spine] - d.spineV)) spine = k;
  /** The level that runs out to the 朝天门 tip. */
  const tipLevel = d.peninsula ? 5 : spine;
  const lengthPerI = d.lengthM / d.nu;

  // ---- contour roads
  const nodeCache = new Map<number, number>();
  const levelNode = (k: number, i: number) => {
    const key = k * 100000 + i;
    let id = nodeCache.get(key);
    if (id === undefined) {
      const u = i / d.nu;
      const v = levelV(k, u);
      const [x, y] = d.point(u, v);
      id = net.add(x, y, d.elevation(u, v));
      nodeCache.set(key, id);
    }
    return id;
  };
  /** A node between levels a < b at lattice position i (may be fractional) and fraction t. */
  const between = (a: number, b: number, i: number, t: number) => {
    const u = i / d.nu;
    const v = levelV(a, u) + t * (levelV(b, u) - levelV(a, u));
    const [x, y] = d.point(u, v);
    return net.add(x, y, d.elevation(u, v));
  };
  const shortName = label.replace(/(区|县|自治县)$/, '');
  for (let k = 0; k < K; k++) {
    const names = d.peninsula ? YUZHONG_ROADS[k] : [k === spine ? `${shortName}大道` : `${shortName}${k + 1}路`];
    const sections = names.length;
    for (let s = 0; s < sections; s++) {
      const lo = even((s / sections) * NU);
      const hi = Math.min(iEnd[k], even(((s + 1) / sections) * NU));
      if (lo >= hi) continue;
      const nodes: number[] = [];
      for (let i = lo; i <= hi; i += 2) nodes.push(levelNode(k, i));
      if (hi === iEnd[k] && mergeTo[k] >= 0) nodes.push(levelNode(mergeTo[k], iEnd[k] + 2));
      net.way('road', nodes, names[s]);
    }
  }
  // ---- border roads across all levels at u = 0 (and u = 1 on tiles): the west edge crosses the ridge
  const border = (i: number, levels: number[], kind: string, name?: string) => {
    const nodes: number[] = [];
    for (let n = 0; n < levels.length; n++) {
      const k = levels[n];
      nodes.push(levelNode(k, i));
      if (n + 1 < levels.length) {
        const k2 = levels[n + 1];
        const m = Math.max(1, Math.round(((levelV(k2, i / d.nu) - levelV(k, i / d.nu)) * d.widthAt(i / d.nu)) / 35));
        for (let q = 1; q < m; q++) nodes.push(between(k, k2, i, q / m));
      }
    }
    net.way(kind, nodes, name);
  };
  const all = Array.from({ length: K }, (_, k) => k);
  border(0, all, 'road', d.peninsula ? '石杨路' : undefined);
  if (d.peninsula) border(NU, [0, tipLevel, K - 1], 'footway', '朝天门广场');
  else border(NU, all, 'road');

  // ---- reservations: blocks between adjacent existing levels
  const taken = new Map<string, [number, number][]>();
  const free = (key: string, lo: number, hi: number) => !(taken.get(key) ?? []).some(([a, b]) => lo <= b + 1 && a <= hi + 1);
  const reserve = (key: string, lo: number, hi: number) => {
    const list = taken.get(key) ?? [];
    list.push([lo, hi]);
    taken.set(key, list);
  };
  interface Block {
    a: number;
    b: number;
    lo: number;
    hi: number;
  }
  const blocks: Block[] = [];
  for (let a = 0; a < K; a++)
    for (let b = a + 1; b < K; b++) {
      let lo = 0;
      for (let c = a + 1; c < b; c++) lo = Math.max(lo, iEnd[c]);
      const hi = Math.min(iEnd[a], iEnd[b]);
      const l2 = lo > 0 ? lo + 6 : 4;
      if (hi - 6 - l2 >= 2 && (b === a + 1 || lo > 0)) blocks.push({ a, b, lo: even(l2), hi: even(hi - 6) });
    }
  const reserveAcross = (lo: number, hi: number, from: number, to: number) => {
    for (const bl of blocks) if (bl.a >= from && bl.b <= to) reserve(`${bl.a}-${bl.b}`, lo, hi);
  };

  // ---- peninsula landmarks: lifts, 十八梯, bridges
  if (d.peninsula) {
    for (const L of LIFTS) {
      const i = even(L.u * NU);
      reserveAcross(i - 3, i + 4, L.a, L.b);
      const frac = L.b - L.a === 1 ? 0.42 : 0.7;
      /** A node at level coordinate q (a ≤ q ≤ b) and lattice position ii. */
      const atQ = (q: number, ii: number) => {
        const k = Math.min(L.b - 1, Math.floor(q));
        return between(k, k + 1, ii, q - k);
      };
      const bottomRoad = levelNode(L.a, i);
      const topRoad = levelNode(L.b, i);
      const liftBottom = atQ(L.a + frac, i + 1);
      const liftTop = atQ(L.b - frac, i + 1);
      net.zs[liftTop] = net.zs[topRoad];
      net.way('footway', [bottomRoad, atQ(L.a + frac / 2, i + 0.5), liftBottom], `${L.name}下站通道`);
      net.way(L.kind, [liftBottom, liftTop], L.name);
      const deck = atQ(L.b - frac / 2, i + 0.5);
      net.zs[deck] = net.zs[topRoad];
      net.way('footway', [liftTop, deck, topRoad], `${L.name}上站人行天桥`);
    }
    // 十八梯: one stairway from level 1 to level 4, through the levels it meets.
    {
      const i = even(0.7 * NU);
      reserveAcross(i - 2, i + 2, 1, 4);
      const nodes: number[] = [];
      for (let k = 1; k < 4; k++) {
        nodes.push(levelNode(k, i));
        for (let q = 1; q < 8; q++) nodes.push(between(k, k + 1, i + (q % 2 ? 0.3 : -0.3), q / 8));
      }
      nodes.push(levelNode(4, i));
      net.way('steps', nodes, '十八梯');
    }
    for (const B of BRIDGES) {
      const i = even(B.u * NU);
      if (B.north) reserveAcross(i - 3, i + 3, B.attach, K - 1);
      else reserveAcross(i - 3, i + 3, 0, B.attach);
    }
  }

  // ---- connectors between adjacent levels: stairs, switchbacks, ramps
  let named = 0;
  for (const bl of blocks) {
    const key = `${bl.a}-${bl.b}`;
    const ridge = bl.a === spine || bl.b === spine;
    let placed = 0;
    const spacing = (i: number) => {
      const m = ridge ? uniform(rng, 850, 1200) : d.peninsula && i / NU > 0.6 ? uniform(rng, 110, 200) : uniform(rng, 170, 320);
      return Math.max(4, even(m / lengthPerI));
    };
    let i = bl.lo + even(rng() * spacing(bl.lo) * 0.7);
    const tryAt = (i0: number): boolean => {
      const r = rng();
      const type = ridge ? (r < 0.6 ? 'switchback' : 'steps') : r < 0.7 ? 'steps' : r < 0.85 ? 'switchback' : 'ramp';
      const span = type === 'switchback' ? randInt(rng, 3, 4) * 2 : type === 'ramp' ? 4 : randInt(rng, 0, 1) * 2;
      if (i0 + span > bl.hi || !free(key, i0 - 1, i0 + span + 1)) return false;
      reserve(key, i0 - 1, i0 + span + 1);
      const A = levelNode(bl.a, i0);
      const B = levelNode(bl.b, i0 + span);
      const hM = (levelV(bl.b, i0 / d.nu) - levelV(bl.a, i0 / d.nu)) * d.widthAt(i0 / d.nu);
      const nodes = [A];
      if (type === 'switchback') {
        const legs = 3;
        const per = Math.max(3, Math.round(Math.hypot(span * lengthPerI, hM / legs) / 30));
        for (let leg = 0; leg < legs; leg++)
          for (let q = 1; q <= per; q++) {
            if (leg === legs - 1 && q === per) break;
            const f = q / per;
            const ii = leg % 2 === 0 ? i0 + f * span : i0 + span - f * span;
            nodes.push(between(bl.a, bl.b, ii, (leg + f) / legs));
          }
      } else {
        const M = Math.max(3, Math.round(Math.hypot(span * lengthPerI, hM) / (type === 'steps' ? 14 : 25)));
        for (let q = 1; q < M; q++) {
          const zig = type === 'steps' ? (q % 2 ? 0.3 : -0.3) : 0;
          nodes.push(between(bl.a, bl.b, i0 + (span * q) / M + zig, q / M));
        }
      }
      nodes.push(B);
      const kind = type === 'steps' ? 'steps' : type === 'ramp' ? 'footway' : 'road';
      const name = d.peninsula && kind === 'steps' && named < STEP_NAMES.length && rng() < 0.08 ? STEP_NAMES[named++] : undefined;
      net.way(kind, nodes, name);
      placed++;
      return true;
    };
    while (i <= bl.hi) {
      tryAt(i);
      i += spacing(i);
    }
    for (let extra = 0; placed < (ridge ? 2 : 1) && extra < 50; extra++) tryAt(even(bl.lo + rng() * (bl.hi - bl.lo)));
  }

  // ---- dead-end alleys (footways) into the blocks
  for (const bl of blocks) {
    const key = `${bl.a}-${bl.b}`;
    for (const up of [true, false]) {
      const side = `${key}:${up ? 'u' : 'd'}`;
      let i = bl.lo + randInt(rng, 0, 3) * 2;
      while (i <= bl.hi) {
        const m = d.peninsula && i / NU > 0.6 ? uniform(rng, 55, 95) : d.peninsula ? uniform(rng, 85, 150) : uniform(rng, 120, 200);
        if (free(key, i - 1, i + 1) && free(side, i - 1, i + 1)) {
          reserve(side, i - 1, i + 1);
          const tEnd = uniform(rng, 0.18, 0.42);
          const bend = rng() < 0.5 ? 0 : rng() < 0.5 ? 0.8 : -0.8;
          const n = rng() < 0.5 ? 2 : 3;
          const nodes = [up ? levelNode(bl.a, i) : levelNode(bl.b, i)];
          for (let q = 1; q <= n; q++) {
            const f = (q / n) * tEnd;
            nodes.push(between(bl.a, bl.b, i + (q === n ? bend : 0), up ? f : 1 - f));
          }
          net.way('footway', nodes);
        }
        i += Math.max(2, even(m / lengthPerI));
      }
    }
  }

  // ---- bridges and far banks (peninsula)
  if (d.peninsula) buildBridges(net, d, NU, levelNode, rng);

  const mid = even(NU / 2);
  const midLevel = spine + 1 < K ? spine + 1 : spine;
  return {
    west: levelNode(midLevel, 0),
    east: d.peninsula ? levelNode(tipLevel, NU) : levelNode(midLevel, NU),
    south: levelNode(0, mid),
    north: levelNode(K - 1, mid),
  };
}

/** The river bridges from the peninsula to the far-bank roads 北滨路 / 南滨路, with short stubs beyond. */
function buildBridges(net: RoadNet, d: Domain, NU: number, levelNode: (k: number, i: number) => number, rng: Rng): void {
  const farNodes = { north: new Map<number, number>(), south: new Map<number, number>() };
  const farPoint = (north: boolean, i: number): [number, number, number] => {
    const u = i / d.nu;
    const x = peninsulaX(u);
    const y = north ? northBankY(u) + JIALING_WIDTH + 70 : southBankY(u) - YANGTZE_WIDTH - 70;
    const z = (north ? Z_JIALING : Z_YANGTZE) + 9 + 3 * Math.sin(u * 17);
    return [x, y, z];
  };
  for (const north of [true, false]) {
    const map = north ? farNodes.north : farNodes.south;
    const nodes: number[] = [];
    for (let i = -16; i <= NU + 30; i += 2) {
      const [x, y, z] = farPoint(north, i);
      const id = net.add(x, y, z);
      map.set(i, id);
      nodes.push(id);
    }
    net.way('road', nodes, north ? '北滨路' : '南滨路');
  }
  for (const B of BRIDGES) {
    const i = 2 * Math.round((B.u * NU) / 2);
    const start = levelNode(B.attach, i);
    const foot = (B.north ? farNodes.north : farNodes.south).get(i)!;
    const zStart = net.zs[start];
    const zEnd = net.zs[foot] + 14;
    const bankY = B.north ? northBankY(i / d.nu) : southBankY(i / d.nu);
    net.straight(start, foot, 45, 'bridge', B.name, (x, y, f) => {
      const deck = zStart + f * (zEnd - zStart);
      const overLand = B.north ? y < bankY : y > bankY;
      if (!overLand) return deck;
      const v = (y - southBankY(i / d.nu)) / (northBankY(i / d.nu) - southBankY(i / d.nu));
      return Math.max(deck, d.elevation(i / d.nu, Math.max(0, Math.min(1, v))) + 6);
    });
    // a short street climbing away from the far bridgehead
    const dir = B.north ? 1 : -1;
    let prev = foot;
    for (let q = 1; q <= 3; q++) {
      const id = net.add(net.xs[foot] + uniform(rng, -15, 15), net.ys[foot] + dir * 110 * q, net.zs[foot] + 9 * q);
      net.way('road', [prev, id], B.stub);
      prev = id;
    }
    // the far end of the stub gets a short cross street
    const left = net.add(net.xs[prev] - 120, net.ys[prev] + dir * 10, net.zs[prev] + 3);
    const right = net.add(net.xs[prev] + 120, net.ys[prev] - dir * 8, net.zs[prev] + 2);
    net.way('road', [left, prev, right], pick(rng, ['滨江支路', '桥头街', '新街']));
  }
}

/** Connected components of a network by shared vertices (rounded to 7 decimals): sizes, largest first. */
export function components(ways: { coords: number[][] }[]): number[] {
  const id = new Map<string, number>();
  const parent: number[] = [];
  const find = (a: number): number => {
    while (parent[a] !== a) a = parent[a] = parent[parent[a]];
    return a;
  };
  for (const w of ways) {
    let prev = -1;
    for (const c of w.coords) {
      const key = c[0].toFixed(7) + ',' + c[1].toFixed(7);
      let n = id.get(key);
      if (n === undefined) {
        n = parent.length;
        parent.push(n);
        id.set(key, n);
      }
      if (prev >= 0) parent[find(prev)] = find(n);
      prev = n;
    }
  }
  const sizes = new Map<number, number>();
  for (let n = 0; n < parent.length; n++) sizes.set(find(n), (sizes.get(find(n)) ?? 0) + 1);
  return [...sizes.values()].sort((a, b) => b - a);
}
