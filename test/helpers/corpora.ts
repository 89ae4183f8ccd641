// The real files written by others (REFI-QDA projects, schemas, captions, agreement examples)
// stay outside the repository. Tests read them from one folder: $QDA_CORPORA, else
// ../shared/corpora beside the clone. Without it, the tests that need them are skipped and say why.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'vitest';

/** The external corpora folder, or undefined when it is not there. */
export const CORPORA_DIR: string | undefined = (() => {
  const dir = resolve(process.env.QDA_CORPORA ?? '../shared/corpora');
  return existsSync(dir) ? dir : undefined;
})();

/** Why corpus tests were skipped, printed once per test file that needs them. */
export const CORPORA_SKIP_REASON = 'needs the external corpora: set QDA_CORPORA (default ../shared/corpora)';

/** A path inside the external corpora folder (only meaningful when CORPORA_DIR is set). */
export function corpusPath(...parts: string[]): string {
  return resolve(CORPORA_DIR ?? resolve(process.env.QDA_CORPORA ?? '../shared/corpora'), ...parts);
}

/**
 * `describe` for tests that read the external corpora: skipped, with the reason in its title
 * and on stderr, when the folder is missing. The body is not run then (it may read the corpora
 * while collecting tests); one skipped test stands for it.
 */
export function describeWithCorpora(title: string, body: () => void | Promise<void>): void {
  if (CORPORA_DIR === undefined) {
    process.stderr.write(`skipped "${title}": ${CORPORA_SKIP_REASON}\n`);
    describe.skip(`${title} (skipped: ${CORPORA_SKIP_REASON})`, () => {
      it.skip(CORPORA_SKIP_REASON, () => undefined);
    });
  } else {
    describe(title, body);
  }
}
