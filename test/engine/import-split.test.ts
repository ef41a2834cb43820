import { describe, expect, it } from 'vitest';
import { splitCommaSeparated, splitDelimited } from '../../src/engine/import/readDelimited';
import { mulberry32 } from '../../src/engine/random';

const view = (rs: ReturnType<typeof splitDelimited>) => rs.map((r) => [r.line, r.cells, r.malformed]);

describe('splitCommaSeparated: the importer’s comma-separated records through scanCsv', () => {
  it('numbers records by their first line, a quoted line break counting as one line (CRLF, CR or LF)', () => {
    expect(view(splitCommaSeparated('id,name\r\n"b,1","two\r\nlines"\r\nb2,"x\ry\nz"\r\nb3,\r\n'))).toEqual([
      [1, ['id', 'name'], false],
      [2, ['b,1', 'two\nlines'], false],
      [4, ['b2', 'x\ny\nz'], false],
      [7, ['b3', ''], false],
    ]);
  });
  it('falls back to the tolerant splitter for an unclosed quote and a leading BOM', () => {
    expect(view(splitCommaSeparated('a,"b\nc,d\ne,f'))).toEqual([
      [1, ['a', 'b'], true],
      [2, ['c', 'd'], false],
      [3, ['e', 'f'], false],
    ]);
    expect(splitCommaSeparated('\uFEFFid,x\n1,2')[0].cells).toEqual(['\uFEFFid', 'x']);
  });
  it('equals splitDelimited(text, ",") on random texts of commas, quotes, spaces and line ends', () => {
    const rng = mulberry32(42);
    const parts = ['a', 'bc', ',', ',', '"', '""', '\n', '\r\n', '\r', ' ', '1.5', '楼', '"q,"', '"x\ny"'];
    for (let t = 0; t < 3000; t++) {
      let s = '';
      const len = Math.floor(rng() * 14);
      for (let k = 0; k < len; k++) s += parts[Math.floor(rng() * parts.length)];
      expect(view(splitCommaSeparated(s)), JSON.stringify(s)).toEqual(view(splitDelimited(s, ',')));
    }
  });
});
