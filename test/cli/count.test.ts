import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { codebookYaml, generateTerms, writeCorpus } from '../../bench/generate.js';
import { runCli, seeded } from '../helpers/cli.js';

const TRANSCRIPTS = readdirSync('data-sample/transcripts').map((f) => `data-sample/transcripts/${f}`);
const CODEBOOK = 'codebooks/lk3-psychosocial.yaml';
const temp = () => mkdtempSync(join(tmpdir(), 'qda-count-'));

type Row = Record<string, string>;
const parse = (csv: string): Row[] => Papa.parse<Row>(csv, { header: true, skipEmptyLines: true }).data;

describe('qda count', () => {
  for (const by of ['document', 'role', 'speaker', 'location']) {
    it(`gives the numbers of frequencies.csv in qda report (--by ${by})`, async () => {
      const out = join(temp(), 'report');
      // qda count's shares are of every segment: report's --base all.
      expect((await runCli('report', ...TRANSCRIPTS, '-c', CODEBOOK, '--by', by, '--base', 'all', '--out', out)).code).toBe(0);
      const report = parse(readFileSync(join(out, 'frequencies.csv'), 'utf8'));
      const r = await runCli('count', ...TRANSCRIPTS, '-c', CODEBOOK, '--by', by);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const counted = parse(r.stdout);
      expect(counted).toHaveLength(report.length);
      const key = (x: Row) => `${x.code}\u0000${x[by]}`;
      const byKey = new Map(counted.map((x) => [key(x), x]));
      for (const f of report) {
        const c = byKey.get(key(f));
        expect(c, key(f)).toBeDefined();
        expect([c!.segments, c!.documents, c!.segments_in_group, c!.share_pct]).toEqual([
          f.segments,
          f.documents,
          f.base_segments,
          f.share_pct,
        ]);
      }
      expect(report.some((f) => Number(f.segments) > 0)).toBe(true);
    });
  }

  it('reads folders and patterns as the other commands do (qda expands them: Windows shells do not)', async () => {
    const listed = await runCli('count', ...TRANSCRIPTS, '-c', CODEBOOK);
    const folder = await runCli('count', 'data-sample/transcripts', '-c', CODEBOOK);
    const pattern = await runCli('count', 'data-sample/transcripts/*.md', '-c', CODEBOOK);
    expect(listed.code, listed.stderr).toBe(0);
    expect(folder).toEqual(listed);
    expect(pattern).toEqual(listed);
    const nothing = await runCli('count', 'data-sample/transcripts/*.docx', '-c', CODEBOOK);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain('no file matches this pattern [no-match]');
  });

  it('takes --cases (attributes and roles to group by) and --interviewer, as code and report do', async () => {
    const dir = temp();
    const bare = join(dir, 'wawancara.md');
    writeFileSync(bare, 'Guru: Apa yang terjadi dengan pacarnya?\nAni: Pacarnya posesif sekali.\nGuru: Lalu?\nAni: Pacarnya marah.\n');
    const cases = join(dir, 'cases.csv');
    writeFileSync(cases, 'speaker,role,site\nAni,informant,Bandung\n');
    const groups = (csv: string, by: string) => [...new Set(parse(csv).map((r) => r[by]))].sort();
    const site = await runCli('count', bare, '-c', CODEBOOK, '--cases', cases, '--by', 'site');
    expect(site.code, site.stderr).toBe(0);
    // Guru has no site: (none).
    expect(groups(site.stdout, 'site')).toEqual(['(all)', '(none)', 'Bandung']);
    const roles = await runCli('count', bare, '-c', CODEBOOK, '--cases', cases, '--interviewer', 'Guru', '--by', 'role');
    expect(roles.code, roles.stderr).toBe(0);
    expect(groups(roles.stdout, 'role')).toEqual(['(all)', 'informant', 'interviewer']);
    const missing = await runCli('count', bare, '-c', CODEBOOK, '--cases', join(dir, 'none.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
  });

  it('takes --pseudonyms: speakers (--by speaker) are counted under their pseudonyms, with the same numbers', async () => {
    const plain = parse((await runCli('count', ...TRANSCRIPTS, '-c', CODEBOOK, '--by', 'speaker')).stdout);
    const r = await runCli('count', ...TRANSCRIPTS, '-c', CODEBOOK, '--by', 'speaker', '--pseudonyms', 'data-sample/pseudonyms.csv');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('Nurlaila');
    const anon = parse(r.stdout);
    expect(anon.map((x) => x.speaker)).toContain('Informan A');
    expect(anon.map((x) => [x.code, x.segments, x.words])).toEqual(plain.map((x) => [x.code, x.segments, x.words]));
    expect(plain.map((x) => x.speaker)).toContain('Nurlaila');
  });

  it('counts words of every segment and rolls codes up to their parents', async () => {
    const rows = parse((await runCli('count', ...TRANSCRIPTS, '-c', CODEBOOK)).stdout);
    const all = rows.filter((r) => r.document === '(all)');
    // Every segment's words are in the base, whatever the code.
    expect(new Set(all.map((r) => r.words_in_group)).size).toBe(1);
    const byCode = new Map(all.map((r) => [r.code, r]));
    for (const r of all) {
      expect(Number(r.words)).toBeLessThanOrEqual(Number(r.words_in_group));
      expect(Number(r.hits)).toBeGreaterThanOrEqual(Number(r.segments));
      const parent = r.code.includes('/') ? byCode.get(r.code.slice(0, r.code.lastIndexOf('/'))) : undefined;
      if (parent) {
        expect(Number(parent.segments)).toBeGreaterThanOrEqual(Number(r.segments));
        expect(Number(parent.hits)).toBeGreaterThanOrEqual(Number(r.hits));
      }
    }
    // Per document, a code's counts add up to its (all) row.
    for (const r of all) {
      const perDocument = rows.filter((x) => x.code === r.code && x.document !== '(all)');
      for (const column of ['segments', 'documents', 'words', 'hits', 'segments_in_group', 'words_in_group']) {
        expect(
          perDocument.reduce((n, x) => n + Number(x[column]), 0),
          `${r.code} ${column}`,
        ).toBe(Number(r[column]));
      }
    }
  });

  describe('on a JSONL corpus', () => {
    const dir = temp();
    const corpus = join(dir, 'corpus.jsonl');
    const codebook = join(dir, 'cb.yaml');
    const ready = (async () => {
      const terms = generateTerms(80, ['pacar', 'asesmen', 'keluarga', 'kepercayaan', 'family', 'trust']);
      writeFileSync(codebook, codebookYaml(terms));
      await writeCorpus(corpus, 2, terms);
    })();

    it('gives the same table with --jobs 1 and --jobs 2, in CSV and JSON', async () => {
      await ready;
      for (const format of ['csv', 'json']) {
        const one = await runCli('count', corpus, '-c', codebook, '--jobs', '1', '--format', format);
        const two = await runCli('count', corpus, '-c', codebook, '--jobs', '2', '--format', format);
        expect(one.code).toBe(0);
        expect(one.stdout.length).toBeGreaterThan(10_000);
        expect(two.stdout === one.stdout).toBe(true);
      }
    });

    it('adds up: the corpus split at random lines, counted part by part and merged, gives the whole table', async () => {
      await ready;
      const whole = await runCli('count', corpus, '-c', codebook, '--jobs', '1');
      const lines = readFileSync(corpus, 'utf8').trimEnd().split('\n');
      const rand = seeded(17);
      for (let round = 0; round < 3; round++) {
        const cuts = [0, ...[1, 2].map(() => 1 + Math.floor(rand() * (lines.length - 2))).sort((a, b) => a - b), lines.length];
        const parts: string[] = [];
        for (let p = 0; p + 1 < cuts.length; p++) {
          const file = join(dir, `part-${round}-${p}.jsonl`);
          writeFileSync(file, `${lines.slice(cuts[p], cuts[p + 1]).join('\n')}\n`);
          const out = join(dir, `part-${round}-${p}.${p === 1 ? 'json' : 'csv'}`);
          const r = await runCli('count', file, '-c', codebook, '--jobs', '1', '--out', out, '--format', p === 1 ? 'json' : 'csv');
          expect(r.code).toBe(0);
          parts.push(out);
        }
        const merged = await runCli('count', '--merge', ...parts);
        expect(merged.stderr).toBe('');
        expect(merged.stdout === whole.stdout).toBe(true);
      }
    });

    it("groups by the roles of the JSONL records' participants; the interviewer is in the base, never coded", async () => {
      await ready;
      const rows = parse((await runCli('count', corpus, '-c', codebook, '--jobs', '2', '--by', 'role')).stdout);
      expect([...new Set(rows.map((r) => r.role))]).toEqual(['(all)', 'informant', 'interviewer']);
      const interviewer = rows.filter((r) => r.role === 'interviewer');
      expect(interviewer.every((r) => r.segments === '0' && Number(r.segments_in_group) > 0)).toBe(true);
      expect(rows.filter((r) => r.role === 'informant').some((r) => Number(r.segments) > 0)).toBe(true);
    });
  });

  it('refuses tables that do not add up, with the place of the problem', async () => {
    const dir = temp();
    const byDocument = join(dir, 'a.csv');
    const byRole = join(dir, 'b.csv');
    expect((await runCli('count', ...TRANSCRIPTS, '-c', CODEBOOK, '--out', byDocument)).code).toBe(0);
    expect((await runCli('count', ...TRANSCRIPTS, '-c', CODEBOOK, '--by', 'role', '--out', byRole)).code).toBe(0);
    const mixed = await runCli('count', '--merge', byDocument, byRole);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toMatch(/b\.csv:1:4: error: this table is grouped by "role", the first by "document"/);
    expect(mixed.stdout).toBe('');

    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, readFileSync(byDocument, 'utf8').replace(/\n(factor,[^\n]*?),(\d+),(\d+),(\d+),(\d+),/, '\n$1,$2,-$3,$4,$5,'));
    const bad = await runCli('count', '--merge', byDocument, broken);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/broken\.csv:2:\d+: error: \w+ must be a whole number from 0 up \(got "-\d+"\) \[counts-number\]/);

    const codings = await runCli('count', '--merge', 'test/fixtures/core/plain.txt');
    expect(codings.code).toBe(1);
    expect(codings.stderr).toMatch(/plain\.txt:1:1: error: not a table of qda count/);
  });

  it('needs the codebook to count, and warns about an attribute no one has', async () => {
    const r = await runCli('count', ...TRANSCRIPTS);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/counting needs the codebook/);
    const unknown = await runCli('count', ...TRANSCRIPTS, '-c', CODEBOOK, '--by', 'shoe-size');
    expect(unknown.code).toBe(0);
    expect(unknown.stderr).toMatch(/warning: --by "shoe-size": no document or speaker has this attribute/);
  });
});
