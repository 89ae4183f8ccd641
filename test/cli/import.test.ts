import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

interface ImportedTurn {
  speaker: string | null;
  timestamp: string | null;
  start: number;
  end: number;
  text: string;
}
interface ImportedDocument {
  id: string;
  format: string;
  language: string | null;
  attributes: Record<string, unknown>;
  participants: Array<{ name: string; role?: string; attributes: Record<string, unknown> }>;
  turns: ImportedTurn[];
  text: string;
}

/** stderr without the line per document that says its language. */
const problems = (stderr: string) => stderr.replace(/^[^\n]*: language [^\n]*\n/gm, '');

async function importJson(...argv: string[]): Promise<ImportedDocument[]> {
  const run = await runCli('import', ...argv);
  expect(problems(run.stderr)).toBe('');
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as { documents: ImportedDocument[] }).documents;
}

const fx = 'test/fixtures/formats';
const tmp = mkdtempSync(join(tmpdir(), 'qda-import-'));

describe('qda import', () => {
  it.each(['md', 'docx', 'vtt', 'srt', 'csv', 'xlsx'])(
    'prints interview.%s as the normalised corpus with code-point spans',
    async (format) => {
      const [doc] = await importJson(`data-sample/formats/interview.${format}`);
      expect(doc).toMatchObject({ id: 'interview', format, language: 'id' }); // detected: the interview is in Indonesian
      expect(doc.turns).toHaveLength(14);
      const points = [...doc.text];
      for (const t of doc.turns) expect(points.slice(t.start, t.end).join('')).toBe(t.text);
      expect(doc.turns[1].speaker).toBe('Wulan Sari');
      if (format === 'vtt' || format === 'srt') expect(doc.turns[0].timestamp).toBe('00:00:05.000');
      if (format === 'csv') expect(doc.turns[0].timestamp).toBe('00:00:05');
    },
  );

  it('lays table rows out as labelled paragraphs and counts offsets in code points after an emoji', async () => {
    const [w1, w2] = await importJson(`${fx}/sessions.csv`, '--doc-col', 'sesi', '--speaker-col', 'penutur', '--text-col', 'ucapan');
    expect(w2.text).toBe('Pewawancara: Apa tantangannya?\n\nBudi: Kepercayaan klien, terutama soal kerahasiaan.');
    expect(w2.turns.map((t) => [t.start, t.end])).toEqual([
      [13, 30],
      [38, 83],
    ]);
    const second = w1.turns[1];
    expect(second.text).toBe('Kami mulai dengan genogram 😀 bersama keluarga.');
    expect(second.end - second.start).toBe([...second.text].length);
    expect(second.end - second.start).toBe(second.text.length - 1);
  });

  it('reads many documents from one table with the column options', async () => {
    const docs = await importJson(
      `${fx}/sessions.csv`,
      '--doc-col',
      'sesi',
      '--speaker-col',
      'penutur',
      '--text-col',
      'ucapan',
      '--time-col',
      'menit',
    );
    expect(docs.map((d) => [d.id, d.turns.map((t) => [t.speaker, t.timestamp])])).toEqual([
      [
        'w1',
        [
          ['Pewawancara', '00:00:01.000'],
          ['Sari', '00:00:02.000'],
        ],
      ],
      [
        'w2',
        [
          ['Pewawancara', '00:00:01.000'],
          ['Budi', '00:00:03.000'],
        ],
      ],
    ]);
  });

  it('names the missing text column, and suggests --text-col, with exit 1', async () => {
    const run = await runCli('import', `${fx}/sessions.csv`);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^test\/fixtures\/formats\/sessions\.csv:1:1: error: no text column: .*--text-col.*"sesi", "penutur", "ucapan", "menit".* \[no-text-column\]\n$/,
    );
  });

  it('reads a survey with --survey: one document per question, respondents as speakers', async () => {
    const docs = await importJson(`${fx}/survey.csv`, '--survey');
    expect(docs.map((d) => [d.id, d.attributes.question, d.turns.map((t) => t.speaker)])).toEqual([
      ['survey-apa-tantangan-terbesar-dalam-pekerjaan', 'Apa tantangan terbesar dalam pekerjaan Anda?', ['R-01', 'R-02']],
      ['survey-dukungan-apa-yang-paling-anda-butuhkan', 'Dukungan apa yang paling Anda butuhkan?', ['R-01', 'R-02', 'R-03']],
    ]);
    expect(docs[1].participants[2]).toEqual({ name: 'R-03', attributes: { usia: '29', provinsi: 'Jawa Barat' } });
  });

  it('reads a JSONL corpus', async () => {
    const file = join(tmp, 'c.jsonl');
    writeFileSync(file, '{"id":"a","text":"Ani: Halo."}\n{"id":"b","turns":[{"speaker":"Budi","text":"Hai.","timestamp":"00:01:02"}]}\n');
    const docs = await importJson(file, '--language', 'id');
    expect(docs.map((d) => [d.id, d.language, d.turns.map((t) => [t.speaker, t.timestamp, t.text])])).toEqual([
      ['a', 'id', [['Ani', null, 'Halo.']]],
      ['b', 'id', [['Budi', '00:01:02', 'Hai.']]],
    ]);
  });

  it('reads a file as another format with --input-format', async () => {
    const file = join(tmp, 'captions.txt');
    writeFileSync(file, '1\n00:00:01,000 --> 00:00:02,000\nAni: Halo.\n');
    const [doc] = await importJson(file, '--input-format', 'srt');
    expect(doc).toMatchObject({ id: 'captions', format: 'srt', turns: [{ speaker: 'Ani', timestamp: '00:00:01.000', text: 'Halo.' }] });
  });

  it('warns with the file name on a Windows-1252 file and still reads it', async () => {
    const file = join(tmp, 'ansi.csv');
    writeFileSync(
      file,
      Buffer.from([
        ...Buffer.from('pembicara,teks\nRen'),
        0xe9,
        ...Buffer.from(',Caf'),
        0xe9,
        0x20,
        0x96,
        0x20,
        0x93,
        0x6f,
        0x6b,
        0x94,
        0x0a,
      ]),
    );
    const run = await runCli('import', file);
    expect(run.code).toBe(0);
    expect(problems(run.stderr)).toBe(
      `${file}: warning: file is not valid UTF-8; read it as Windows-1252 — check accented letters [encoding-fallback]\n`,
    );
    expect(JSON.parse(run.stdout).documents[0].turns[0]).toMatchObject({ speaker: 'René', text: 'Café – “ok”' });
  });

  it('reports a document id used by two files', async () => {
    const run = await runCli('import', 'data-sample/formats/interview.md', 'data-sample/formats/interview.vtt');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^data-sample\/formats\/interview\.vtt: error: document id "interview" is already used .* \[duplicate-document-id\]\n$/,
    );
  });

  it.each([
    [['--input-format', 'doc'], 2],
    [['--survey=yes'], 2],
  ])('rejects bad options %j with exit %i', async (options, code) => {
    const run = await runCli('import', 'data-sample/formats/interview.md', ...options);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
  });

  it('lists the table options in its help', async () => {
    const run = await runCli('import', '--help');
    for (const option of ['--speaker-col', '--text-col', '--time-col', '--doc-col', '--survey']) expect(run.stdout).toContain(option);
  });
});

describe('qda code with table options', () => {
  it.each(['1', '2'])('passes the options to the readers (--jobs %s)', async (jobs) => {
    const out = join(tmp, `codings-${jobs}.csv`);
    const run = await runCli('code', `${fx}/survey.csv`, '--survey', '--codebook', `${fx}/codebook.yaml`, '--jobs', jobs, '--out', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.document, r.speaker, r.code])).toEqual([
      ['survey-apa-tantangan-terbesar-dalam-pekerjaan', 'R-01', 'barrier/trust'],
      ['survey-apa-tantangan-terbesar-dalam-pekerjaan', 'R-02', 'stage/intake'],
      ['survey-apa-tantangan-terbesar-dalam-pekerjaan', 'R-02', 'stage/referral'],
      ['survey-dukungan-apa-yang-paling-anda-butuhkan', 'R-01', 'support/self-care'],
      ['survey-dukungan-apa-yang-paling-anda-butuhkan', 'R-02', 'stage/assessment'],
      ['survey-dukungan-apa-yang-paling-anda-butuhkan', 'R-02', 'support/family'],
      ['survey-dukungan-apa-yang-paling-anda-butuhkan', 'R-03', 'support/family'],
    ]);
  });
});
