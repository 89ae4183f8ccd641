import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_CHROMIUM, SKIP_REASON } from '../helpers/chromium.js';
import { openBrowser, type TestBrowser } from '../helpers/browser.js';
import { PASSWORD, startTestTeam, type TestTeam } from '../helpers/team.js';
import { webAssets } from '../helpers/workbench.js';

const SARI_FIRST = 'sari first pass';
const SARI_OWN = 'kopi susu tiap pagi';

describe.skipIf(SKIP_CHROMIUM)(`people and your account in Chromium${SKIP_REASON}`, () => {
  let t: TestTeam;
  let browser: TestBrowser;

  beforeAll(async () => {
    t = await startTestTeam({ kind: 'sqlite' }, await webAssets());
    browser = await openBrowser(t.origin);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signInAs(name: string, password: string): Promise<void> {
    const { page } = browser;
    await page.locator('form.sign-in').waitFor();
    await page.getByLabel('Account name').fill(name);
    await page.getByLabel('Password').fill(password);
    await page.getByLabel('Password').press('Enter');
  }

  async function signOut(): Promise<void> {
    await browser.page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await browser.page.locator('form.sign-in').waitFor();
  }

  it('lets the owner add a coder, the coder change their password, and the owner remove a viewer — by keyboard where a person would', async () => {
    const { page } = browser;
    await page.goto(`${t.origin}/`);
    await signInAs('lecturer', PASSWORD);
    await page.getByRole('link', { name: 'People' }).click();
    const rows = page.locator('table.people-table tbody tr');
    await rows.first().waitFor();
    expect(await rows.locator('th').allTextContents()).toEqual(['ana', 'budi', 'lecturer' + 'you', 'vera']);
    expect(await page.locator('tr[data-account="lecturer"]').textContent()).toContain('just now');
    expect(await page.locator('tr[data-account="ana"]').textContent()).toContain('not signed in');

    // Esc closes the dialog without adding anyone.
    await page.getByRole('button', { name: 'Add a person…' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    // Add Sari as a coder: a too-short password is refused inside the form, then Enter adds her.
    await page.getByRole('button', { name: 'Add a person…' }).click();
    await dialog.getByLabel('Account name').fill('Sari Dewi');
    await dialog.locator('input.secret').fill(SARI_FIRST);
    await dialog.locator('input.secret').press('Enter');
    await expect.poll(() => dialog.locator('.form-error').textContent()).toMatch(/lower-case letters/);
    expect(await dialog.getByLabel('Account name').evaluate((el) => el === document.activeElement)).toBe(true);
    await dialog.getByLabel('Account name').fill('Sari');
    expect(await dialog.getByLabel('Role').inputValue()).toBe('coder');
    await dialog.locator('input.secret').fill('short');
    await dialog.locator('input.secret').press('Enter');
    await expect.poll(() => dialog.locator('.form-error').textContent()).toMatch(/at least 10 characters/);
    expect(await dialog.locator('input.secret').evaluate((el) => el === document.activeElement)).toBe(true);
    await dialog.locator('input.secret').fill(SARI_FIRST);
    await browser.shot('people-add');
    await dialog.locator('input.secret').press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => rows.locator('th').allTextContents()).toContain('sari');
    expect(await page.getByLabel('Role: sari').inputValue()).toBe('coder');
    // For docs/team.md: the screen at rest (no toast, no focus ring).
    await page.locator('.toast').waitFor({ state: 'detached' });
    await page.locator('.people .hint').first().click();
    await page.setViewportSize({ width: 1280, height: 500 });
    await browser.shot('people');
    await page.setViewportSize({ width: 1280, height: 800 });
    await signOut();

    // Sari signs in with that password, sees that the others are hidden, and changes her password.
    await signInAs('sari', SARI_FIRST);
    await page.locator('table.documents').waitFor();
    expect(await page.locator('table.documents').textContent()).toContain('other coders: hidden until the owner reveals');
    expect(await page.getByRole('link', { name: 'People' }).count()).toBe(0);
    await page.getByRole('link', { name: 'sari', exact: true }).click();
    await page.getByLabel('Current password').fill(SARI_FIRST);
    await page.getByLabel('New password', { exact: true }).fill(SARI_OWN);
    await page.getByLabel('New password again').fill(`${SARI_OWN}!`);
    await page.getByLabel('New password again').press('Enter');
    await expect.poll(() => page.locator('.account-form .form-error').textContent()).toBe('The two new passwords are not the same.');
    // A wrong current password and a short new one are refused in the form, in words.
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('New password again').fill('short');
    await page.getByLabel('New password again').press('Enter');
    await expect
      .poll(() => page.locator('.account-form .form-error').textContent())
      .toBe('A password needs at least 10 characters (this one has 5).');
    expect(await page.getByLabel('New password', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByLabel('New password', { exact: true }).fill(SARI_OWN);
    await page.getByLabel('New password again').fill(SARI_OWN);
    await page.getByLabel('New password again').press('Enter');
    await expect.poll(() => page.locator('.account-form .form-error').textContent()).toBe('The current password is wrong.');
    expect(await page.getByLabel('Current password').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByLabel('Current password').fill(SARI_FIRST);
    await page.getByLabel('New password again').press('Enter');
    await expect.poll(() => page.locator('.account-form .ok').textContent()).toMatch(/Password changed/);
    await browser.shot('account');
    await signOut();

    // The old password is refused, the new one accepted.
    await signInAs('sari', SARI_FIRST);
    await expect.poll(() => page.locator('.sign-in .error').textContent()).toMatch(/wrong name or password/);
    await page.getByLabel('Password').fill(SARI_OWN);
    await page.getByLabel('Password').press('Enter');
    await page.getByRole('link', { name: 'sari', exact: true }).waitFor();
    await signOut();

    // The owner removes the viewer.
    await signInAs('lecturer', PASSWORD);
    await page.getByRole('link', { name: 'People' }).click();
    await page.locator('tr[data-account="vera"]').getByRole('button', { name: 'Remove…' }).click();
    await expect.poll(() => dialog.textContent()).toMatch(/Their codings stay in the project/);
    await dialog.getByRole('button', { name: 'Remove account' }).click();
    await expect.poll(() => rows.locator('th').allTextContents()).not.toContain('vera');
    expect(await t.team.getAccount('vera')).toBeUndefined();
    expect((await t.team.getAccount('sari'))?.role).toBe('coder');

    expect(browser.outside).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('asks before changing a role, and changes it only when confirmed', async () => {
    const { page } = browser;
    const role = page.getByLabel('Role: budi');
    await role.selectOption('viewer');
    const dialog = page.locator('dialog[open]');
    await expect.poll(() => dialog.textContent()).toMatch(/Make budi viewer\?/);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.getByLabel('Role: budi').inputValue()).toBe('coder');
    expect((await t.team.getAccount('budi'))?.role).toBe('coder');
    await page.getByLabel('Role: budi').selectOption('viewer');
    await dialog.getByRole('button', { name: 'Change role' }).click();
    await expect.poll(async () => (await t.team.getAccount('budi'))?.role).toBe('viewer');
    await expect.poll(() => page.getByLabel('Role: budi').inputValue()).toBe('viewer');
    expect(browser.errors).toEqual([]);
  });

  it('gives a generated password once, to copy, when the owner resets one', async () => {
    const { page } = browser;
    await page.locator('tr[data-account="budi"]').getByRole('button', { name: 'Reset password…' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByLabel('Generate one').check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    const shown = page.locator('dialog[open] input.generated');
    await shown.waitFor();
    const generated = await shown.inputValue();
    expect(generated).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await browser.shot('people-generated');
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain(generated);
    // The screen in Indonesian.
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await expect.poll(() => page.locator('.people h1').textContent()).toBe('Anggota');
    expect(await page.locator('tr[data-account="lecturer"]').textContent()).toContain('baru saja');
    await browser.shot('people-id');
    await page.getByRole('button', { name: 'English' }).click();
    expect(browser.errors).toEqual([]);
  });
});
