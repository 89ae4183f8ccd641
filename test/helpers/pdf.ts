import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

/** Poppler's pdftotext (Debian's poppler-utils; .ci/run installs it). */
export const PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p));

/** PDF tests are skipped only on a developer's machine without poppler-utils, never on CI. */
export const SKIP_PDF = PDFTOTEXT === undefined && !process.env.CI;

/** Why a PDF test was skipped, for its name. */
export const SKIP_PDF_REASON = SKIP_PDF ? ' (skipped: pdftotext is not installed; apt-get install poppler-utils)' : '';

/**
 * The text of a PDF file, pages separated by form feeds: in reading order, or with `layout`
 * laid out as on the page (a table row on one line).
 */
export async function pdfText(file: string, options: { layout?: boolean } = {}): Promise<string> {
  if (PDFTOTEXT === undefined) throw new Error('pdftotext must be installed on CI (.ci/run installs poppler-utils)');
  const args = ['-enc', 'UTF-8', ...(options.layout ? ['-layout'] : []), file, '-'];
  const { stdout } = await promisify(execFile)(PDFTOTEXT, args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** Render each page of a PDF as a PNG (`<prefix>-N.png`) at `dpi`, to look at. */
export async function pdfPages(file: string, prefix: string, dpi = 60): Promise<void> {
  await promisify(execFile)(PDFTOTEXT!.replace(/pdftotext$/, 'pdftoppm'), ['-png', '-r', String(dpi), file, prefix]);
}
