import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../store/helpers.js';

const CODEBOOK = 'codebooks/lk3-psychosocial.yaml';
const TRANSCRIPTS = readdirSync('data-sample/transcripts').map((f) => join('data-sample/transcripts', f));
const CODERS = ['data-sample/coders/coder-a.csv', 'data-sample/coders/coder-b.csv'];

// Every command that reads transcripts, a codebook or codings takes --project instead, and
// gives what it gives on the same files and codings.
describe('--project on the reading commands', () => {
  let project: string;
  beforeAll(async () => {
    project = join(tempDir(), 'study.qda');
    const created = await runCli('project', 'create', project, '--codebook', CODEBOOK, ...TRANSCRIPTS, '--codings', ...CODERS);
    expect(created.stderr).toContain('7 added, 0 updated, 0 unchanged; codebook version 1; 17 codings imported');
    expect((await runCli('project', 'code', project)).code).toBe(0);
  });

  it.each([
    ['code (csv)', ['code', ...TRANSCRIPTS, '-c', CODEBOOK], ['code', '--project', '{p}']],
    ['code (json)', ['code', ...TRANSCRIPTS, '-c', CODEBOOK, '-f', 'json'], ['code', '--project', '{p}', '-f', 'json']],
    [
      'kwic --code',
      ['kwic', ...TRANSCRIPTS, '-c', CODEBOOK, '--code', 'factor/proximity'],
      ['kwic', '--project', '{p}', '--code', 'factor/proximity'],
    ],
    ['kwic --term', ['kwic', ...TRANSCRIPTS, '--term', 'pacar', '-f', 'csv'], ['kwic', '--project', '{p}', '--term', 'pacar', '-f', 'csv']],
    ['agree', ['agree', ...CODERS, '-f', 'json'], ['agree', '--project', '{p}', '-f', 'json']],
    // The project holds the transcripts, so its spans show their own text, as the tables do with --transcripts.
    [
      'agree --unit overlap',
      ['agree', ...CODERS, '--unit', 'overlap', '--transcripts', ...TRANSCRIPTS],
      ['agree', '--project', '{p}', '--unit', 'overlap'],
    ],
    [
      'validate',
      ['validate', ...TRANSCRIPTS, '-c', CODEBOOK, '--gold', CODERS[0], '-f', 'json'],
      ['validate', '--project', '{p}', '--coder', 'ayu', '-f', 'json'],
    ],
  ])('%s gives the same output from the project as from the files', async (_name, fromFiles, fromProject) => {
    const a = await runCli(...fromFiles);
    const b = await runCli(...fromProject.map((x) => (x === '{p}' ? project : x)));
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(100);
    expect(b.stdout).toBe(a.stdout);
  });

  it('qdpx export gives the same archive from the project as from the files and tables', async () => {
    const dir = tempDir();
    const a = await runCli('qdpx', 'export', ...TRANSCRIPTS, '-c', CODEBOOK, '--codings', ...CODERS, '--out', join(dir, 'a.qdpx'));
    const store = await openSqliteStore(project, { mode: 'write' });
    await store.change('lead', 'people only', (tx) => tx.deleteCodings({ coder: 'auto' }));
    await store.close();
    const b = await runCli('qdpx', 'export', '--project', project, '--out', join(dir, 'b.qdpx'));
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr.replace(/b\.qdpx/, 'a.qdpx').replace(dir, '')).toBe(a.stderr.replace(dir, ''));
    expect(Buffer.compare(readFileSync(join(dir, 'b.qdpx')), readFileSync(join(dir, 'a.qdpx')))).toBe(0);
    await runCli('project', 'code', project);
  });

  it('usage errors: both files and --project, or neither; --codings with --project', async () => {
    const both = await runCli('report', TRANSCRIPTS[0], '--project', project, '--out', join(tempDir(), 'r'));
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give transcripts or --project, not both');
    const neither = await runCli('kwic', '--term', 'x');
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('give transcripts (or --project study.qda)');
    const agree = await runCli('agree');
    expect(agree.stderr).toContain('give coding tables (or --project study.qda)');
    const mixed = await runCli('report', '--project', project, '--codings', CODERS[0], '--out', join(tempDir(), 'r'));
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('--codings cannot be combined with --project');
  });

  // Reader options act while transcripts are read; a project's were read when they were added.
  // Ignoring them would give a report with the interviewer still coded, say, and a warning
  // scrolled away: a researcher who asked for --interviewer expects it to act, so it is refused.
  it.each([
    ['code', ['--interviewer', 'Guru'], '--interviewer cannot be used with --project', 'give roles with --cases (a role column) instead'],
    ['report', ['--language', 'en', '--out', 'r'], '--language cannot be used with --project', 'their languages were set then'],
    ['validate', ['--recursive', '--coder', 'ayu'], '--recursive cannot be used with --project', 'no folder is read'],
    [
      'kwic',
      ['--code', 'factor/proximity', '--speaker-col', 'nama', '--survey'],
      '--speaker-col, --survey cannot be used with --project',
      'no transcript table is read',
    ],
    [
      'code',
      ['--input-format', 'md', '--max-input-size', '1MB'],
      '--input-format, --max-input-size cannot be used',
      'no transcript file is read',
    ],
    ['qdpx', ['--language', 'en', '--out', 'r'], '--language cannot be used with --project', 'their languages were set then'],
  ])('%s --project %s: exit 2 naming the option and why', async (command, options, named, why) => {
    const subcommand = command === 'qdpx' ? ['qdpx', 'export'] : [command];
    const r = await runCli(...subcommand, '--project', project, ...options.map((o) => (o === 'r' ? join(tempDir(), 'r') : o)));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(named);
    expect(r.stderr).toContain(why);
    expect(r.stderr).toContain('give');
  });

  it('kwic --project --term --language: the language stems the term, so it is not refused', async () => {
    const r = await runCli('kwic', '--project', project, '--term', 'pacar', '--language', 'id');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('pacar');
  });

  it('report --project --coder picks people or the machine, like --codings does with tables', async () => {
    const dir = tempDir();
    const files = await runCli(
      'report',
      ...TRANSCRIPTS,
      '-c',
      CODEBOOK,
      '--codings',
      ...CODERS,
      '--coder',
      'all',
      '--out',
      join(dir, 'files'),
    );
    const fromProject = await runCli('report', '--project', project, '--coder', 'all', '--out', join(dir, 'project'));
    expect(files.code, files.stderr).toBe(0);
    expect(fromProject.code, fromProject.stderr).toBe(0);
    const read = (d: string) => readFileSync(join(dir, d, 'frequencies.csv'), 'utf8');
    expect(read('project')).toBe(read('files'));
    const people = await runCli('report', '--project', project, '--out', join(dir, 'people'));
    expect(people.stderr).toContain('(ayu, bima)');
  });
});
