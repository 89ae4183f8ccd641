import { describe, expect, it } from 'vitest';
import { CsvLines, toCsv } from '../../src/report/csv.js';
import { seeded } from '../helpers/cli.js';

describe('CsvLines', () => {
  it('writes every row as toCsv does: quotes, formula guard, NaN, numbers (seeded)', () => {
    const rand = seeded(1);
    const bits = ['a', ',', '"', ' ', '=', '-', '1', '\n', '@', 'é', '+', '\t', '\r'];
    const lines = new CsvLines();
    let quoted = 0;
    for (let k = 0; k < 5000; k++) {
      const row = Array.from({ length: 4 }, () =>
        rand() < 0.3 ? Math.floor(rand() * 100) / (rand() < 0.2 ? 0 : 7) : Array.from({ length: Math.floor(rand() * 5) }, () => bits[Math.floor(rand() * bits.length)]).join(''),
      );
      const expected = toCsv({ columns: ['a', 'b', 'c', 'd'], rows: [row] }, { header: false });
      if (expected.includes('"')) quoted++;
      expect(lines.line(row), JSON.stringify(row)).toBe(expected);
    }
    expect(quoted).toBeGreaterThan(1000);
  });
});
