/** Value words (valueWords.ts): the unknown words the wizard lists are exactly those the import rejects, and a chosen code imports as a mapping file's would. */
import { describe, expect, it } from 'vitest';
import { importPackage } from '../../src/engine/index';
import { cellWords, columnValues, inspectSource, unknownWords, valueCodes, valueLookup } from '../../src/engine/import/index';
import { UNKNOWN_WORDS_LEDGER as LEDGER } from '../helpers/unknownWordsLedger';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('value words', () => {
  it('looks words up after normalising, the codes themselves included, a mapping’s words on top', () => {
    const l = valueLookup('candidates', 'ownership', { 不详: 'state', 乱写: 'no_such_code' });
    expect([l.get('国有'), l.get('state'), l.get('不详'), l.get('乱写')]).toEqual(['state', 'state', 'state', undefined]);
    expect(valueCodes('facilities', 'status')).toEqual(['open', 'planned']);
    expect(valueCodes('buildings', 'households')).toEqual([]);
  });

  it('splits services cells, not others', () => {
    expect(cellWords('services', ' 养老、助餐；理发 ')).toEqual(['养老', '助餐', '理发']);
    expect(cellWords('status', ' 在建、规划 ')).toEqual(['在建、规划']);
    expect(cellWords('services', '  ')).toEqual([]);
  });

  it('counts distinct column values and lists the unknown words with their rows', () => {
    const rows = [{ cells: ['a', ' 养老、理发 '] }, { cells: ['a', '理发；助餐'] }, { cells: ['', '打球'] }];
    const v = columnValues(2, rows);
    expect(v).toEqual([
      [{ value: 'a', rows: 2 }],
      [
        { value: '养老、理发', rows: 1 },
        { value: '理发；助餐', rows: 1 },
        { value: '打球', rows: 1 },
      ],
    ]);
    expect(unknownWords('facilities', 'services', v[1])).toEqual([
      { value: '理发', rows: 2 },
      { value: '打球', rows: 1 },
    ]);
    expect(unknownWords('facilities', 'services', v[1], { 理发: 'housekeeping' })).toEqual([{ value: '打球', rows: 1 }]);
  });

  it('lists in the preview what the import rejects, and a chosen code imports the rows', async () => {
    const file = { name: '台账.csv', bytes: utf8(LEDGER) };
    const p = inspectSource([file])[0];
    const col = (h: string) => p.values[p.header.indexOf(h)];
    expect(unknownWords('facilities', 'services', col('服务功能'))).toEqual([{ value: '理发', rows: 2 }]);
    expect(unknownWords('facilities', 'status', col('运营状态'))).toEqual([{ value: '试营业', rows: 1 }]);
    const plain = await importPackage({ sources: [{ role: 'facilities', files: [file] }] });
    expect(plain.rejected.map((r) => [r.row, r.field, r.code])).toEqual([
      [1, '服务功能 (services)', 'R_UNKNOWN_CODE'],
      [2, '运营状态 (status)', 'R_UNKNOWN_CODE'],
      [3, '服务功能 (services)', 'R_UNKNOWN_CODE'],
    ]);
    const mapped = await importPackage({
      sources: [{ role: 'facilities', files: [file], mapping: { values: { services: { 理发: 'housekeeping' }, status: { 试营业: 'open' } } } }],
    });
    expect(mapped.rejected).toEqual([]);
    expect(new TextDecoder().decode(mapped.files['facilities.csv'])).toBe(
      [
        'id,name,lon,lat,area_m2,services,community_id,level,operator,status',
        'S1,甲,106.5,29.5,100,elderly_care;housekeeping,,,,open',
        'S2,乙,106.5,29.5,100,meals,,,,open',
        'S3,丙,106.5,29.5,100,meals;housekeeping,,,,open',
        '',
      ].join('\r\n'),
    );
  });
});
