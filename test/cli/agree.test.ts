import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { runCli } from '../helpers/cli.js';

const fx = 'test/fixtures/agreement';
const pair = [`${fx}/ana.csv`, `${fx}/budi.csv`];

describe('qda agree', () => {
  it('prints the Markdown table, the unit explained, and the disagreements (golden)', async () => {
    const r = await runCli('agree', ...pair);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('Segments nobody coded are not counted');
    expectGolden('agreement/agree-segment.md', r.stdout);
  });

  it('prints JSON with the method, every figure and the disagreement list (golden)', async () => {
    const r = await runCli('agree', ...pair, '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      unit: 'segment',
      min_overlap: null,
      coders: ['ana', 'budi'],
      documents: 1,
      segments: 4,
      single_coder_units: 0,
    });
    expect(json.method).toMatch(/^Unit: one segment × one code/);
    expect(json.pooled).toMatchObject({
      units: 16,
      applied: { ana: 5, budi: 5 },
      percent_agreement: 0.875,
      fleiss_kappa: null,
      alpha_ci95: null,
    });
    expect(json.pooled.cohen_kappa).toBeCloseTo(78 / 110, 12);
    expect(json.disagreements[0]).toEqual({
      document: 'wawancara-uji',
      segment: 2,
      code: 'stage/engagement',
      coded_by: ['budi'],
      not_coded_by: ['ana'],
      text: 'Dia datang sendiri, kami kenalan dulu. Pacarnya sering marah dan dia terlalu cinta sama dia.',
    });
    expectGolden('agreement/agree-segment.json', r.stdout);
  });

  it('prints the per-code CSV, and writes the disagreements beside --out', async () => {
    const r = await runCli('agree', ...pair, '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/the disagreement list is written with --out/);
    expectGolden('agreement/agree-segment.csv', r.stdout);
    const dir = mkdtempSync(join(tmpdir(), 'qda-agree-'));
    const out = await runCli('agree', ...pair, '--format', 'csv', '--out', join(dir, 'agreement.csv'));
    expect(out).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readdirSync(dir).sort()).toEqual(['agreement-disagreements.csv', 'agreement.csv']);
    expect(readFileSync(join(dir, 'agreement.csv'), 'utf8')).toBe(r.stdout);
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'agreement-disagreements.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((d) => [d.segment, d.code, d.coded_by, d.not_coded_by])).toEqual([
      ['2', 'stage/engagement', 'budi', 'ana'],
      ['8', 'factor/proximity', 'ana', 'budi'],
    ]);
  });

  it('measures span overlap MAXQDA-style with --match overlap (golden)', async () => {
    const r = await runCli('agree', ...pair, '--match', 'overlap', '--min-overlap', '0.5');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('overlap by at least 50% of their combined extent');
    expectGolden('agreement/agree-overlap.md', r.stdout);
    const strict = JSON.parse((await runCli('agree', ...pair, '--match', 'overlap', '--min-overlap', '0.6', '--format', 'json')).stdout);
    expect(strict.pooled.percent_agreement).toBeCloseTo(1 / 9, 12);
    expect(strict.min_overlap).toBe(0.6);
  });

  it('refuses --bootstrap above its upper bound as a usage error', async () => {
    const r = await runCli('agree', `${fx}/team.csv`, '--bootstrap', '1000000000');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/give a whole number of resamples from 1 to 100000/);
  });

  it("gives Fleiss' κ and a seeded bootstrap interval for three coders in one table (golden)", async () => {
    const r = await runCli('agree', `${fx}/team.csv`, '--bootstrap', '500', '--seed', '3');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Fleiss' κ");
    expect(r.stdout).toContain("Left out: 5 units with one coder's value only");
    expectGolden('agreement/agree-team-bootstrap.md', r.stdout);
    expect((await runCli('agree', `${fx}/team.csv`, '--bootstrap', '500', '--seed', '3')).stdout).toBe(r.stdout);
    expect((await runCli('agree', `${fx}/team.csv`, '--bootstrap', '500', '--seed', '4')).stdout).not.toBe(r.stdout);
  });

  it('reads every user of a .qdpx project as a coder, with the same result as their CSV tables', async () => {
    const project = await runCli('agree', `${fx}/coders.qdpx`);
    expect(project.code).toBe(0);
    expect(project.stdout).toBe((await runCli('agree', ...pair)).stdout);
    const overlap = await runCli('agree', `${fx}/coders.qdpx`, '--match', 'overlap', '--format', 'json');
    // The project holds the sources, so its spans come with their text, as the CSVs' do with --transcripts.
    expect(JSON.parse(overlap.stdout)).toEqual(
      JSON.parse(
        (await runCli('agree', ...pair, '--match', 'overlap', '--format', 'json', '--transcripts', `${fx}/wawancara-uji.md`)).stdout,
      ),
    );
  });

  it('reads the data-sample coders when they are there', async () => {
    const files = ['data-sample/coders/coder-a.csv', 'data-sample/coders/coder-b.csv'];
    if (!files.every((f) => existsSync(f))) return;
    const r = await runCli('agree', ...files, '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.coders).toHaveLength(2);
    expect(json.disagreements.length).toBeGreaterThan(0);
    expect(json.pooled.alpha).toBeGreaterThan(0);
    expect(json.pooled.alpha).toBeLessThan(1);
  });
});

describe('qda agree: bad input', () => {
  it.each([
    [
      'one coder',
      [`${fx}/one-coder.csv`],
      1,
      /one-coder\.csv: error: only one coder \("ana"\) in .*: agreement needs two or more coders \[one-coder\]/,
    ],
    ['a .qdpx project that is not there', [`${fx}/project.qdpx`], 1, /project\.qdpx: error: file not found/],
    ['a .qdpx that is not a zip', [`${fx}/not-a-project.qdpx`], 1, /not-a-project\.qdpx: error: not a REFI-QDA project/],
    ['missing file', [`${fx}/nope.csv`, pair[0]], 1, /nope\.csv: error: coding table not found \[file-unreadable\]/],
    [
      'spans only with segment units',
      [`${fx}/spans-only.csv`],
      1,
      /spans-only\.csv:1:1: error: coding table has no segment numbers.*\[missing-columns\]/,
    ],
    [
      'no offsets with overlap units',
      [`${fx}/team.csv`, '--match', 'overlap'],
      1,
      /team\.csv:1:1: error: coding table has no start\/end offsets.*\[missing-columns\]/,
    ],
    ['--min-overlap with segment units', [...pair, '--min-overlap', '0.5'], 2, /--min-overlap applies to --match overlap only/],
    ['--min-overlap out of range', [...pair, '--match', 'overlap', '--min-overlap', '1.5'], 2, /give a share above 0 and at most 1/],
    ['--bootstrap not a count', [...pair, '--bootstrap', 'many'], 2, /give a whole number of resamples/],
    [
      '--bootstrap with overlap units',
      [...pair, '--match', 'overlap', '--bootstrap', '100'],
      2,
      /--bootstrap gives an interval for α, which overlap units do not compute/,
    ],
    ['bad --unit', [...pair, '--unit', 'turn'], 2, /Allowed choices are segment, overlap/],
    ['bad --format', [...pair, '--format', 'xlsx'], 2, /Allowed choices are md, json, csv/],
  ])('%s', async (_name, args, code, pattern) => {
    const r = await runCli('agree', ...args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it('writes no --out file when the input is bad', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qda-agree-'));
    const r = await runCli('agree', `${fx}/one-coder.csv`, '--out', join(dir, 'a.md'));
    expect(r.code).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('qda agree --match overlap: what each coder marked', () => {
  const coders = ['data-sample/coders/coder-a.csv', 'data-sample/coders/coder-b.csv'];

  it("lists each coder's span text in the disagreements, not the segment's opening", async () => {
    const r = await runCli('agree', ...coders, '--match', 'overlap', '--transcripts', 'data-sample/transcripts/informan-01.md');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '| informan-01 | 4 | factor/proximity | 1070 | 1133 | ayu | bima | ayu: “pelakunya itu kebanyakan bukan orang asing. Justru orang dekat.” |',
    );
    expect(r.stdout).toContain('| informan-01 | 4 | factor/proximity | 1114 | 1133 | bima | ayu | bima: “Justru orang dekat.” |');
    expect(r.stdout).not.toContain('Macam-macam. Ada masalah keluarga');
    const json = JSON.parse(
      (
        await runCli(
          'agree',
          ...coders,
          '--match',
          'overlap',
          '--transcripts',
          'data-sample/transcripts/informan-01.md',
          '--format',
          'json',
        )
      ).stdout,
    );
    expect(json.disagreements[1].spans).toEqual([{ coder: 'bima', start: 1114, end: 1133, text: 'Justru orang dekat.' }]);
  });

  it("gives each coder's offsets without the transcripts, and a span column per coder in CSV", async () => {
    const r = await runCli('agree', ...coders, '--match', 'overlap');
    expect(r.stdout).toContain('| ayu | bima | ayu: 1070–1133 | Macam-macam. Ada masalah keluarga');
    const dir = mkdtempSync(join(tmpdir(), 'qda-spans-'));
    const out = join(dir, 'a.csv');
    expect(
      (
        await runCli(
          'agree',
          ...coders,
          '--match',
          'overlap',
          '--transcripts',
          'data-sample/transcripts/informan-01.md',
          '--format',
          'csv',
          '--out',
          out,
        )
      ).code,
    ).toBe(0);
    const csv = readFileSync(join(dir, 'a-disagreements.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('document,segment,code,start,end,coded_by,not_coded_by,span:ayu,span:bima,text');
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows[1]).toMatchObject({ start: '1114', end: '1133', coded_by: 'bima', 'span:ayu': '', 'span:bima': 'Justru orang dekat.' });
  });

  it('refuses --transcripts with segment units', async () => {
    const r = await runCli('agree', ...coders, '--transcripts', 'data-sample/transcripts/informan-01.md');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--transcripts applies to --match overlap/);
  });
});

describe('qda agree: a class of students', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qda-class-'));
  const table = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const rina = table('rina.csv', 'document,segment,code\ninforman-01,4,factor/proximity\ninforman-01,6,factor/attachment\n');
  const sari = table('sari.csv', 'document,segment,code\ninforman-01,4,factor/proximity\ninforman-01,6,factor/atachment\n');

  it('reports an empty coder file instead of dropping it silently', async () => {
    const empty = table('tono.csv', 'document,segment,code\n');
    const r = await runCli('agree', rina, sari, empty);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${empty}: warning: coding table has no codings: this coder is left out of the agreement [no-codings]`);
    expect(JSON.parse((await runCli('agree', rina, sari, empty, '--format', 'json')).stdout).coders).toEqual(['rina', 'sari']);
  });

  it('--codebook flags a code id the codebook does not have, with did-you-mean', async () => {
    const r = await runCli('agree', rina, sari, '--codebook', 'codebooks/lk3-psychosocial.yaml');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'codebooks/lk3-psychosocial.yaml: warning: code "factor/atachment" (sari ×1) is not in the codebook (did you mean "factor/attachment"?); it is counted as a code of its own [unknown-code]\n',
    );
    expect((await runCli('agree', rina, sari)).stderr).toBe('');
  });
});

describe('qda agree: old option spelling, one release more', () => {
  it('--unit overlap still works as --match overlap, with a warning', async () => {
    const now = await runCli('agree', ...pair, '--match', 'overlap', '--format', 'json');
    const old = await runCli('agree', ...pair, '--unit', 'overlap', '--format', 'json');
    expect(old.stdout).toBe(now.stdout);
    expect(old.stderr).toBe(
      'qda agree: warning: --unit is deprecated and will be removed in the next release; use --match [deprecated-option]\n',
    );
  });
});
