import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/report/csv.js';

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
