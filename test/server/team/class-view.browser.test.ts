import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_CHROMIUM, SKIP_REASON } from '../../helpers/chromium.js';
import { openBrowser, type TestBrowser } from '../../helpers/browser.js';
import { CLASS_DOCUMENT, STUDENTS, seedClass } from '../../helpers/class-fixture.js';
import { PASSWORD, signIn, startTestTeam, type TestTeam } from '../../helpers/team.js';
import { webAssets } from '../../helpers/workbench.js';

describe.skipIf(SKIP_CHROMIUM)(`class view in Chromium${SKIP_REASON}`, () => {
  let t: TestTeam;
  let browser: TestBrowser;

  beforeAll(async () => {
    t = await startTestTeam({ kind: 'sqlite' }, await webAssets());
    await seedClass(t.store, t.team);
    browser = await openBrowser(t.origin);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("signs the lecturer in, shows progress, agreement with the reference and all together, and opens a disputed passage with everyone's spans", async () => {
    const { page } = browser;
    await page.goto(`${t.origin}/`);
    await page.getByLabel('Account name').fill('lecturer');
    await page.getByLabel('Password').fill('a wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('.sign-in .error').textContent()).toMatch(/wrong name or password/);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Class view' }).click();
    await page.locator('table.progress').waitFor();
    expect(await page.locator('table.progress tbody tr').count()).toBe(1 + STUDENTS.length + 2);
    await page.locator('.class-head select').selectOption('lecturer');
    await page.locator('table.versus').waitFor();
    const versus = await page.locator('table.versus tbody tr').allTextContents();
    expect(versus.length).toBe(STUDENTS.length);
    expect(await page.locator('.class-agreement > section table.agreement tbody tr').count()).toBeGreaterThan(0);
    await page.locator('.disputes li button.link').first().click();
    await page.locator('.passage-row').first().waitFor();
    expect(await page.locator('.passage-row').count()).toBe(STUDENTS.length + 1);
    expect(await page.locator('.passage-row mark').count()).toBeGreaterThan(0);
    await page.locator('.passage').scrollIntoViewIfNeeded();
    await browser.shot('class-view-passage');
    await page.locator('.class-head').scrollIntoViewIfNeeded();
    await browser.shot('class-view');
    // A tall window shows the whole view at once (for docs/teaching.md).
    await page.setViewportSize({ width: 1280, height: 2100 });
    await browser.shot('class-view-full');
    await page.setViewportSize({ width: 1280, height: 800 });
    // Names hidden for projecting.
    await page.getByLabel('Hide names (for projecting)').check();
    expect(await page.locator('table.progress tbody').textContent()).not.toContain('dewi');
    await page.getByLabel('Hide names (for projecting)').uncheck();
    expect(browser.outside).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it("reveals a document to the coders from class view, and a coder then sees the others' codings", async () => {
    const dewi = await signIn(t.origin, 'dewi');
    expect((await dewi.call('GET', `/api/documents/${CLASS_DOCUMENT}`)).text).not.toContain('"coder":"eko"');
    await browser.page.locator('.reveal').getByRole('button', { name: CLASS_DOCUMENT }).click();
    await expect.poll(async () => (await dewi.call('GET', `/api/documents/${CLASS_DOCUMENT}`)).text).toContain('"coder":"eko"');
  });
});
