import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { EngineError } from '../errors';
import type { GridLine } from './sourceTable';

const utf8 = new TextDecoder('utf-8');
/** Thrown from the row handler to stop parsing a sheet once enough rows are read. */
const ENOUGH = Symbol('enough rows');

/** Walk an XML document: `open(name, attrs)`, `text(t)`, `close(name)` (local names, no prefix). */
function walkXml(
  xml: string,
  file: string,
  h: { open?: (name: string, a: Record<string, string>) => void; text?: (t: string) => void; close?: (name: string) => void },
): void {
  const p = new SaxesParser();
  const local = (n: string) => n.slice(n.indexOf(':') + 1);
  p.on('error', (e) => {
    throw new EngineError('E_BAD_FILE', { file, detail: `XML: ${e.message.slice(0, 100)}` });
  });
  if (h.open) p.on('opentag', (t) => h.open!(local(t.name), t.attributes as Record<string, string>));
  if (h.text) {
    p.on('text', h.text);
    p.on('cdata', h.text);
  }
  if (h.close) p.on('closetag', (t) => h.close!(local(t.name)));
  p.write(xml).close();
}

/** Column letters of a cell reference (`AB12` → 27, 0-based). */
function columnOf(ref: string): number {
  let c = 0;
  for (const ch of ref) {
    const k = ch.charCodeAt(0);
    if (k < 65 || k > 90) break;
    c = c * 26 + (k - 64);
  }
  return c - 1;
}

function sharedStrings(xml: string | undefined, file: string): string[] {
  if (!xml) return [];
  const out: string[] = [];
  let cur = '';
  let inT = false;
  let skip = 0; // phonetic runs (rPh) are not part of the text
  walkXml(xml, file, {
    open: (n) => {
      if (n === 'si') cur = '';
      else if (n === 'rPh') skip++;
      else if (n === 't' && skip === 0) inT = true;
    },
    text: (t) => {
      if (inT) cur += t;
    },
    close: (n) => {
      if (n === 't') inT = false;
      else if (n === 'rPh') skip--;
      else if (n === 'si') out.push(cur);
    },
  });
  return out;
}

/**
 * Read one sheet of an XLSX workbook into lines of text cells (the sheet's 1-based row
 * numbers kept). Unzipped with fflate, XML read with saxes: no Node built-ins, so it runs
 * in a worker. `sheet` names the sheet; the first one otherwise. Numbers are kept as the
 * text Excel stored (full precision), booleans as TRUE/FALSE, formulas as their cached
 * value.
 */
export function readXlsx(
  bytes: Uint8Array,
  file: string,
  sheet?: string,
  /** Stop after this many rows of the sheet (default: all); `cut` then says whether rows were left, `lastRow` is the sheet's dimension. */
  maxLines?: number,
): { sheet: string; sheets: string[]; lines: GridLine[]; cut?: boolean; lastRow?: number } {
  let zip: Record<string, Uint8Array>;
  try {
    zip = unzipSync(bytes);
  } catch (e) {
    throw new EngineError('E_BAD_FILE', { file, detail: `not an XLSX workbook (${(e as Error).message.slice(0, 60)})` });
  }
  const text = (p: string) => (zip[p] ? utf8.decode(zip[p]) : undefined);
  const wb = text('xl/workbook.xml');
  if (!wb) throw new EngineError('E_BAD_FILE', { file, detail: 'not an XLSX workbook (no xl/workbook.xml)' });
  const sheets: { name: string; rid: string }[] = [];
  walkXml(wb, file, { open: (n, a) => n === 'sheet' && sheets.push({ name: a.name, rid: a['r:id'] ?? a.id }) });
  const rels = new Map<string, string>();
  walkXml(text('xl/_rels/workbook.xml.rels') ?? '<Relationships/>', file, { open: (n, a) => n === 'Relationship' && rels.set(a.Id, a.Target) });
  const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => s.name === sheet);
  if (!chosen)
    throw new EngineError('E_BAD_FILE', {
      file,
      detail: sheet === undefined ? 'the workbook has no sheet' : `no sheet named '${sheet}' (sheets: ${sheets.map((s) => s.name).join(', ')})`,
    });
  const target = rels.get(chosen.rid) ?? 'worksheets/sheet1.xml';
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const xml = text(path);
  if (!xml) throw new EngineError('E_BAD_FILE', { file, detail: `sheet '${chosen.name}' is missing (${path})` });
  const shared = sharedStrings(text('xl/sharedStrings.xml'), file);

  const lines: GridLine[] = [];
  let row: GridLine | null = null;
  let nextRow = 1;
  let col = 0;
  let type = 'n';
  let value = '';
  let inValue = false;
  let nextCol = 0;
  const handlers: Parameters<typeof walkXml>[2] = {
    open: (n, a) => {
      if (n === 'row') {
        const r = a.r ? Number(a.r) : nextRow;
        row = { line: r, cells: [] };
        nextRow = r + 1;
        nextCol = 0;
      } else if (n === 'c' && row) {
        col = a.r ? columnOf(a.r) : nextCol;
        nextCol = col + 1;
        type = a.t ?? 'n';
        value = '';
      } else if (n === 'v' || n === 't') inValue = true;
    },
    text: (t) => {
      if (inValue) value += t;
    },
    close: (n) => {
      if (n === 'v' || n === 't') inValue = false;
      else if (n === 'c' && row) {
        let v = value;
        if (type === 's') v = shared[Number(value)] ?? '';
        else if (type === 'b') v = value === '1' ? 'TRUE' : 'FALSE';
        while (row.cells.length < col) row.cells.push('');
        row.cells[col] = v;
      } else if (n === 'row' && row) {
        if (maxLines !== undefined && lines.length >= maxLines) throw ENOUGH;
        lines.push(row);
        row = null;
      }
    },
  };
  let cut = false;
  try {
    walkXml(xml, file, handlers);
  } catch (e) {
    if (e !== ENOUGH) throw e;
    cut = true;
  }
  const out: ReturnType<typeof readXlsx> = { sheet: chosen.name, sheets: sheets.map((s) => s.name), lines };
  if (cut) {
    out.cut = true;
    const dim = /<(?:\w+:)?dimension\s+ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(xml.slice(0, 4096));
    if (dim) out.lastRow = Number(dim[1]);
  }
  return out;
}
