import { readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type TestBrowser } from '../helpers/browser.js';
import { SKIP_CHROMIUM, SKIP_REASON } from '../helpers/chromium.js';
import { writeSampleReport } from './sample-report.js';

/** The cells of one column of the n-th table on the page, top to bottom. */
async function column(browser: TestBrowser, table: number, header: string): Promise<string[]> {
  return browser.page.evaluate(
    ([t, h]) => {
      const el = document.querySelectorAll('table')[t as number];
      const index = [...el.tHead!.rows[0].cells].findIndex((th) => th.textContent!.trim() === h);
      if (index < 0) throw new Error(`no column ${h}`);
      return [...el.tBodies[0].rows].map((r) => r.cells[index].textContent!.trim());
    },
    [table, header] as const,
  );
}

const ariaSort = (browser: TestBrowser, table: number, header: string) =>
  browser.page.locator('table').nth(table).locator('thead th', { hasText: header }).first().getAttribute('aria-sort');
const leading = (cells: string[]) => cells.map((c) => parseFloat(c));
const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1] <= x);
const descending = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1] >= x);

describe.skipIf(SKIP_CHROMIUM)(`report.html sorts its tables${SKIP_REASON}`, () => {
  let out: string;
  let browser: TestBrowser;

  beforeAll(async () => {
    out = await writeSampleReport();
    browser = await openBrowser('file://');
    await browser.page.goto(`file://${resolve(out, 'report.html')}`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (out) rmSync(dirname(out), { recursive: true, force: true });
  });

  it('loads its script from the file beside it, allowed by the page policy and nothing else', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain(`script-src 'self'`);
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script src="report.js">']);
    expect(html).not.toMatch(/<script[^>]*>[^<]/);
  });

  it('sorts a column of numbers as numbers on a click, and reverses on a second', async () => {
    const before = await column(browser, 0, 'Code');
    const segments = browser.page.locator('table').first().getByRole('button', { name: 'Segments', exact: true });
    await segments.click();
    const up = leading(await column(browser, 0, 'Segments'));
    expect(ascending(up)).toBe(true);
    // As text, 10 would come before 7: the numbers really are compared as numbers.
    expect(up.indexOf(7)).toBeLessThan(up.indexOf(10));
    expect(await ariaSort(browser, 0, 'Segments')).toBe('ascending');
    await segments.click();
    expect(descending(leading(await column(browser, 0, 'Segments')))).toBe(true);
    expect(await ariaSort(browser, 0, 'Segments')).toBe('descending');
    expect((await column(browser, 0, 'Code')).sort()).toEqual([...before].sort());
    await browser.shot('report-sorted');
  });

  it('sorts by n in n (%) cells and by text, from the keyboard too', async () => {
    const laras = browser.page.locator('table').nth(1).getByRole('button', { name: 'Laras' });
    await laras.focus();
    await browser.page.keyboard.press('Enter');
    expect(ascending(leading(await column(browser, 1, 'Laras')))).toBe(true);
    await browser.page.keyboard.press('Space');
    expect(descending(leading(await column(browser, 1, 'Laras')))).toBe(true);
    expect(await ariaSort(browser, 1, 'Laras')).toBe('descending');
    await browser.page.locator('table').nth(1).getByRole('button', { name: 'Code' }).press('Enter');
    const codes = await column(browser, 1, 'Code');
    expect(codes).toEqual([...codes].sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' })));
    expect(await ariaSort(browser, 1, 'Laras')).toBeNull();
    expect(browser.outside).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('reads the same without its script, unsorted and without buttons', async () => {
    renameSync(join(out, 'report.js'), join(out, 'elsewhere.js'));
    await browser.page.goto(`file://${resolve(out, 'report.html')}`);
    expect(await browser.page.locator('table').count()).toBeGreaterThanOrEqual(4);
    expect(await browser.page.locator('th button').count()).toBe(0);
    const firstTable = readFileSync(join(out, 'report.html'), 'utf8').split('<tbody>')[1].split('</tbody>')[0];
    expect(await browser.page.locator('table').first().locator('tbody tr').count()).toBe(firstTable.match(/<tr>/g)!.length);
    expect(await column(browser, 0, 'Code')).toContain('tool/mapping-place');
  });
});
