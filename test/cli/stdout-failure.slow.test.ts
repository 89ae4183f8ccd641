import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const cb = 'codebooks/lk3-psychosocial.yaml';
const transcript = 'data-sample/transcripts/informan-01.md';

/** Every command that prints its result to standard output, with arguments that succeed. */
const COMMANDS: Array<[string, string[]]> = [
  ['import', ['import', transcript]],
  ['code', ['code', transcript, '--codebook', cb]],
  ['kwic', ['kwic', transcript, '--term', 'takut']],
  ['agree', ['agree', 'test/fixtures/agreement/ana.csv', 'test/fixtures/agreement/budi.csv']],
  ['alpha', ['alpha', 'test/fixtures/agreement/reliability-missing.csv']],
  ['validate', ['validate', transcript, '--codebook', cb, '--gold', 'data-sample/coders/coder-a.csv']],
  ['--help', ['code', '--help']],
];

describe.runIf(existsSync('/dev/full'))('a failed write to standard output', () => {
  it.each(COMMANDS)('%s > /dev/full exits 1 with a message', (_, args) => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/helpers/qda-bin.ts', ...args], {
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
      });
      expect(r.stderr).toMatch(
        /^qda: could not write the output to standard output: the disk is full \(ENOSPC\); the output is incomplete$/m,
      );
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.status).toBe(1);
    } finally {
      closeSync(full);
    }
  });
});
