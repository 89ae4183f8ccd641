import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type TestBrowser } from '../helpers/browser.js';
import { SKIP_CHROMIUM, SKIP_REASON } from '../helpers/chromium.js';
import { runCli, seeded } from '../helpers/cli.js';
import { pdfPages, pdfText, SKIP_PDF, SKIP_PDF_REASON } from '../helpers/pdf.js';
import { FIXTURE } from './fixture.js';

const ARTIFACTS = 'test-artifacts/report-30-speakers';
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

// Thirty fictional informants, one interview each.
const FIRST = ['Adi', 'Bayu', 'Citra', 'Dewi', 'Eka', 'Fajar', 'Gita', 'Hadi', 'Indah', 'Joko', 'Kartika', 'Lestari', 'Maya', 'Nanda', 'Oki'];
const LAST = ['Pratama', 'Wibowo'];
const SPEAKERS = LAST.flatMap((last) => FIRST.map((first) => `${first} ${last}`));
const PHRASES = ['Banyak klien datang karena pacar.', 'Mereka bilang terlalu cinta.', 'Pelakunya sepupu sendiri.', 'Kadang paman korban.', 'Kami mulai asesmen.', 'Kami buat genogram bersama.', 'Lalu kami susun rencana.'];

/** Thirty interviews, each an interviewer's question and two to five answers with seeded content. */
function writeCorpus(dir: string): string[] {
  const random = seeded(30);
  return SPEAKERS.map((name, i) => {
    const answers = Array.from({ length: 2 + Math.floor(random() * 4) }, () =>
      PHRASES.filter(() => random() < 0.35).join(' ') || 'Saya kurang tahu.',
    );
    const file = join(dir, `interview-${String(i + 1).padStart(2, '0')}.md`);
    writeFileSync(file, answers.map((a) => `Pewawancara: Bagaimana pengalaman Anda?\n\n${name}: ${a}\n`).join('\n'));
    return file;
  });
}

describe.skipIf(SKIP_CHROMIUM || SKIP_PDF)(`the frequencies of 30 speakers in report.html${SKIP_REASON}${SKIP_PDF_REASON}`, () => {
  let dir: string;
  let document: Document;
  let browser: TestBrowser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qda-30-speakers-'));
    const files = writeCorpus(dir);
    const run = await runCli('report', ...files, '--codebook', `${FIXTURE}/codebook.yaml`, '--out', join(dir, 'report'));
    expect(run.code, run.stderr).toBe(0);
    ({ document } = parseHTML(readFileSync(join(dir, 'report', 'report.html'), 'utf8')) as unknown as { document: Document });
    browser = await openBrowser('file://');
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('gives the totals one table and the speakers four of at most eight columns, each speaker once, in order', () => {
    const tables = [...document.querySelectorAll('table')];
    const headers = tables.map((t) => [...t.querySelectorAll('thead th')].map((th) => th.textContent));
    expect(headers[0]).toEqual(['Code', 'Label', 'Segments', '% of base', 'Base', 'Documents', 'Speakers']);
    const bySpeaker = headers.slice(1, 5);
    expect(bySpeaker.map((h) => h[0])).toEqual(['Code', 'Code', 'Code', 'Code']);
    expect(bySpeaker.map((h) => h.length - 1)).toEqual([8, 7, 8, 7]);
    expect(bySpeaker.flatMap((h) => h.slice(1))).toEqual(SPEAKERS);
    expect([...document.querySelectorAll('caption')].slice(0, 4).map((c) => c.textContent)).toEqual([
      'speaker 1–8 of 30', 'speaker 9–15 of 30', 'speaker 16–23 of 30', 'speaker 24–30 of 30',
    ]);
    const codes = [...tables[0].querySelectorAll('tbody tr')].map((tr) => tr.querySelector('td')!.textContent);
    for (const t of tables.slice(1, 5)) expect([...t.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('td')!.textContent)).toEqual(codes);
  });

  it('fits the screen without scrolling sideways', async () => {
    await browser.page.goto(`file://${resolve(dir, 'report', 'report.html')}`);
    const overflow = await browser.page.$$eval('.table-wrap', (wraps) => wraps.map((w) => w.scrollWidth - w.clientWidth));
    expect(overflow.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    await browser.page.locator('h3').first().scrollIntoViewIfNeeded();
    await browser.page.screenshot({ path: join(ARTIFACTS, 'screen.png'), fullPage: true });
    expect(browser.errors).toEqual([]);
  });

  it('prints every speaker, each row of their tables whole on one line', async () => {
    const pdf = join(ARTIFACTS, 'report.pdf');
    await browser.page.pdf({ path: pdf, format: 'A4', printBackground: true });
    await pdfPages(pdf, join(ARTIFACTS, 'page'));
    const text = squeeze(await pdfText(pdf));
    for (const name of SPEAKERS) expect(text, name).toContain(name.split(' ')[0]);
    const lines = (await pdfText(pdf, { layout: true })).split('\n').map(squeeze);
    for (const table of [...document.querySelectorAll('table')].slice(1, 5))
      for (const tr of table.querySelectorAll('tbody tr')) {
        const row = [...tr.querySelectorAll('td')].map((td) => squeeze(td.textContent!)).join(' ');
        expect(lines, row).toContain(row);
      }
  });
});
