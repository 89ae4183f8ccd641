// The sample report of `npm start`, written by the CLI into a temporary folder, for browser tests.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

/** The arguments of `npm start` before `--out`: the sample transcripts, codebook and cases. */
export const SAMPLE_ARGS = [
  ...readdirSync('data-sample/transcripts')
    .sort()
    .map((f) => join('data-sample/transcripts', f)),
  '--codebook',
  'codebooks/lk3-psychosocial.yaml',
  '--cases',
  'data-sample/cases.csv',
];

/**
 * Write the sample report (as `npm start` does, plus `extra` options) into a new temporary folder
 * and return the folder.
 */
export async function writeSampleReport(...extra: string[]): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'qda-sample-report-')), 'report');
  const run = await runCli('report', ...SAMPLE_ARGS, ...extra, '--out', out);
  if (run.code !== 0) throw new Error(`qda report failed (${run.code}): ${run.stderr}`);
  return out;
}
