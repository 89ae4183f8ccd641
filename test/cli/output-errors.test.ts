import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const transcript = 'data-sample/transcripts/informan-01.md';
const cb = 'codebooks/lk3-psychosocial.yaml';

describe.runIf(existsSync('/proc/self'))('an output that cannot be written', () => {
  it.each([
    ['code', ['code', transcript, '-c', cb, '--out', '/proc/qda-x.csv'], '/proc/qda-x.csv'],
    ['import', ['import', transcript, '--out', '/proc/qda-x.json'], '/proc/qda-x.json'],
    ['report', ['report', transcript, '-c', cb, '--out', '/proc/qda-report'], '/proc/qda-report'],
    ['kwic', ['kwic', transcript, '--term', 'takut', '--out', '/proc/qda-kwic.csv'], '/proc/qda-kwic.csv'],
  ])('%s: a located message in words that names the output, not its temporary', async (_, args, target) => {
    const r = await runCli(...args);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `${target}: error: cannot write this output: no such file or folder (ENOENT); nothing was written [cannot-write]\n`,
    );
  });
});
