import { describe, expect, it } from 'vitest';
import { tolerantRecords } from '../../src/engine/package/parseCsv';
import { plainDecimal, plainWhole } from '../../src/engine/package/plainNumber';
import { cellText, rowCells, scanCsv, type CsvScan } from '../../src/engine/package/scanCsv';
import { mulberry32 } from '../../src/engine/random';

const records = (s: CsvScan) => Array.from({ length: s.rowCount }, (_, k) => rowCells(s, k));

describe('scanCsv: cell spans of RFC 4180 text', () => {
  it('plain rows, an empty cell, a trailing line end', () => {
    const s = scanCsv('id,lon\nb1,106.5\nb2,\n')!;
    expect(records(s)).toEqual([['id', 'lon'], ['b1', '106.5'], ['b2', ''], ['']]);
    // spans point into the text itself
    expect([s.start[2], s.end[2]]).toEqual([7, 9]);
    expect(s.quoted[2]).toBe(0);
  });
  it('quoted commas, doubled quotes and a line break inside quotes (CRLF there becomes LF)', () => {
    const s = scanCsv('id,name\r\n"b,1","say ""hi"""\r\n"b2","two\r\nlines"\r\n')!;
    expect(records(s)).toEqual([['id', 'name'], ['b,1', 'say "hi"'], ['b2', 'two\nlines'], ['']]);
    expect(s.quoted[2]).toBe(1);
    expect(cellText(s, 3)).toBe('say "hi"');
  });
  it('LF only: plain lines split at their commas, lines with quotes read cell by cell, a quoted line break spanning lines', () => {
    const s = scanCsv('id,name\n"b,1",x\nb2,plain\nb3,"two\nlines"\nb4,,z')!;
    expect(records(s)).toEqual([
      ['id', 'name'],
      ['b,1', 'x'],
      ['b2', 'plain'],
      ['b3', 'two\nlines'],
      ['b4', '', 'z'],
    ]);
  });
  it('CRLF, LF and lone CR line ends mixed in one text', () => {
    expect(records(scanCsv('a,b\r\n1,2\n3,4\r5,6')!)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });
  it('a leading BOM is skipped; an empty text has no records', () => {
    expect(records(scanCsv('\uFEFFid\nx')!)).toEqual([['id'], ['x']]);
    expect(scanCsv('')!.rowCount).toBe(0);
    expect(scanCsv('\uFEFF')!.rowCount).toBe(0);
  });
  it('gives up (null) on what is not plain RFC 4180, for the tolerant parser to cut and reject', () => {
    expect(scanCsv('id,name\nb1,"never closes\nb2,x\n')).toBeNull();
    expect(scanCsv('id,name\nb1,"closed" then text\n')).toBeNull();
    expect(scanCsv('id,name\nb1,5" screen\n')).toBeNull();
  });

  it('equals the tolerant parser (papaparse on normalised line ends) on 20,000 random texts it accepts', () => {
    const rnd = mulberry32(13);
    const alphabet = ['a', 'b', '1', '.', ',', ',', '"', '"', '\n', '\r', '\r\n', ' ', '\uFEFF', '中', '\t'];
    let accepted = 0;
    let quotedAccepted = 0;
    for (let t = 0; t < 20000; t++) {
      const len = Math.floor(rnd() * 24);
      let text = '';
      for (let k = 0; k < len; k++) text += alphabet[Math.floor(rnd() * alphabet.length)];
      const s = scanCsv(text);
      const old = tolerantRecords(text);
      if (s === null) continue;
      accepted++;
      if (text.includes('"')) quotedAccepted++;
      expect({ text, rows: records(s), malformed: old.malformed.size }).toEqual({ text, rows: old.rows, malformed: 0 });
    }
    // both kinds of text were compared, not only the easy ones
    expect(accepted).toBeGreaterThan(6000);
    expect(quotedAccepted).toBeGreaterThan(500);
  });

  it('accepts every well-formed RFC 4180 text (random cells, quoted with commas, quotes and line breaks) and reads it as the tolerant parser does', () => {
    const rnd = mulberry32(4180);
    const pieces = ['a', '中', '1.5', ' ', ',', '"', '\n', '\r\n', '\r', '\uFEFF', ''];
    for (let t = 0; t < 5000; t++) {
      const rows: string[] = [];
      const nRows = 1 + Math.floor(rnd() * 4);
      for (let r = 0; r < nRows; r++) {
        const cells: string[] = [];
        const nCells = 1 + Math.floor(rnd() * 4);
        for (let c = 0; c < nCells; c++) {
          let v = '';
          for (let k = Math.floor(rnd() * 4); k > 0; k--) v += pieces[Math.floor(rnd() * pieces.length)];
          const mustQuote = /[",\r\n]/.test(v);
          cells.push(mustQuote || rnd() < 0.3 ? `"${v.replace(/"/g, '""')}"` : v);
        }
        rows.push(cells.join(','));
      }
      const eol = ['\n', '\r\n', '\r'][Math.floor(rnd() * 3)];
      const text = rows.join(eol) + (rnd() < 0.5 ? eol : '');
      const s = scanCsv(text);
      expect(s, JSON.stringify(text)).not.toBeNull();
      expect({ text, rows: records(s!) }).toEqual({ text, rows: tolerantRecords(text).rows });
    }
  });
});

describe('plainDecimal / plainWhole read exactly what Number reads, or give up', () => {
  const dec = (v: string) => plainDecimal(`x${v}y`, 1, 1 + v.length);
  it('equals Number on plain decimals of up to 15 digits', () => {
    for (const v of ['0', '-0', '+5', '5.', '.5', '106.506545', '-29.530308', '0.1', '0.3', '123456789012345', '1.23456789012345', '007', '-.000000000000001'])
      expect(Object.is(dec(v), Number(v))).toBe(true);
    const rnd = mulberry32(7);
    for (let t = 0; t < 20000; t++) {
      const int = String(Math.floor(rnd() * 1000));
      const frac = String(Math.floor(rnd() * 1e12))
        .padStart(12, '0')
        .slice(0, Math.floor(rnd() * 13));
      const v = `${rnd() < 0.3 ? '-' : ''}${int}.${frac}`;
      if (!Object.is(dec(v), Number(v))) expect(v).toBe('read as Number reads it');
    }
  });
  it('gives up on everything else (NaN), for the general path', () => {
    for (const v of ['', '.', '-', '1e5', ' 1', '1 ', '0x10', '1.2.3', '1,5', '1234567890123456', 'Infinity', '１'] as const) expect(dec(v)).toBeNaN();
  });
  it('plainWhole: digits only, at most 15', () => {
    expect(plainWhole('a42b', 1, 3)).toBe(42);
    expect(plainWhole('007', 0, 3)).toBe(7);
    for (const v of ['', '-1', '+1', '1.0', '1e3', '1234567890123456', ' 1']) expect(plainWhole(v, 0, v.length)).toBe(-1);
  });
});
