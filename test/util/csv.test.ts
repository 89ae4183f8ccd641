import { describe, expect, it } from 'vitest';
import { readCsvRows } from '../../src/util/csv.js';

describe('readCsvRows', () => {
  it.each([
    ['plain rows', 'a,b\nc,d\n', [1, 2]],
    ['a cell with a line break moves the next rows down', 'a,b\n"x\ny",z\nq,r\n', [1, 2, 4]],
    ['blank lines are skipped but counted', 'a,b\n\n\nc,d\n', [1, 4]],
    ['CRLF and a BOM', '\uFEFFa,b\r\n"1\r\n2",3\r\nc,d\r\n', [1, 2, 4]],
    ['tabs are detected', 'a\tb\nc\td\n', [1, 2]],
  ])('%s', (_name, text, lines) => {
    const { rows } = readCsvRows(text);
    expect(rows.map((r) => r.line)).toEqual(lines);
    expect(rows[0].cells).toEqual(['a', 'b']);
  });

  it('reports an unclosed quote at the line of its row', () => {
    const { problems } = readCsvRows('a,b\nc,d\n"x,y\nq,r\n');
    expect(problems.filter((p) => p.type === 'Quotes')).toMatchObject([{ line: 3 }]);
  });
});
