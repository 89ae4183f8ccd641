import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../src/io/read-corpus.js';
import { OffsetMap } from '../../src/text/offsets.js';
import { runCli } from '../helpers/cli.js';

// The same fictional interview in six formats: every format must give the turns of the
// plain-text reference and the same `qda code` output, apart from offsets (which depend on
// each format's layout of the document text).
const dir = 'data-sample/formats';
const FORMATS = ['docx', 'vtt', 'srt', 'csv', 'xlsx'];
const codebook = 'test/fixtures/formats/codebook.yaml';

async function turnsOf(file: string) {
  const { corpus, messages } = await readTranscript(file);
  expect(messages).toEqual([]);
  expect(corpus.documents).toHaveLength(1);
  const doc = corpus.documents[0];
  return { doc, turns: doc.turns.map((t) => ({ speaker: t.speaker, text: doc.text.slice(t.start, t.end) })) };
}

async function codings(file: string, unit: string) {
  const run = await runCli('code', file, '--codebook', codebook, '--unit', unit, '--jobs', '1');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return Papa.parse<Record<string, string>>(run.stdout, { header: true, skipEmptyLines: true }).data;
}

const independent = (rows: Array<Record<string, string>>) =>
  rows.map(({ document, segment, speaker, code, matches, text }) => ({ document, segment, speaker, code, matches, text }));

describe('data-sample/formats: one interview, six formats', async () => {
  const reference = await turnsOf(`${dir}/interview.md`);

  it('the reference has two speakers and a dozen turns or more', () => {
    expect(new Set(reference.turns.map((t) => t.speaker))).toEqual(new Set(['Pewawancara', 'Wulan Sari']));
    expect(reference.turns.length).toBeGreaterThanOrEqual(12);
  });

  it.each(FORMATS)('%s gives the same speakers and turn texts', async (format) => {
    const { doc, turns } = await turnsOf(`${dir}/interview.${format}`);
    expect(doc.id).toBe('interview');
    expect(doc.format).toBe(format);
    expect(turns).toEqual(reference.turns);
  });

  it.each(['turn', 'sentence'])('qda code --unit %s gives the same codings for every format', async (unit) => {
    const expected = await codings(`${dir}/interview.md`, unit);
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expect(expected.some((r) => r.speaker === 'Pewawancara')).toBe(false);
    for (const format of FORMATS) {
      const rows = await codings(`${dir}/interview.${format}`, unit);
      expect(independent(rows), format).toEqual(independent(expected));
    }
  });

  it.each(FORMATS)('%s offsets point at the coded words, inside the utterances of its own text', async (format) => {
    const file = `${dir}/interview.${format}`;
    const { doc } = await turnsOf(file);
    const points = [...doc.text];
    const offsets = new OffsetMap(doc.text);
    const turns = doc.turns.map((t) => ({ start: offsets.toCodePoint(t.start), end: offsets.toCodePoint(t.end) }));
    const run = await runCli('code', file, '--codebook', codebook, '--format', 'jsonl', '--jobs', '1');
    const rows = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { start: number; end: number; text: string; hits: Array<{ start: number; end: number }> });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(turns.some((t) => t.start <= row.start && row.end <= t.end)).toBe(true);
      expect(row.text).toContain(points.slice(row.start, row.end).join(''));
      for (const hit of row.hits) expect(points.slice(hit.start, hit.end).join('')).toMatch(/^\p{L}/u);
    }
  });
});
