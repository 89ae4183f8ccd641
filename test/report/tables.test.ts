import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/report/csv.js';
import { crosstabGroups, splitCrosstab } from '../../src/report/tables.js';
import { seeded } from '../helpers/cli.js';

const TOTALS = ['Code', 'Label', 'Segments', '% of base', 'Base', 'Documents', 'Speakers'];

/** A crosstab shaped like `frequencyCrosstab`'s, with `groups` group columns. */
function crosstab(groups: number, codes: number): Table {
  const names = Array.from({ length: groups }, (_, j) => `Speaker ${j + 1}`);
  return {
    columns: [...TOTALS, ...names],
    rows: Array.from({ length: codes }, (_, i) => [`code${i}`, `label ${i}`, i, '1.0', 10, 1, 1, ...names.map((_, j) => `${i + j} (${j}.0%)`)]),
  };
}

describe('splitCrosstab', () => {
  it('cuts 30 speakers into four tables of at most eight, every speaker once, in order, after the code', () => {
    const table = crosstab(30, 5);
    const { totals, parts } = splitCrosstab(table, 8);
    expect(totals.columns).toEqual(TOTALS);
    expect(totals.rows).toEqual(table.rows.map((r) => r.slice(0, 7)));
    expect(parts.map((p) => p.table.columns.length - 1)).toEqual([8, 7, 8, 7]);
    expect(parts.map((p) => [p.first, p.last, p.of])).toEqual([[1, 8, 30], [9, 15, 30], [16, 23, 30], [24, 30, 30]]);
    expect(parts.flatMap((p) => p.table.columns.slice(1))).toEqual(table.columns.slice(7));
    expect(parts[3].table.rows[2]).toEqual(['code2', ...table.rows[2].slice(7 + 23)]);
  });

  it('keeps every cell once, in parts that never exceed the limit (seeded)', () => {
    const random = seeded(12);
    for (let run = 0; run < 200; run++) {
      const groups = 1 + Math.floor(random() * 45);
      const max = 1 + Math.floor(random() * 10);
      const table = crosstab(groups, 1 + Math.floor(random() * 6));
      expect(crosstabGroups(table)).toBe(groups);
      const { parts } = splitCrosstab(table, max);
      expect(parts.length).toBe(Math.ceil(groups / max));
      for (const p of parts) expect(p.table.columns.length - 1).toBeLessThanOrEqual(max);
      const widths = parts.map((p) => p.table.columns.length);
      expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(1);
      table.rows.forEach((row, i) => expect(parts.flatMap((p) => p.table.rows[i].slice(1))).toEqual(row.slice(7)));
    }
  });

  it('says which option is wrong', () => {
    expect(() => splitCrosstab(crosstab(3, 1), 0)).toThrow('splitCrosstab: option maxGroups must be a whole number from 1 up; got 0');
  });
});
