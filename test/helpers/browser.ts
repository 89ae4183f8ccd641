import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium.js';

/** Where browser tests keep their screenshots (git-ignored). */
export const ARTIFACTS = 'test-artifacts/workbench';

/** A headless Chromium with a fresh profile, 1280×800, that records any request leaving `origin`. */
export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** Requests to anywhere but the workbench (there must be none). */
  outside: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Launch Debian's Chromium the way the brief says (headless, no sandbox, no background network),
 * with a fresh user-data-dir; requests to anywhere but `origin` are aborted and recorded.
 */
export async function openBrowser(origin: string): Promise<TestBrowser> {
  if (!CHROMIUM) throw new Error('Chromium must be installed on CI (.ci/run installs it)');
  const profile = mkdtempSync(join(tmpdir(), 'qda-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    args: [...CHROMIUM_FLAGS],
  });
  const outside: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) errors.push(m.text());
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    context,
    page,
    outside,
    errors,
    shot: async (name) => void (await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) })),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
