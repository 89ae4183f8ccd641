// Validates XML against the official REFI-QDA schemas (from the external corpora) with xmllint
// (Debian package libxml2-utils).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusPath } from './corpora.js';

/** The official schemas, from the external corpora: call only inside `describeWithCorpora`. */
export const REFI_SCHEMAS = {
  codebook: corpusPath('refi-qda-standard', 'Codebook.xsd'),
  project: corpusPath('refi-qda-standard', 'Project.xsd'),
} as const;

/** Run `xmllint --noout --schema` on an XML text; returns its verdict and output. */
export function validateXml(xml: string | Uint8Array, schema: keyof typeof REFI_SCHEMAS): { valid: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'qda-xsd-'));
  const file = join(dir, schema === 'codebook' ? 'codebook.qdc' : 'project.qde');
  try {
    writeFileSync(file, xml);
    const run = spawnSync('xmllint', ['--noout', '--schema', REFI_SCHEMAS[schema], file], { encoding: 'utf8' });
    if (run.error) throw new Error(`xmllint is needed for this test (apt-get install libxml2-utils): ${run.error.message}`);
    return { valid: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
