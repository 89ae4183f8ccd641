import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { testedBlock } from './helpers/example-commands.js';

const run = promisify(execFile);

/** The `qda` lines of the README's install block, as a user types them. */
function installBlockLines(): string[] {
  return testedBlock('README.md', 'install')
    .split('\n')
    .map((line) => line.replace(/\s+#\s.*$/, '').trim())
    .filter((line) => line.startsWith('qda '));
}

describe('the README: qda as a command, run from a study folder', () => {
  it('npm install -g . puts qda on the PATH, and the documented lines work in a folder of transcripts', async () => {
    expect(existsSync('dist/cli/main.js'), 'dist/ is built by npm ci (npm run build)').toBe(true);
    const prefix = mkdtempSync(join(tmpdir(), 'qda-global-'));
    // The README's `npm install -g .`, into a temporary prefix instead of the machine's.
    await run('npm', ['install', '-g', '--prefix', prefix, resolve('.'), '--offline', '--ignore-scripts', '--no-audit', '--no-fund']);
    const bin = join(prefix, 'bin');
    expect(readdirSync(bin)).toContain('qda');

    const study = mkdtempSync(join(tmpdir(), 'qda-study-'));
    mkdirSync(join(study, 'transcripts'));
    for (const file of readdirSync('data-sample/transcripts'))
      cpSync(join('data-sample/transcripts', file), join(study, 'transcripts', file));
    cpSync('codebooks/lk3-psychosocial.yaml', join(study, 'codebook.yaml'));

    const lines = installBlockLines();
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      const result = await run('sh', ['-c', line], {
        cwd: study,
        env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` },
      });
      expect(result.stderr, line).not.toMatch(/error/i);
    }
    expect(existsSync(join(study, 'report', 'report.html'))).toBe(true);
    expect(readFileSync(join(study, 'codings.csv'), 'utf8').split('\n')[0]).toBe('document,segment,speaker,code,start,end,matches,text');
  });
});
