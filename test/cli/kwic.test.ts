import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { corpusPath, describeWithCorpora } from '../helpers/corpora.js';
import { FIXTURE, TRANSCRIPTS } from '../report/fixture.js';

const codebook = `${FIXTURE}/codebook.yaml`;

describe('qda kwic', () => {
  it('prints a Markdown table of a term in context', async () => {
    const r = await runCli('kwic', ...TRANSCRIPTS, '--term', 'terlalu cinta', '--window', '2');
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout:
        '| document | segment | speaker | timestamp | left | keyword | right | term |\n| --- | ---: | --- | --- | --- | --- | --- | --- |\n' +
        '| wawancara-a | 2 | Siti Rahma | 00:00:12 | Mereka bilang | terlalu cinta | , jadi sulit | terlalu cinta |\n' +
        '| wawancara-b | 2 | Budi Santoso |  | pada pacar, | terlalu cinta | sampai sulit | terlalu cinta |\n' +
        '| wawancara-b | 4 | Budi Santoso |  | pada pacar, | terlalu cinta | sampai sulit | terlalu cinta |\n',
    });
  });

  it("prints CSV of a code's matches (children included) to --out", async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'qda-kwic-')), 'kwic.csv');
    const r = await runCli('kwic', ...TRANSCRIPTS, '--code', 'stage', '--codebook', codebook, '--format', 'csv', '--out', out);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    const rows = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((row) => [row.document, row.keyword])).toEqual([
      ['wawancara-a', 'genogram'],
      ['wawancara-a', 'ecomap'],
      ['wawancara-a', 'rencana'],
      ['wawancara-b', 'Perencanaan'],
      ['wawancara-b', 'Rencana'],
      ['interview-c', 'assessment'],
      ['interview-c', 'genogram'],
      ['interview-c', 'plan'],
    ]);
  });

  it('says so on stderr when nothing matches', async () => {
    const r = await runCli('kwic', TRANSCRIPTS[0], '--term', 'zebra');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('no match for term "zebra"\n');
  });

  it.each([
    ['neither --term nor --code', ['kwic', TRANSCRIPTS[0]], /give --term <term> or --code <id>/],
    [
      'both',
      ['kwic', TRANSCRIPTS[0], '--term', 'x', '--code', 'stage', '-c', codebook],
      /option '-t, --term <term>' cannot be used with option '--code <id>'/,
    ],
    ['--code without a codebook', ['kwic', TRANSCRIPTS[0], '--code', 'stage'], /--code needs --codebook <file>/],
    [
      'unknown code',
      ['kwic', TRANSCRIPTS[0], '--code', 'stag', '-c', codebook],
      /code "stag" is not in .*codebook\.yaml; its codes: factor, factor\/attachment/,
    ],
    ['bad window', ['kwic', TRANSCRIPTS[0], '--term', 'x', '--window', '-1'], /--window must be a whole number from 0 up/],
    ['empty term', ['kwic', TRANSCRIPTS[0], '--term', '=*'], /--term is empty/],
  ])('%s is a usage error', async (_name, argv, pattern) => {
    const r = await runCli(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stdout).toBe('');
  });
});

describe('reader options reach every command that reads transcripts', () => {
  it('kwic and report read a table with chosen columns', async () => {
    const table = ['test/fixtures/formats/sessions.csv', '--speaker-col', 'penutur', '--text-col', 'ucapan', '--doc-col', 'sesi'];
    const k = await runCli('kwic', ...table, '--term', 'genogram', '--format', 'csv');
    expect(k.code).toBe(0);
    expect(k.stdout).toMatch(/^w1,2,Sari,/m);
    const out = join(mkdtempSync(join(tmpdir(), 'qda-table-report-')), 'report');
    const r = await runCli('report', ...table, '--codebook', 'test/fixtures/formats/codebook.yaml', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'frequencies.csv'), 'utf8')).toMatch(/Sari/);
  });
});

describeWithCorpora('a REFI-QDA project is a transcript source too', () => {
  it('kwic reads the sources of a .qdpx', async () => {
    const r = await runCli('kwic', corpusPath('qc-qualitative-coding', 'demo.qdpx'), '--term', 'equity', '--format', 'csv');
    expect(r.code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(r.stdout, { header: true, skipEmptyLines: true }).data;
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(new Set(rows.map((x) => x.document))).toEqual(new Set(['board_2017']));
    expect(rows.every((x) => x.keyword.toLowerCase() === 'equity')).toBe(true);
  });
});
