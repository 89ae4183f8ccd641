import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_CHROMIUM, SKIP_REASON } from '../helpers/chromium.js';
import { openBrowser, type TestBrowser } from '../helpers/browser.js';
import { PASSWORD, signIn, startTestTeam, type TestTeam } from '../helpers/team.js';
import { webAssets } from '../helpers/workbench.js';

const DOC = 'informan-01';

describe.skipIf(SKIP_CHROMIUM)(`a team coder reviewing suggestions in Chromium${SKIP_REASON}`, () => {
  let t: TestTeam;
  let browser: TestBrowser;
  let ids: number[];

  beforeAll(async () => {
    t = await startTestTeam({ kind: 'sqlite' }, await webAssets());
    // One suggestion in each of turns 2, 4 and 6 (the sample transcript is plain ASCII there, so
    // UTF-16 offsets are code points).
    const turns = (await t.store.getDocument(DOC))!.turns;
    await t.store.change('lecturer', 'auto-code', (tx) =>
      tx.addCodings(
        [1, 3, 5]
          .map((i) => turns[i].start + 10)
          .map((start) => ({
            document: DOC,
            start,
            end: start + 30,
            code: 'factor/proximity',
            origin: 'auto' as const,
            coder: 'auto',
            status: 'suggested' as const,
            matches: ['rumah'],
          })),
      ),
    );
    ids = (await t.store.listCodings({ coder: 'auto' })).map((c) => c.id);
    browser = await openBrowser(t.origin);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('accepts with A into her own codings, and E opens her own copy to adjust; the shared suggestions and the other coder stay untouched', async () => {
    const { page } = browser;
    await page.goto(`${t.origin}/#/review`);
    await page.getByLabel('Account name').fill('ana');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.getByRole('link', { name: 'Review' }).click();
    await page.locator('.review-item').waitFor();
    expect(await page.locator('.progress-line').textContent()).toMatch(/0\D+3/);
    await page.keyboard.press('a');
    await expect.poll(() => page.locator('.progress-line').textContent()).toMatch(/1\D+3/);
    await page.keyboard.press('e');
    await expect.poll(() => page.url()).toMatch(/#\/doc\/informan-01\?coding=\d+&edge=end/);
    const copies = await t.store.listCodings({ coder: 'ana', origin: 'auto' });
    const suggestions = await t.store.listCodings({ coder: 'auto' });
    expect(copies.map((c) => [c.start, c.status])).toEqual([
      [suggestions[0].start, 'accepted'],
      [suggestions[1].start, 'accepted'],
    ]);
    expect(page.url()).toContain(`coding=${copies[1].id}&`);
    // Her copy is in focus in the document, drawn as hers (solid, no coder name), beside the open suggestion.
    const focused = page.locator('.stripe.focused');
    await focused.waitFor();
    expect(await focused.getAttribute('title')).toMatch(/— ana, auto\/accepted/);
    expect(await focused.locator('.who').count()).toBe(0);
    await browser.shot('team-review-adjust');
    for (const id of ids) expect((await t.store.getCoding(id))?.status).toBe('suggested');
    const budi = await signIn(t.origin, 'budi');
    expect(((await budi.call('GET', '/api/review')).json as { reviewed: number }).reviewed).toBe(0);
    expect(browser.errors).toEqual([]);
  });
});
