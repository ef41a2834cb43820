/**
 * inspectSource's `maxRows`: the wizard's preview of a large file reads only its first rows
 * (CSV a byte prefix cut at a line break, XLSX the sheet's first rows) and estimates the rest,
 * while header, role and mapping come out as a whole-file read gives them.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { inspectSource, readSources } from '../../src/engine/import/index';
import { encodeGbk } from '../helpers/gbk';

const HEAD = '楼栋编号,楼栋名称,经度,纬度,户数（户）';
const rowsOf = (n: number) => Array.from({ length: n }, (_, k) => `LD${k + 1},${k + 1}号楼,106.5${k % 10},29.5${k % 7},${k % 90}`);

describe('inspectSource maxRows', () => {
  it('reads a GBK CRLF CSV’s first rows only, and counts the rest from its line breaks', () => {
    const bytes = encodeGbk([HEAD, ...rowsOf(100)].join('\r\n') + '\r\n');
    const whole = inspectSource([{ name: '楼栋.csv', bytes }], { previewRows: 3 })[0];
    const part = inspectSource([{ name: '楼栋.csv', bytes }], { previewRows: 3, maxRows: 5 })[0];
    expect(whole).toMatchObject({ rows: 100, complete: true });
    // 5 rows asked + the 11-line header window = 16 lines read: the header and 15 data rows
    expect(readSources([{ name: '楼栋.csv', bytes }], 'buildings', { maxRows: 5 })[0].rows.map((r) => r.row)).toEqual(
      Array.from({ length: 15 }, (_, k) => k + 1),
    );
    expect(part).toMatchObject({ rows: 100, complete: false, role: 'buildings', encoding: 'gb18030' });
    expect(part.header).toEqual(whole.header);
    expect(part.preview).toEqual([
      ['LD1', '1号楼', '106.50', '29.50', '0'],
      ['LD2', '2号楼', '106.51', '29.51', '1'],
      ['LD3', '3号楼', '106.52', '29.52', '2'],
    ]);
    expect(part.mapping).toEqual(whole.mapping);
    expect(part.notes).toContain('first 15 rows read of about 100 (preview; encoding judged on those)');
  });

  it('counts rows below a title line and without a final line break', () => {
    const bytes = encodeGbk(['某某街道楼栋台账', HEAD, ...rowsOf(40)].join('\n'));
    const p = inspectSource([{ name: 'b.csv', bytes }], { maxRows: 2 })[0];
    expect(p).toMatchObject({ rows: 40, complete: false, header: HEAD.split(',') });
  });

  it('leaves out a quoted cell cut by the prefix instead of showing a broken row', () => {
    // 2 + 11 = 13 lines are read: row 11 opens a quote on line 12 that closes on line 14, after the cut;
    // read alone, line 13 (名称) would look like a row of its own
    const lines = [HEAD, ...rowsOf(10), 'LD11,"多行', '名称', '结束",106.5,29.5,3', ...rowsOf(5)];
    const t = readSources([{ name: 'q.csv', bytes: encodeGbk(lines.join('\n') + '\n') }], 'buildings', { maxRows: 2 })[0];
    expect(t.rows.map((r) => r.cells[0])).toEqual(['LD1', 'LD2', 'LD3', 'LD4', 'LD5', 'LD6', 'LD7', 'LD8', 'LD9', 'LD10']);
    expect(t.rows.some((r) => r.malformed)).toBe(false);
  });

  it('reads a UTF-16 file and a small file whole', () => {
    const text = [HEAD, ...rowsOf(30)].join('\r\n');
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      le[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      le[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    expect(inspectSource([{ name: 'u16.csv', bytes: le }], { maxRows: 2 })[0]).toMatchObject({ rows: 30, complete: true, encoding: 'utf-16le' });
    expect(inspectSource([{ name: 's.csv', bytes: encodeGbk([HEAD, ...rowsOf(3)].join('\n')) }], { maxRows: 5 })[0]).toMatchObject({
      rows: 3,
      complete: true,
    });
  });

  it('parses an XLSX sheet only to its first rows and takes the count from the sheet’s dimension', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('楼栋');
    ws.addRow(['某某街道楼栋台账']);
    ws.addRow(HEAD.split(','));
    for (const r of rowsOf(60)) ws.addRow(r.split(','));
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const whole = inspectSource([{ name: 'b.xlsx', bytes }])[0];
    const part = inspectSource([{ name: 'b.xlsx', bytes }], { maxRows: 3, previewRows: 2 })[0];
    expect(whole).toMatchObject({ rows: 60, complete: true });
    // 3 + 11 sheet rows parsed: the title, the header (sheet row 2) and 12 data rows
    expect(readSources([{ name: 'b.xlsx', bytes }], 'buildings', { maxRows: 3 })[0].rows.length).toBe(12);
    expect(part).toMatchObject({ rows: 60, complete: false, header: whole.header, role: 'buildings' });
    expect(part.preview).toEqual(whole.preview.slice(0, 2));
  });
});
