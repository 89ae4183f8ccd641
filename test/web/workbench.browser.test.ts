import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type TestBrowser } from '../helpers/browser.js';
import { SKIP_CHROMIUM, SKIP_REASON } from '../helpers/chromium.js';
import { runCli } from '../helpers/cli.js';
import { call, startTestWorkbench, type TestWorkbench } from '../helpers/workbench.js';

/** Wait for a value (the machine is shared: give the page time, assert no speed). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

interface Coding {
  id: number;
  code: string;
  start: number;
  end: number;
  memo: string | null;
  status: string;
  coder: string;
}

describe.skipIf(SKIP_CHROMIUM)(`the workbench in Chromium: a coder's session on the sample study${SKIP_REASON}`, () => {
  let wb: TestWorkbench;
  let browser: TestBrowser;
  let text: string;
  const ana = async () => (await call<Coding[]>(wb, 'GET', '/api/codings?document=informan-01&coder=ana')).json;

  beforeAll(async () => {
    wb = await startTestWorkbench();
    text = (await call<{ text: string }>(wb, 'GET', '/api/documents/informan-01')).json.text;
    browser = await openBrowser(wb.origin);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await wb?.close();
  }, 60_000);

  it('opens from the printed address, asks who is coding, and lists the documents', async () => {
    const { page } = browser;
    await page.goto(wb.server.url);
    expect(page.url()).toBe(`${wb.origin}/`);
    await page.getByRole('dialog').waitFor();
    await browser.shot('00-who-is-coding');
    await page.getByRole('dialog').getByRole('textbox').fill('ana');
    await page.getByRole('dialog').getByRole('button', { name: 'Add' }).click();
    await page.locator('table.documents tbody tr').first().waitFor();
    expect(await page.locator('table.documents tbody tr').count()).toBe(7);
    await browser.shot('01-documents');
  });

  it('codes a span with the keyboard only: next turn, extend by word, / palette, Enter', async () => {
    const { page } = browser;
    await page.locator('table.documents a', { hasText: 'informan-01' }).click();
    await page.locator('#turn-2').waitFor();
    await page.locator('.transcript').focus();
    await page.keyboard.press('Control+ArrowDown');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
    await poll(() => page.locator('#selection-info').textContent()).toBe('“Waalaikumsalam. Iya, silakan”');
    await page.keyboard.press('/');
    await page.locator('dialog.palette input').fill('skills');
    await browser.shot('02-palette');
    await page.keyboard.press('Enter');
    await page.locator('#turn-2 .stripe', { hasText: 'skills' }).waitFor();
    const start = text.indexOf('Waalaikumsalam. Iya, silakan');
    await poll(ana).toEqual([
      expect.objectContaining({ code: 'foundation/skills', start, end: start + 'Waalaikumsalam. Iya, silakan'.length, status: 'accepted' }),
    ]);
    await poll(() => page.locator('.save-state').textContent()).toMatch(/saved/);
  });

  it('applies the code at hand with a digit key to a mouse selection', async () => {
    const { page } = browser;
    const target = page.locator('#turn-3 .text');
    const box = (await target.boundingBox())!;
    await page.mouse.move(box.x + 3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.35, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await poll(() => page.locator('#selection-info').textContent()).toMatch(/^“Kasus/);
    await page.keyboard.press('1');
    await page.locator('#turn-3 .stripe', { hasText: 'skills' }).waitFor();
    await poll(async () => (await ana()).length).toBe(2);
    const second = (await ana())[1];
    // Snapped to whole words: the span starts and ends at word edges.
    expect(text.slice(second.start, second.end)).toMatch(/^Kasus[\s\S]*\p{L}$/u);
    await poll(() => page.locator('.toast').count()).toBe(0);
    await browser.shot('03-document-view');
  });

  it('undoes and redoes with Ctrl+Z and Ctrl+Shift+Z', async () => {
    const { page } = browser;
    await page.keyboard.press('Control+z');
    await poll(async () => (await ana()).length).toBe(1);
    await poll(() => page.locator('#turn-3 .stripe', { hasText: 'skills' }).count()).toBe(0);
    await page.keyboard.press('Control+Shift+Z');
    await poll(async () => (await ana()).length).toBe(2);
    await page.locator('#turn-3 .stripe', { hasText: 'skills' }).waitFor();
  });

  it('writes a memo on a coding (M) and marks the span', async () => {
    const { page } = browser;
    await page.locator('#turn-2 .stripe', { hasText: 'skills' }).click();
    await page.keyboard.press('m');
    await page.getByRole('dialog').locator('textarea').fill('Greets warmly: builds rapport before the story.');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await poll(async () => (await ana()).find((c) => c.code === 'foundation/skills' && c.start < 2000)?.memo).toBe(
      'Greets warmly: builds rapport before the story.',
    );
    await page.locator('#turn-2 .stripe .memo-mark').waitFor();
  });

  it('moves the end of the coding in focus by a word with ] and →, one undo step', async () => {
    const { page } = browser;
    const before = (await ana()).find((c) => c.memo !== null)!;
    await page.locator('#turn-2 .stripe', { hasText: 'skills' }).click();
    await page.keyboard.press(']');
    await page.keyboard.press('ArrowRight');
    await poll(async () => (await ana()).find((c) => c.id === before.id)!.end).toBe(text.indexOf('Saya Nurlaila') + 'Saya'.length);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await poll(async () => (await ana()).find((c) => c.id === before.id)!.end).toBe(before.end);
  });

  it('reviews suggestions by keyboard: accepts three, rejects one, with progress', async () => {
    const { page } = browser;
    await page.goto(`${wb.origin}/#/review`);
    await page.locator('.review-item').waitFor();
    const queue = (await call<{ total: number; items: Array<{ coding: Coding }> }>(wb, 'GET', '/api/review?status=suggested')).json;
    const first = queue.items.slice(0, 4).map((i) => i.coding.id);
    await poll(() => page.locator('.toast').allTextContents()).toEqual([]);
    await browser.shot('04-review-queue');
    for (const [n, key] of ['a', 'a', 'a', 'x'].entries()) {
      await page.keyboard.press(key);
      await poll(() => page.locator('.progress-line [role=status]').textContent()).toContain(`${n + 1} of ${queue.total} reviewed`);
    }
    const statuses = await Promise.all(
      first.map(
        async (id) =>
          (await call<Coding[]>(wb, 'GET', `/api/codings?status=accepted&status=rejected&coder=auto`)).json.find((c) => c.id === id)
            ?.status,
      ),
    );
    expect(statuses).toEqual(['accepted', 'accepted', 'accepted', 'rejected']);
  });

  it('after a reload everything is there: the codings, the memo, the review progress', async () => {
    const { page } = browser;
    await page.reload();
    await poll(() => page.locator('.progress-line [role=status]').textContent()).toContain('4 of');
    await page.goto(`${wb.origin}/#/doc/informan-01`);
    await page.locator('#turn-2 .stripe .memo-mark').waitFor();
    await page.locator('#turn-3 .stripe', { hasText: 'skills' }).waitFor();
    expect(await page.locator('.brand').textContent()).toBe('study.qda');
  });

  it('retrieval lists the span with its citation and opens it in the document', async () => {
    const { page } = browser;
    await page.goto(`${wb.origin}/#/retrieve?code=foundation%2Fskills&coder=ana`);
    const quote = page.locator('blockquote', { hasText: 'Waalaikumsalam. Iya, silakan' });
    await quote.waitFor();
    expect(await page.locator('.quotes li').first().locator('.cite strong').textContent()).toBe('(Nurlaila, 2025)');
    await browser.shot('05-retrieval');
    await quote.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/doc\/informan-01\?turn=2/);
  });

  it('agreement shows the κ of `qda agree` on the same codings', async () => {
    const { page } = browser;
    const csv = await call(wb, 'GET', '/api/agreement/codings?a=ayu&b=bima');
    const file = join(wb.dir, 'ayu-bima.csv');
    writeFileSync(file, csv.text);
    const cli = JSON.parse((await runCli('agree', file, '--format', 'json')).stdout) as {
      pooled: { cohen_kappa: number };
      codes: Array<{ code: string; cohen_kappa: number | null }>;
    };
    await page.goto(`${wb.origin}/#/agreement?a=ayu&b=bima`);
    const pooled = page.locator('td.kappa[data-code="(pooled)"]');
    await pooled.waitFor();
    expect(await pooled.textContent()).toBe(cli.pooled.cohen_kappa.toFixed(3));
    for (const c of cli.codes) {
      expect(await page.locator(`td.kappa[data-code="${c.code}"]`).textContent(), c.code).toBe(
        c.cohen_kappa === null ? '—' : c.cohen_kappa.toFixed(3),
      );
    }
    await browser.shot('06-agreement');
  });

  it('codebook, report, help and the Indonesian interface', async () => {
    const { page } = browser;
    await page.goto(`${wb.origin}/#/codebook/factor%2Fproximity`);
    await page.locator('.code-editor').waitFor();
    expect(await page.locator('[role=treeitem][aria-selected=true] .label').textContent()).toBe('proximity');
    await browser.shot('07-codebook');
    await page.goto(`${wb.origin}/#/report`);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download HTML report' }).click();
    expect((await download).suggestedFilename()).toBe('study-report.html');
    await browser.shot('08-report');
    await page.keyboard.press('?');
    await page.locator('dialog.help').waitFor();
    await browser.shot('09-help');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('link', { name: 'Tinjauan' }).waitFor();
    await page.getByRole('link', { name: 'Tinjauan' }).click();
    await page
      .getByRole('button', { name: /Terima/ })
      .first()
      .waitFor();
    await browser.shot('10-review-indonesian');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Review' }).waitFor();
  });

  it('loaded nothing from the network and raised no script errors', () => {
    expect(browser.outside).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});
