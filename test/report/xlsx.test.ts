import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import readExcelFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReport, type ReportFiles } from '../../src/report/render-report.js';
import { toXlsx } from '../../src/report/xlsx.js';
import { fixtureReport } from './fixture.js';

let files: ReportFiles;
beforeAll(async () => {
  files = await renderReport(await fixtureReport());
});

/** Cells as the CSV shows them: empty for missing, numbers as written. */
function asCsvCell(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

describe('tables.xlsx', () => {
  it.each(['frequencies', 'cooccurrence', 'quotes', 'codebook'])('sheet %s reads back equal to %s.csv', async (name) => {
    const sheets = await readExcelFile(Buffer.from(files.get('tables.xlsx') as Uint8Array), { trim: false });
    expect(sheets.map((s) => s.sheet)).toEqual(['frequencies', 'cooccurrence', 'quotes', 'codebook']);
    const sheet = sheets.find((s) => s.sheet === name)!;
    const csv = Papa.parse<string[]>(files.get(`${name}.csv`) as string, { skipEmptyLines: true }).data;
    expect(sheet.data.length).toBe(csv.length);
    expect(sheet.data.map((row) => row.map(asCsvCell))).toEqual(csv);
  });

  it('styles the header row and freezes it on every sheet', () => {
    const zip = unzipSync(files.get('tables.xlsx') as Uint8Array);
    const sheets = Object.keys(zip).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
    expect(sheets).toHaveLength(4);
    for (const p of sheets) expect(strFromU8(zip[p])).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    const styles = strFromU8(zip['xl/styles.xml']);
    expect(styles).toContain('<b/>');
    expect(styles.toUpperCase()).toContain('DDE6F0');
  });

  it('keeps numbers as numbers, text as text (never a formula), NaN as the text NaN', async () => {
    const bytes = await toXlsx([{ name: 'a/b:c*?[x]', table: { columns: ['text', 'n', 'flag'], rows: [['=SUM(A1)', 1.5, true], ['two\nlines', NaN, null], ['+1', 3, false]] } }]);
    const [sheet] = await readExcelFile(Buffer.from(bytes), { trim: false });
    expect(sheet.sheet).toBe('a-b-c---x-');
    expect(sheet.data).toEqual([['text', 'n', 'flag'], ['=SUM(A1)', 1.5, true], ['two\nlines', 'NaN', null], ['+1', 3, false]]);
    const zip = unzipSync(bytes);
    expect(strFromU8(zip['xl/worksheets/sheet1.xml'])).not.toContain('<f>');
  });
});
