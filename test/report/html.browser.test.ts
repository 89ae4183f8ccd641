import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../../src/report/build-report.js';
import { renderReport } from '../../src/report/render-report.js';
import { renderedDom, SKIP_CHROMIUM, SKIP_REASON } from '../helpers/chromium.js';
import { fixtureReport } from './fixture.js';

describe('report.html in headless Chromium', () => {
  let data: ReportData;
  let html: string;
  beforeAll(async () => {
    data = await fixtureReport();
    html = (await renderReport(data)).get('report.html') as string;
  });

  it('has no URL at all, so it cannot reach the network', () => {
    expect(html).not.toMatch(/https?:\/\/|\/\/[a-z0-9.-]+\.[a-z]{2,}\//i);
  });

  it.skipIf(SKIP_CHROMIUM)(`renders its tables, charts and quotes from a file${SKIP_REASON}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qda-html-'));
    try {
      const file = join(dir, 'report.html');
      writeFileSync(file, html);
      const { document } = parseHTML(await renderedDom(file));
      expect(document.querySelector('h1')!.textContent).toBe('Fixture study');
      const tables = [...document.querySelectorAll('table')];
      expect(tables).toHaveLength(3);
      // Frequencies, the one pair of families (factor, stage), the codebook.
      expect(tables.map((t) => t.querySelectorAll('tbody tr').length)).toEqual([6, 1, 6]);
      expect([...tables[0].querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Code', 'Label', 'Segments', '% of base', 'Base', 'Documents', 'Speakers', 'academic', 'social worker']);
      const svgs = [...document.querySelectorAll('figure.chart svg')];
      expect(svgs).toHaveLength(3);
      expect(svgs[0].querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(4);
      expect(svgs[1].querySelectorAll('g[aria-label="cell"] rect')).toHaveLength(12);
      expect(svgs[2].querySelectorAll('g[aria-label="cell"] rect')).toHaveLength(4);
      const quotes = document.querySelectorAll('figure.quote');
      expect(quotes).toHaveLength(data.quotes.length);
      expect(document.querySelectorAll('figure.quote mark').length).toBe(data.quotes.reduce((n, q) => n + q.marks.length, 0));
      expect(quotes[0].textContent).toContain('(Siti Rahma, 2024)');
      expect([...document.querySelectorAll('nav a')].map((a) => a.textContent)).toEqual(['Code frequencies', 'Codes by informant', 'Co-occurrence', 'Quote bank', 'Codebook']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
