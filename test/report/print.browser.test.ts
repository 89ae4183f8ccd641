import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type TestBrowser } from '../helpers/browser.js';
import { SKIP_CHROMIUM, SKIP_REASON } from '../helpers/chromium.js';
import { pdfPages, pdfText, SKIP_PDF, SKIP_PDF_REASON } from '../helpers/pdf.js';
import { writeSampleReport } from './sample-report.js';

const ARTIFACTS = 'test-artifacts/report-print';
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.skipIf(SKIP_CHROMIUM || SKIP_PDF)(`report.html printed to PDF by headless Chromium${SKIP_REASON}${SKIP_PDF_REASON}`, () => {
  let out: string;
  let document: Document;
  let text: string;
  let lines: string[];
  let pages: string[];
  let browser: TestBrowser;

  beforeAll(async () => {
    out = await writeSampleReport();
    ({ document } = parseHTML(readFileSync(join(out, 'report.html'), 'utf8')) as unknown as { document: Document });
    browser = await openBrowser('file://');
    await browser.page.goto(`file://${resolve(out, 'report.html')}`);
    mkdirSync(ARTIFACTS, { recursive: true });
    const pdf = join(ARTIFACTS, 'report.pdf');
    await browser.page.pdf({ path: pdf, format: 'A4', printBackground: true });
    await pdfPages(pdf, join(ARTIFACTS, 'page'));
    const raw = await pdfText(pdf);
    text = squeeze(raw);
    pages = raw.split('\f').slice(0, -1);
    lines = (await pdfText(pdf, { layout: true })).split('\n').map(squeeze);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (out) rmSync(dirname(out), { recursive: true, force: true });
  });

  it('keeps every column header of every table', () => {
    const tables = [...document.querySelectorAll('table')];
    expect(tables.length).toBeGreaterThanOrEqual(4);
    const headers = tables.flatMap((t) => [...t.querySelectorAll('thead th')].map((th) => squeeze(th.textContent!)));
    expect(headers).toContain('Laras');
    for (const header of headers) expect(text, `column "${header}"`).toContain(header);
  });

  it('keeps every row of the widest table whole, its last column included', () => {
    const widest = [...document.querySelectorAll('table')].sort((a, b) => b.querySelectorAll('thead th').length - a.querySelectorAll('thead th').length)[0];
    const rows = [...widest.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => squeeze(td.textContent!)));
    // The last speaker of the frequencies by speaker: Laras, 4 (36.4%) of the factor segments.
    expect(rows[0]).toEqual(['factor', '4 (25.0%)', '2 (15.4%)', '3 (16.7%)', '3 (17.6%)', '3 (17.6%)', '3 (17.6%)', '4 (36.4%)']);
    for (const row of rows) expect(lines, row[0]).toContain(row.join(' '));
  });

  it('prints neither the navigation nor a heading alone at the foot of a page', () => {
    const nav = [...document.querySelectorAll('nav a')].map((a) => a.textContent).join(' ');
    expect(nav).toBe('Code frequencies Codes by informant Co-occurrence Quote bank Codebook');
    expect(text).not.toContain(nav);
    const headings = new Set([...document.querySelectorAll('h2, h3')].map((h) => squeeze(h.textContent!)));
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, i) => {
      const lines = page.split('\n').map(squeeze).filter(Boolean);
      expect(headings.has(lines[lines.length - 1]), `page ${i + 1} ends with the heading "${lines[lines.length - 1]}"`).toBe(false);
    });
  });

  it('scales every chart to the width of the page', async () => {
    await browser.page.emulateMedia({ media: 'print' });
    await browser.page.setViewportSize({ width: 680, height: 900 });
    const widths = await browser.page.$$eval('figure.chart svg, table', (els) => els.map((e) => [e.getBoundingClientRect().right, document.body.getBoundingClientRect().right]));
    expect(widths.length).toBeGreaterThan(4);
    for (const [right, page] of widths) expect(right).toBeLessThanOrEqual(page + 0.5);
    expect(browser.outside).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});
