import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { runCli } from '../helpers/cli.js';

const fx = 'test/fixtures/agreement';
const base = ['validate', `${fx}/wawancara-uji.md`, '--codebook', `${fx}/codebook.yaml`];

describe('qda validate', () => {
  it('scores the rules against the gold standard per code, parents rolled up (golden)', async () => {
    const r = await runCli(...base, '--gold', `${fx}/gold.csv`);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'test/fixtures/agreement/gold.csv: warning: 1 coding name document "wawancara-lain", which is not among the transcripts; skipped [unknown-document]\n',
    );
    expect(r.stdout).toContain('true negatives');
    expectGolden('agreement/validate.md', r.stdout);
  });

  it('prints JSON with the figures, the missed and over-coded segments (golden)', async () => {
    const r = await runCli(...base, '--gold', `${fx}/gold.csv`, '--format', 'json');
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ segments: 8, uncoded_segments: 4 });
    expect(json.overall).toMatchObject({ support: 5, predicted: 5, true_positives: 4, precision: 0.8, recall: 0.8 });
    const engagement = json.codes.find((c: { code: string }) => c.code === 'stage/engagement');
    expect(engagement).toMatchObject({
      precision: null,
      recall: 0,
      f1: null,
      notes: ['the automatic coding never applies this code: precision is undefined'],
    });
    expect(json.codes.find((c: { code: string }) => c.code === 'factor')).toMatchObject({ leaf: false, support: 2, predicted: 3 });
    expect(json.missed.map((m: { segment: number; code: string }) => [m.segment, m.code])).toEqual([[2, 'stage/engagement']]);
    expect(json.over_coded.map((m: { segment: number; code: string }) => [m.segment, m.code])).toEqual([[8, 'factor/proximity']]);
    expectGolden('agreement/validate.json', r.stdout);
  });

  it('prints the per-code CSV and writes the mismatches beside --out', async () => {
    const r = await runCli(...base, '--gold', `${fx}/gold.csv`, '--format', 'csv');
    expectGolden('agreement/validate.csv', r.stdout);
    const dir = mkdtempSync(join(tmpdir(), 'qda-validate-'));
    const out = await runCli(...base, '--gold', `${fx}/gold.csv`, '--format', 'csv', '--out', join(dir, 'v.csv'));
    expect(out.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['v-mismatches.csv', 'v.csv']);
    expect(readFileSync(join(dir, 'v-mismatches.csv'), 'utf8').split('\n').slice(0, 3)).toEqual([
      'kind,document,segment,code,speaker,text',
      'missed,wawancara-uji,2,stage/engagement,Rina,"Dia datang sendiri, kami kenalan dulu. Pacarnya sering marah dan dia terlalu cinta sama dia."',
      'over-coded,wawancara-uji,8,factor/proximity,Rina,"Keluarganya percaya sama sepupu itu, jadi kami lakukan asesmen ulang bersama keluarga."',
    ]);
  });

  it('takes one coder of a team table with --coder', async () => {
    const gold = JSON.parse((await runCli(...base, '--gold', `${fx}/gold.csv`, '--format', 'json')).stdout);
    // As in qda report, a coder's name matches in any case.
    const budi = await runCli(...base, '--gold', `${fx}/team.csv`, '--coder', 'Budi', '--format', 'json');
    expect(budi.stderr).toBe('');
    expect(JSON.parse(budi.stdout).codes).toEqual(gold.codes);
  });

  it('places gold rows by span (as report does, whatever segment number they carry), and warns about rows outside every segment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qda-validate-'));
    const spans = join(dir, 'spans.csv');
    writeFileSync(
      spans,
      'document,segment,code,start,end\nwawancara-uji,99,factor/attachment,325,352\nwawancara-uji,,factor/proximity,5000,5010\n',
    );
    const r = await runCli(...base, '--gold', spans, '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/spans\.csv: warning: 1 coding fit no turn of their document .*\[coding-out-of-range\]/);
    expect(JSON.parse(r.stdout).codes.find((c: { code: string }) => c.code === 'factor/attachment')).toMatchObject({
      support: 1,
      true_positives: 1,
    });
  });

  it('runs on data-sample with the lk3 codebook when they are there', async () => {
    const files = ['data-sample/transcripts/informan-01.md', 'codebooks/lk3-psychosocial.yaml', 'data-sample/coders/coder-a.csv'];
    if (!files.every((f) => existsSync(f))) return;
    const r = await runCli('validate', files[0], '--codebook', files[1], '--gold', files[2], '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.overall.support).toBeGreaterThan(0);
    expect(json.overall.recall).toBeGreaterThanOrEqual(0);
    expect(json.overall.recall).toBeLessThanOrEqual(1);
  });
});

describe('qda validate: the documents the gold coder read', () => {
  // The README's example: Ayu coded only informan-01; the transcripts are all seven interviews.
  const transcripts = readdirSync('data-sample/transcripts').map((f) => join('data-sample/transcripts', f));
  const args = [
    ...transcripts,
    '--codebook',
    'codebooks/lk3-psychosocial.yaml',
    '--gold',
    'data-sample/coders/coder-a.csv',
    '--format',
    'json',
  ];

  it('compares only the documents the gold table covers, and says so (F1 0.302, not 0.042)', async () => {
    const r = await runCli('validate', ...args);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'qda validate: compared the 1 document the gold table codes (informan-01); left out 6 it does not (--documents all to score them)\n',
    );
    const json = JSON.parse(r.stdout);
    expect(json.documents).toEqual({
      compared: ['informan-01'],
      skipped: ['informan-02', 'informan-03', 'informan-04', 'informan-05', 'informan-06', 'informant-07-en'],
    });
    expect(json.method).toMatch(/^Only the 1 document the gold standard codes is compared \(informan-01\); 6 others are left out/);
    expect(json.overall.f1.toFixed(3)).toBe('0.302');
  });

  it('scores every document with --documents all', async () => {
    const r = await runCli('validate', ...args, '--documents', 'all');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).overall.f1.toFixed(3)).toBe('0.042');
  });
});

describe('qda validate: bad input', () => {
  it.each([
    [
      'several coders, no --coder',
      ['--gold', `${fx}/team.csv`],
      2,
      /team\.csv holds several coders \(ana, budi, citra, dewi\): choose one with --coder/,
    ],
    [
      'unknown --coder',
      ['--gold', `${fx}/team.csv`, '--coder', 'eka'],
      1,
      /team\.csv: error: --coder "eka" has no codings \(the gold table has: ana, budi, citra, dewi\) \[unknown-coder\]/,
    ],
    [
      '--coder auto',
      ['--gold', `${fx}/team.csv`, '--coder', 'auto'],
      2,
      /--coder auto: the gold standard is one human coder; name one of: ana, budi, citra, dewi/,
    ],
    ['missing gold', ['--gold', `${fx}/nope.csv`], 1, /nope\.csv: error: coding table not found/],
    ['no --gold', [], 2, /required option '-g, --gold <file>' not specified/],
    ['bad --unit', ['--gold', `${fx}/gold.csv`, '--unit', 'segment'], 2, /Allowed choices are turn, paragraph, sentence/],
  ])('%s', async (_name, args, code, pattern) => {
    const r = await runCli(...base, ...args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(pattern);
    expect(r.stdout).toBe('');
  });
});
