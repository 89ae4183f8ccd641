import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codebookYaml, generateTerms, writeCorpus } from '../../bench/generate.js';
import { runCli } from '../helpers/cli.js';

describe('qda code on a JSONL corpus with workers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qda-jobs-'));
  const corpus = join(dir, 'corpus.jsonl');
  const codebook = join(dir, 'cb.yaml');

  it('gives byte-identical output with --jobs 1 and --jobs 2, in every format', async () => {
    const terms = generateTerms(60, ['pacar', 'asesmen', 'keluarga', 'kepercayaan', 'family', 'trust']);
    writeFileSync(codebook, codebookYaml(terms));
    await writeCorpus(corpus, 3, terms);
    for (const format of ['csv', 'jsonl', 'json']) {
      const one = await runCli('code', corpus, 'test/fixtures/core/plain.txt', '--codebook', codebook, '--jobs', '1', '--format', format);
      const two = await runCli('code', corpus, 'test/fixtures/core/plain.txt', '--codebook', codebook, '--jobs', '2', '--format', format);
      expect(one.code).toBe(0);
      expect(two.code).toBe(0);
      expect(one.stdout.length).toBeGreaterThan(100_000);
      expect(two.stdout === one.stdout).toBe(true);
    }
  });

  it('codes every record, never the interviewer, with offsets into each record text', async () => {
    const r = await runCli('code', corpus, '--codebook', codebook, '--format', 'jsonl', '--jobs', '2');
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const records = readFileSync(corpus, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const texts = new Map(records.map((x) => [x.id, [...x.text]]));
    expect(new Set(rows.map((x) => x.document)).size).toBe(records.length);
    for (const row of rows.slice(0, 500)) {
      expect(row.speaker).toBe('Informan');
      const span = texts.get(row.document)!.slice(row.start, row.end).join('');
      expect(row.text).toContain(span);
    }
  });

  it('reports a bad JSONL line with its line number and writes nothing', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"id":"a","text":"Ani: halo"}\n{"id": "b", text}\n');
    const r = await runCli('code', bad, '--codebook', codebook, '--jobs', '2');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.jsonl:2:1: error: not valid JSON/);
    expect(r.stdout).toBe('');
  });

  it('caps --jobs at the number of cores with a warning, and still gives the same output', async () => {
    const cores = availableParallelism();
    const capped = await runCli('code', corpus, '--codebook', codebook, '--jobs', '1000');
    expect(capped.code).toBe(0);
    expect(capped.stderr).toBe(`qda: warning: --jobs 1000 is more than the ${cores} cores of this machine; using ${cores}\n`);
    expect(capped.stdout).toBe((await runCli('code', corpus, '--codebook', codebook, '--jobs', '1')).stdout);
  });

  it('rejects a bad --jobs value as a usage error', async () => {
    const r = await runCli('code', corpus, '--codebook', codebook, '--jobs', 'zero');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--jobs must be a whole number/);
  });
});
