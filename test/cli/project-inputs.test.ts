import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../store/helpers.js';

const CODEBOOK = 'codebooks/lk3-psychosocial.yaml';
const TRANSCRIPTS = readdirSync('data-sample/transcripts').map((f) => join('data-sample/transcripts', f));
const CODERS = ['data-sample/coders/coder-a.csv', 'data-sample/coders/coder-b.csv'];
const CASES = 'data-sample/cases.csv';
const PSEUDONYMS = 'data-sample/pseudonyms.csv';

// --cases, --pseudonyms, --labels, --base and --documents work on a project as on files.
describe('--project with the options of ordinary transcripts', () => {
  let project: string;
  beforeAll(async () => {
    project = join(tempDir(), 'study.qda');
    expect((await runCli('project', 'create', project, '--codebook', CODEBOOK, ...TRANSCRIPTS, '--codings', ...CODERS)).code).toBe(0);
    expect((await runCli('project', 'code', project)).code).toBe(0);
  });

  it.each([
    [
      'code --cases --pseudonyms',
      ['code', ...TRANSCRIPTS, '-c', CODEBOOK, '--cases', CASES, '--pseudonyms', PSEUDONYMS],
      ['code', '--project', '{p}', '--cases', CASES, '--pseudonyms', PSEUDONYMS],
    ],
    [
      'kwic --pseudonyms',
      ['kwic', ...TRANSCRIPTS, '--term', 'pacar', '--pseudonyms', PSEUDONYMS],
      ['kwic', '--project', '{p}', '--term', 'pacar', '--pseudonyms', PSEUDONYMS],
    ],
    [
      'validate --documents all',
      ['validate', ...TRANSCRIPTS, '-c', CODEBOOK, '--gold', CODERS[0], '--documents', 'all', '-f', 'json'],
      ['validate', '--project', '{p}', '--coder', 'ayu', '--documents', 'all', '-f', 'json'],
    ],
  ])('%s gives the same output from the project as from the files', async (_name, fromFiles, fromProject) => {
    const a = await runCli(...fromFiles);
    const b = await runCli(...fromProject.map((x) => (x === '{p}' ? project : x)));
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(100);
    expect(b.stdout).toBe(a.stdout);
  });

  it('code --project --pseudonyms leaves no real name of the key in its output', async () => {
    const r = await runCli('code', '--project', project, '--pseudonyms', PSEUDONYMS);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Informan A');
    expect(r.stdout).not.toContain('Nurlaila');
  });

  it('validate --project scores only the documents the gold coder codes, and says so', async () => {
    const r = await runCli('validate', '--project', project, '--coder', 'ayu', '-f', 'json');
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { documents: { compared: string[]; skipped: string[] } };
    expect(json.documents.compared).toEqual(['informan-01']);
    expect(json.documents.skipped).toHaveLength(6);
    expect(r.stderr).toContain('the gold coder codes (informan-01)');
  });

  it('report --project takes --labels en, --base all and --pseudonyms', async () => {
    const out = join(tempDir(), 'report');
    const r = await runCli('report', '--project', project, '--labels', 'en', '--base', 'all', '--pseudonyms', PSEUDONYMS, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const frequencies = readFileSync(join(out, 'frequencies.md'), 'utf8');
    expect(frequencies).toContain('proximity');
    expect(frequencies).not.toContain('Nurlaila');
  });

  it('agree --project shows each coder span text; --transcripts is for coding tables only', async () => {
    const r = await runCli('agree', '--project', project, '--match', 'overlap');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('bima: “Justru orang dekat.”');
    const both = await runCli('agree', '--project', project, '--match', 'overlap', '--transcripts', ...TRANSCRIPTS);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--transcripts applies to coding tables');
  });
});
