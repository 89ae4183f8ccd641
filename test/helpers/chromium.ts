import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Debian's Chromium, when installed (.ci/run installs it). */
export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

/**
 * The flags every Chromium of the tests and benchmarks starts with: no sandbox (root in CI), no
 * GPU, and none of the background connections a closed network refuses.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Browser tests are skipped only on a developer's machine without Chromium, never on CI. */
export const SKIP_CHROMIUM = CHROMIUM === undefined && !process.env.CI;

/** Why a browser test was skipped, for its name. */
export const SKIP_REASON = SKIP_CHROMIUM ? ' (skipped: Chromium is not installed; apt-get install chromium)' : '';

/**
 * Open a local HTML file in headless Chromium, offline, and return the DOM after scripts and
 * layout ran.
 */
export async function renderedDom(file: string): Promise<string> {
  if (CHROMIUM === undefined) throw new Error('Chromium must be installed on CI (.ci/run installs it)');
  const profile = mkdtempSync(join(tmpdir(), 'qda-chromium-'));
  try {
    const { stdout } = await promisify(execFile)(
      CHROMIUM,
      ['--headless', ...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, '--dump-dom', `file://${file}`],
      { timeout: 90_000, maxBuffer: 64 * 1024 * 1024 },
    );
    return stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
