import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/io/read-corpus.js';
import { runCli } from '../helpers/cli.js';

// A researcher shares outputs of every command with a supervisor: names must never show.
const transcript = 'data-sample/transcripts/informan-01.md';
const codebook = 'codebooks/lk3-psychosocial.yaml';
const key = 'data-sample/pseudonyms.csv';
const real = 'Nurlaila';
const dir = mkdtempSync(join(tmpdir(), 'qda-inputs-cli-'));
const rows = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;

describe('--cases and --pseudonyms on every command that prints names or text', () => {
  it('qda code: speakers and texts pseudonymised, offsets unchanged', async () => {
    const plain = await runCli('code', transcript, '--codebook', codebook);
    const anon = await runCli('code', transcript, '--codebook', codebook, '--pseudonyms', key);
    expect(anon.code).toBe(0);
    expect(plain.stdout).toContain(real);
    expect(anon.stdout).not.toContain(real);
    expect(rows(anon.stdout).map((r) => [r.segment, r.code, r.start, r.end])).toEqual(
      rows(plain.stdout).map((r) => [r.segment, r.code, r.start, r.end]),
    );
  });

  it('qda code --pseudonyms: start/end count the original transcript, and --help says so', async () => {
    const file = join(dir, 'named.md');
    writeFileSync(file, 'Pewawancara: Kapan Nurlaila cerita?\nNurlaila: Nurlaila cerita kalau pacarnya posesif.\n');
    const [row] = rows((await runCli('code', file, '--codebook', codebook, '--pseudonyms', key)).stdout).filter(
      (r) => r.code === 'factor/attachment',
    );
    expect(row.text).toBe('Informan A cerita kalau pacarnya posesif.');
    const { corpus } = await readCorpus([file]);
    const original = [...corpus.documents[0].text];
    // The offsets find the coded word in the real transcript; the pseudonymised text, longer
    // than the name it replaces, has other words there.
    expect(original.slice(Number(row.start), Number(row.end)).join('')).toBe('pacarnya posesif');
    const segmentStart = corpus.documents[0].text.indexOf('Nurlaila cerita');
    expect([...row.text].slice(Number(row.start) - segmentStart, Number(row.end) - segmentStart).join('')).not.toBe('pacarnya posesif');
    const help = (await runCli('code', '--help')).stdout.replace(/\s+/g, ' ');
    expect(help).toContain(
      'With --pseudonyms, speaker and text hold pseudonyms but start/end (and the JSON hits) still count code points of the original transcript',
    );
  });

  it('qda code --cases: a role given in the cases file decides what a role-filtered code codes', async () => {
    const plain = rows((await runCli('code', transcript, '--codebook', codebook, '--interviewer', 'none')).stdout);
    // Without front matter roles, the cases file says Pewawancara is the interviewer.
    const bare = join(dir, 'bare.md');
    writeFileSync(bare, readFileSync(transcript, 'utf8').replace(/^---[\s\S]*?\n---\n/, ''));
    const cases = join(dir, 'cases.csv');
    writeFileSync(cases, 'speaker,role\nPewawancara,interviewer\nNurlaila,social worker\n');
    const unroled = rows((await runCli('code', bare, '--codebook', codebook, '--interviewer', 'none')).stdout);
    const roled = rows((await runCli('code', bare, '--codebook', codebook, '--interviewer', 'none', '--cases', cases)).stdout);
    expect(unroled.some((r) => r.speaker === 'Pewawancara')).toBe(true);
    expect(roled.some((r) => r.speaker === 'Pewawancara')).toBe(false);
    expect(roled.length).toBe(plain.length);
  });

  it('qda kwic and qda validate take --pseudonyms', async () => {
    const kwic = await runCli('kwic', transcript, '--term', 'keluarga', '--pseudonyms', key, '--format', 'csv');
    expect(kwic.code).toBe(0);
    expect(kwic.stdout).not.toContain(real);
    expect((await runCli('kwic', transcript, '--term', 'keluarga', '--format', 'csv')).stdout).toContain(real);
    const validate = await runCli(
      'validate',
      transcript,
      '--codebook',
      codebook,
      '--gold',
      'data-sample/coders/coder-a.csv',
      '--pseudonyms',
      key,
    );
    expect(validate.code).toBe(0);
    expect(validate.stdout).not.toContain(real);
  });

  it('qda qdpx export takes --cases', async () => {
    const cases = join(dir, 'doc-cases.csv');
    writeFileSync(cases, 'document,site\ninforman-01,Bandung\n');
    const out = join(dir, 'p.qdpx');
    const r = await runCli('qdpx', 'export', transcript, '--codebook', codebook, '--cases', cases, '--out', out);
    expect(r.code).toBe(0);
    const back = await runCli('import', out);
    expect(JSON.parse(back.stdout).documents[0].attributes.site).toBe('Bandung');
  });

  it("qda report --labels en uses the codebook's English labels, and refuses a language it has none in", async () => {
    const out = join(dir, 'report-en');
    const r = await runCli('report', transcript, '--codebook', codebook, '--labels', 'en', '--out', out);
    expect(r.code).toBe(0);
    const factor = rows(readFileSync(join(out, 'frequencies.csv'), 'utf8')).find((x) => x.code === 'factor')!;
    expect(factor.label).toMatch(/^[A-Z][a-z]+ /);
    expect(factor.label).not.toBe('Faktor penyebab kekerasan seksual');
    const bad = await runCli('report', transcript, '--codebook', codebook, '--labels', 'fr', '--out', join(dir, 'x'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--labels fr: no code of .* has a label in that language; it has labels in: id, en/);
  });
});
