import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codebookYaml, generateTerms, writeCorpus } from '../../bench/generate.js';
import { runCli } from '../helpers/cli.js';
import { testedBlock } from '../helpers/example-commands.js';

const hasParallel = (() => {
  try {
    execFileSync('parallel', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasParallel)(
  'docs/scale.md: map and merge with GNU parallel (skipped without GNU parallel: apt-get install parallel)',
  () => {
    it('the documented commands, run as written on local jobs, give the table of one qda count over the whole corpus', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'qda-scale-'));
      const terms = generateTerms(60, ['pacar', 'asesmen', 'keluarga', 'kepercayaan', 'family', 'trust']);
      writeFileSync(join(dir, 'codebook.yaml'), codebookYaml(terms));
      await writeCorpus(join(dir, 'archive.jsonl'), 3, terms);
      // `qda` on the PATH runs this checkout from source (tsx by its path: the commands run in the temporary folder).
      const qda = join(dir, 'qda');
      const tsx = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;
      writeFileSync(qda, `#!/bin/sh\nexec "${process.execPath}" --import "${tsx}" "${resolve('test/helpers/qda-bin.ts')}" "$@"\n`);
      chmodSync(qda, 0o755);
      const script = testedBlock('docs/scale.md', 'parallel-local');
      execFileSync('bash', ['-e', '-c', script], {
        cwd: dir,
        env: { ...process.env, PATH: `${dir}:${process.env.PATH}` },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const parts = readFileSync(join(dir, 'parts.txt'), 'utf8').trim().split('\n');
      expect(parts.length).toBeGreaterThanOrEqual(3);
      const whole = await runCli('count', join(dir, 'archive.jsonl'), '--codebook', join(dir, 'codebook.yaml'));
      expect(whole.code).toBe(0);
      expect(readFileSync(join(dir, 'counts.csv'), 'utf8') === whole.stdout).toBe(true);
    });
  },
);
