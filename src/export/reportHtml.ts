import type { BlueprintResult } from '../engine/index';
import type { ScopeMeasures } from '../engine/index';
import { SERVICES, SERVICE_NAMES } from '../engine/index';
import { tFor, type Lang } from '../i18n';
import { REPORT_COLORS } from '../map/colors';
import type { Table } from './blueprintTables';

/** Paper orientation of the printed report. */
export type Orientation = 'portrait' | 'landscape';

export interface ReportInput {
  result: BlueprintResult;
  title: string;
  /** Scope in words, e.g. 渝中区 · 解放碑街道. */
  scopeLabel: string;
  packageName: string;
  date: Date;
  synthetic: boolean;
  /** data: URL of the map image, or null. */
  mapImage: string | null;
  tables: Table[];
  /** Paper size (CSS `@page size`); default A4. */
  paper?: 'A4' | 'A3';
  /** Default portrait. */
  orientation?: Orientation;
  /** Language of the report's own text and headers (the UI's); default Chinese. */
  lang?: Lang;
}

/** Printable width in mm of a paper size and orientation, less the 12 mm side margins. */
export function printableWidthMm(paper: 'A4' | 'A3', orientation: Orientation): number {
  const [short, long] = paper === 'A3' ? [297, 420] : [210, 297];
  return (orientation === 'landscape' ? long : short) - 24;
}

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif';

const css = (paper: 'A4' | 'A3', orientation: Orientation) => `
@page { size: ${paper} ${orientation}; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: ${FONT}; color: ${REPORT_COLORS.text}; font-size: 10.5pt; margin: 0 auto; max-width: ${printableWidthMm(paper, orientation)}mm; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; }
.meta { color: #555; margin-bottom: 3mm; }
.synthetic { background: ${REPORT_COLORS.syntheticBg}; border: 1px solid ${REPORT_COLORS.syntheticBorder}; color: ${REPORT_COLORS.syntheticText}; padding: 1.5mm 3mm; margin: 2mm 0; }
.map { width: 100%; border: 1px solid #ccc; }
table { border-collapse: collapse; width: 100%; font-size: 8pt; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
td:first-child { white-space: nowrap; }
th { background: ${REPORT_COLORS.tableHead}; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.bars { display: grid; grid-template-columns: 22mm 1fr 30mm; gap: 1mm 2mm; align-items: center; }
.bar { height: 2.2mm; background: ${REPORT_COLORS.bar}; }
.bar.before { opacity: 0.35; }
.kpis { display: flex; flex-wrap: wrap; gap: 3mm; }
.kpi { border: 1px solid #ccc; padding: 2mm 3mm; min-width: 32mm; }
.kpi b { display: block; font-size: 13pt; }
.print { position: fixed; top: 4mm; right: 4mm; }
@media print { .print { display: none; } }
`;

const pct = (v: number | null) => (v === null || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(1)}%`);
let numLocale = 'zh-CN';
const num = (v: number, d = 0) => v.toLocaleString(numLocale, { maximumFractionDigits: d });
let lng: Lang = 'zh';
const t = () => tFor(lng);

/**
 * The printable blueprint report as a DOM document: title, scope, date, the synthetic-data
 * label, the map image, the summary, before/after bars and the tables. Every data value goes
 * in through textContent (never innerHTML), so hostile names stay text.
 */
export function buildReportDocument(inp: ReportInput, doc: Document = document.implementation.createHTMLDocument('')): Document {
  const paper = inp.paper ?? 'A4';
  lng = inp.lang ?? 'zh';
  numLocale = lng === 'en' ? 'en-US' : 'zh-CN';
  doc.documentElement.lang = lng === 'en' ? 'en' : 'zh-CN';
  doc.title = inp.title;
  const meta = doc.createElement('meta');
  meta.setAttribute('charset', 'utf-8');
  doc.head.appendChild(meta);
  const style = doc.createElement('style');
  style.textContent = css(paper, inp.orientation ?? 'portrait');
  doc.head.appendChild(style);
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, parent: Element, text?: string, cls?: string) => {
    const e = doc.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    parent.appendChild(e);
    return e;
  };
  const body = doc.body;
  const btn = el('button', body, t()('report:print'), 'print');
  btn.setAttribute('onclick', 'window.print()');
  el('h1', body, inp.title);
  const p = inp.date;
  const d2 = (n: number) => String(n).padStart(2, '0');
  el(
    'div',
    body,
    t()('report:meta', { pkg: inp.packageName, scope: inp.scopeLabel, date: `${p.getFullYear()}-${d2(p.getMonth() + 1)}-${d2(p.getDate())}` }),
    'meta',
  );
  if (inp.synthetic) el('div', body, t()('report:synthetic'), 'synthetic');
  if (inp.mapImage) {
    const img = el('img', body, undefined, 'map');
    img.setAttribute('alt', t()('report:mapAlt'));
    if (/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/.test(inp.mapImage)) img.setAttribute('src', inp.mapImage);
  }
  const r = inp.result;
  el('h2', body, t()('report:result'));
  const kpis = el('div', body, undefined, 'kpis');
  const kpi = (label: string, value: string) => {
    const k = el('div', kpis, undefined, 'kpi');
    el('b', k, value);
    el('span', k, label);
  };
  const tr = t();
  kpi(tr('report:kpi.sites'), num(r.totals.sites));
  kpi(tr('report:kpi.area'), `${num(r.totals.areaM2)} m²`);
  kpi(tr('report:kpi.cost'), tr('report:kpi.wan', { v: num(r.totals.costWan, 1) }));
  kpi(tr('report:kpi.subsidy'), tr('report:kpi.wan', { v: num(r.totals.subsidyYuan / 10000, 1) }));
  kpi(tr('report:kpi.solve'), r.solution.optimal ? tr('report:kpi.optimal') : tr('report:kpi.gap', { gap: (r.solution.gap * 100).toFixed(2) }));
  el('h2', body, tr('report:coverageTitle'));
  bars(el('div', body, undefined, 'bars'), r.before, r.after, el);
  el('h2', body, tr('report:rulesTitle'));
  const [yes, no] = [tr('report:yes'), tr('report:no')];
  rulesTable(body, r.before, r.after, el);
  for (const t of inp.tables) {
    el('h2', body, t.name);
    const table = el('table', body);
    const hr = el('tr', el('thead', table));
    for (const h of t.header) el('th', hr, h);
    const tb = el('tbody', table);
    for (const row of t.rows) {
      const tr = el('tr', tb);
      for (const v of row)
        el(
          'td',
          tr,
          v === null ? '' : typeof v === 'boolean' ? (v ? yes : no) : typeof v === 'number' ? num(v, 1) : v,
          typeof v === 'number' || /^[\d.]+%$/.test(String(v)) ? 'num' : undefined,
        );
    }
  }
  el('h2', body, tr('report:assumptions'));
  const ul = el('ul', body);
  for (const a of r.assumptions) el('li', ul, a);
  return doc;
}

type El = <K extends keyof HTMLElementTagNameMap>(tag: K, parent: Element, text?: string, cls?: string) => HTMLElementTagNameMap[K];

function bars(box: Element, before: ScopeMeasures, after: ScopeMeasures, el: El) {
  SERVICES.forEach((s, k) => {
    el('span', box, SERVICE_NAMES[s][lng]);
    const cell = el('div', box);
    const b = el('div', cell, undefined, 'bar before');
    b.setAttribute('style', `width:${((before.coverage[k] ?? 0) * 100).toFixed(1)}%`);
    const a = el('div', cell, undefined, 'bar');
    a.setAttribute('style', `width:${((after.coverage[k] ?? 0) * 100).toFixed(1)}%`);
    el('span', box, `${pct(before.coverage[k])} → ${pct(after.coverage[k])}`);
  });
}

function rulesTable(body: Element, before: ScopeMeasures, after: ScopeMeasures, el: El) {
  const table = el('table', body);
  const hr = el('tr', el('thead', table));
  const tr = t();
  for (const h of [tr('report:rules.measure'), tr('report:rules.before'), tr('report:rules.after')]) el('th', hr, h);
  const tb = el('tbody', table);
  const rows: [string, string, string][] = [
    [tr('report:rules.meetingArea'), num(before.meetingArea), num(after.meetingArea)],
    [tr('report:rules.meetingComplex'), num(before.meetingComplexRule), num(after.meetingComplexRule)],
    [tr('report:rules.meetingBasic'), num(before.meetingBasicRule), num(after.meetingBasicRule)],
    [tr('report:rules.shortfall30'), num(before.shortfallBaseM2), num(after.shortfallBaseM2)],
    [tr('report:rules.shortfall80'), num(before.shortfallEnhancedM2), num(after.shortfallEnhancedM2)],
    ...SERVICES.map((s, k): [string, string, string] => [
      tr('report:rules.beyond', { service: SERVICE_NAMES[s][lng] }),
      num(before.uncoveredHouseholds[k]),
      num(after.uncoveredHouseholds[k]),
    ]),
  ];
  for (const row of rows) {
    const tr = el('tr', tb);
    row.forEach((v, i) => el('td', tr, v, i ? 'num' : undefined));
  }
}

/** The report as an HTML string (doctype + serialised DOM). */
export function reportHtml(inp: ReportInput): string {
  return `<!doctype html>\n${buildReportDocument(inp).documentElement.outerHTML}`;
}

/** Open the report in a new window for the browser's Print → PDF. Returns the window (null when blocked). */
export function openReport(inp: ReportInput): Window | null {
  const url = URL.createObjectURL(new Blob([reportHtml(inp)], { type: 'text/html;charset=utf-8' }));
  const w = window.open(url, '_blank');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return w;
}
