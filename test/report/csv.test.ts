import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvLines, toCsv } from '../../src/report/csv.js';
import { seeded } from '../helpers/cli.js';

const cellsOf = (csv: string) => Papa.parse<string[]>(csv.trim()).data.map((r) => r[0]);

describe('toCsv formula escaping', () => {
  it('escapes every cell that starts with "-" unless it is a plain number', () => {
    const dangerous = ['-SUM(1,2)', "-cmd|' /C calc'!A0", '-HYPERLINK("http://example.invalid","x")', '-A1', '-', '--', '-1+1', '-2-3', '- 5', '-1,5'];
    expect(cellsOf(toCsv({ columns: ['c'], rows: dangerous.map((d) => [d]) }, { header: false }))).toEqual(dangerous.map((d) => `'${d}`));
    const numbers = ['-1', '-0.25', '-.5', '-3.', '-1e5', '-2.5E-3'];
    expect(cellsOf(toCsv({ columns: ['c'], rows: [...numbers.map((n) => [n]), [-0.75], [-12]] }, { header: false }))).toEqual([...numbers, '-0.75', '-12']);
  });

  it('still escapes =, +, @, tab and carriage return, and leaves ordinary text alone', () => {
    const rows = ['=1+1', '+1', '@SUM(A1)', '\t=x', '\r=x', 'kata-kata', 'pacar', '5-3'];
    expect(cellsOf(toCsv({ columns: ['c'], rows: rows.map((r) => [r]) }, { header: false }))).toEqual(["'=1+1", "'+1", "'@SUM(A1)", "'\t=x", "'\r=x", 'kata-kata', 'pacar', '5-3']);
  });
});

describe('CsvLines', () => {
  it('writes every row as toCsv does: quotes, formula guard, NaN, numbers (seeded)', () => {
    const rand = seeded(1);
    const bits = ['a', ',', '"', ' ', '=', '-', '1', '\n', '@', 'é', '+', '\t', '\r'];
    const lines = new CsvLines();
    let quoted = 0;
    for (let k = 0; k < 5000; k++) {
      const row = Array.from({ length: 4 }, () =>
        rand() < 0.3 ? Math.floor(rand() * 100) / (rand() < 0.2 ? 0 : 7) * (rand() < 0.3 ? -1 : 1) : Array.from({ length: Math.floor(rand() * 5) }, () => bits[Math.floor(rand() * bits.length)]).join(''),
      );
      const expected = toCsv({ columns: ['a', 'b', 'c', 'd'], rows: [row] }, { header: false });
      if (expected.includes('"')) quoted++;
      expect(lines.line(row), JSON.stringify(row)).toBe(expected);
    }
    expect(quoted).toBeGreaterThan(1000);
  });
});
