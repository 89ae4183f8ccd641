import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectFromFiles } from '../../src/server/project-from-files.js';
import { openBrowser, type TestBrowser } from '../helpers/browser.js';
import { SKIP_CHROMIUM, SKIP_REASON } from '../helpers/chromium.js';
import { call, SAMPLE, startTestWorkbench, type TestWorkbench } from '../helpers/workbench.js';

const SCRIPT = '<script>window.__pwned = "script"</script>';
const IMG = '<img src=x onerror="window.__pwned = 1">';

describe.skipIf(SKIP_CHROMIUM)(`transcripts, names and memos with HTML run nothing in the workbench${SKIP_REASON}`, () => {
  let wb: TestWorkbench;
  let browser: TestBrowser;
  const dialogs: string[] = [];

  beforeAll(async () => {
    wb = await startTestWorkbench(async (store) => {
      const file = join(wb?.dir ?? store.location.replace(/study\.qda$/, ''), 'hostile.md');
      writeFileSync(
        file,
        [
          '---',
          'id: hostile',
          `title: 'Title ${IMG}'`,
          'date: 2025-03-01',
          'language: id',
          '---',
          '',
          `Pewawancara: Apa yang terjadi? ${SCRIPT}`,
          '',
          `Informan ${IMG}: Pelakunya orang dekat, faktor kedekatan itu selalu ada. ${IMG} ${SCRIPT} <a href="javascript:window.__pwned='a'">klik</a>`,
          '',
        ].join('\n'),
      );
      return projectFromFiles(store, { transcripts: [file], codebook: SAMPLE.codebook });
    });
    await call(wb, 'POST', '/api/codebook/codes', {
      body: { id: 'factor/xss', labels: { en: `label ${IMG}` }, definition: `def ${SCRIPT}` },
    });
    const text = (await call<{ text: string }>(wb, 'GET', '/api/documents/hostile')).json.text;
    const start = text.indexOf('Pelakunya');
    const coding = (
      await call<{ id: number }>(wb, 'POST', '/api/codings', { body: { document: 'hostile', code: 'factor/xss', start, end: start + 120 } })
    ).json;
    await call(wb, 'PATCH', `/api/codings/${coding.id}`, { body: { memo: `memo ${SCRIPT} ${IMG}` } });
    await call(wb, 'POST', '/api/memos', { body: { kind: 'document', id: 'hostile', text: SCRIPT } });
    await call(wb, 'POST', '/api/coders', { body: { name: `<img src=x onerror="window.__pwned='coder'">` } });
    browser = await openBrowser(wb.origin);
    browser.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await browser.page.addInitScript(() => localStorage.setItem('qda.coder', 'ana'));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await wb?.close();
  }, 60_000);

  const pwned = () => browser.page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null);

  it('shows the hostile text as text on every screen and runs none of it', async () => {
    const { page } = browser;
    await page.goto(wb.server.url);
    await page.locator('table.documents').waitFor();
    expect(await page.locator('table.documents').textContent()).toContain('Title <img');
    await page.goto(`${wb.origin}/#/doc/hostile`);
    await page.locator('.turn').first().waitFor();
    const transcript = await page.locator('.transcript').textContent();
    expect(transcript).toContain(SCRIPT);
    expect(transcript).toContain('<a href="javascript:');
    expect(await page.locator('.transcript img, .transcript script, .transcript a').count()).toBe(0);
    await page.locator('.stripe', { hasText: 'label <img' }).click();
    expect(await page.locator('.focus-card .memo').textContent()).toContain(SCRIPT);
    await browser.shot('20-hostile-document');
    for (const screen of ['review', 'codebook/factor%2Fxss', 'retrieve?code=factor%2Fxss', 'agreement', 'report']) {
      await page.goto(`${wb.origin}/#/${screen}`);
      await page.locator('main h1').waitFor();
      await page.waitForTimeout(150);
      expect(await page.locator('main img, main script, main iframe').count(), screen).toBe(0);
      if (screen.startsWith('retrieve')) expect(await page.locator('blockquote').first().textContent()).toContain('<img src=x onerror=');
      if (screen.startsWith('codebook')) expect(await page.locator('.code-editor textarea').first().inputValue()).toBe(`def ${SCRIPT}`);
    }
    expect(await page.locator('select option', { hasText: 'onerror' }).count()).toBeGreaterThan(0);
    expect(await pwned()).toBeNull();
    expect(dialogs).toEqual([]);
    expect(browser.outside).toEqual([]);
  });
});
