import { strFromU8, unzipSync } from 'fflate';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseHTML } from 'linkedom';
import readExcelFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReport, type ReportFiles } from '../../src/report/render-report.js';
import { toXlsx } from '../../src/report/xlsx.js';
import { displayCell } from '../../src/report/blocks.js';
import { fixtureReport } from './fixture.js';
import { writeSampleReport } from './sample-report.js';

let files: ReportFiles;
beforeAll(async () => {
  files = await renderReport(await fixtureReport());
});

/** The tables of report.html as the page shows them: the heading each stands under, header, rows, which columns are numeric. */
function pageTables(html: string): Array<{ heading: string; columns: string[]; rows: string[][]; numeric: boolean[] }> {
  const { document } = parseHTML(html);
  const out: Array<{ heading: string; columns: string[]; rows: string[][]; numeric: boolean[] }> = [];
  let heading = '';
  for (const el of document.querySelectorAll('h2, h3, table')) {
    if (el.tagName !== 'TABLE') {
      heading = el.textContent!;
      continue;
    }
    const ths = [...el.querySelectorAll('thead th')];
    out.push({
      heading,
      columns: ths.map((th) => th.textContent!),
      numeric: ths.map((th) => th.classList.contains('num')),
      rows: [...el.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerHTML.replace(/<br>/g, '\n').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'"))),
    });
  }
  return out;
}

describe('tables.xlsx', () => {
  const SHEETS = ['Code frequencies', 'Code frequencies by speaker', 'Co-occurrence', 'Quote bank', 'Codebook'];
  it.each([
    ['the sample report', [] as string[], SHEETS],
    [
      'the sample report with two coders (agreement tables)',
      ['--codings', 'data-sample/coders/coder-a.csv', 'data-sample/coders/coder-b.csv', '--coder', 'all'],
      [...SHEETS, 'Agreement between coders', 'Disagreements'],
    ],
  ])('holds the tables of report.html, a sheet each, in page order: %s', async (_, extra, names) => {
    const out = await writeSampleReport(...extra);
    try {
      const tables = pageTables(readFileSync(join(out, 'report.html'), 'utf8'));
      const workbook = await readExcelFile(readFileSync(join(out, 'tables.xlsx')), { trim: false });
      // Named after the headings the tables stand under; the quote bank (quotations on the page) in its place.
      expect(workbook.map((s) => s.sheet)).toEqual(names);
      const sheets = workbook.filter((s) => s.sheet !== 'Quote bank');
      expect(sheets.map((s) => s.sheet).slice(0, 4)).toEqual(tables.map((t) => t.heading).slice(0, 4));
      expect(sheets).toHaveLength(tables.length);
      tables.forEach((table, i) => {
        const [header, ...rows] = sheets[i].data;
        expect(header, sheets[i].sheet).toEqual(table.columns);
        expect(rows.length, sheets[i].sheet).toBe(table.rows.length);
        rows.forEach((row, r) =>
          row.forEach((cell, j) => {
            const shown = table.rows[r][j];
            const where = `${sheets[i].sheet} row ${r + 1} ${table.columns[j]}`;
            // A number on the page is a number in the workbook (every digit kept where the page rounds).
            if (table.numeric[j] && /^-?\d+(\.\d+)?$/.test(shown)) {
              expect(typeof cell, where).toBe('number');
              expect(Number(displayCell(cell as number)), where).toBe(Number(shown));
            } else expect(cell === null ? '' : typeof cell === 'number' ? displayCell(cell) : String(cell), where).toBe(shown);
          }),
        );
      });
      const quotes = workbook.find((s) => s.sheet === 'Quote bank')!.data;
      expect(quotes[0].slice(0, 4)).toEqual(['code', 'label', 'rank', 'citation']);
      expect(quotes.length - 1).toBe(readFileSync(join(out, 'report.html'), 'utf8').match(/<figure class="quote">/g)!.length);
    } finally {
      rmSync(dirname(out), { recursive: true, force: true });
    }
  }, 60_000);

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
