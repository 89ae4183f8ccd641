import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { joinCases } from '../../src/import/cases.js';
import { readCases } from '../../src/io/read-cases.js';
import { readCorpus } from '../../src/io/read-corpus.js';
import { formatMessage } from '../../src/model/message.js';
import { TRANSCRIPTS } from '../report/fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'qda-cases-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function joined(casesFile: string) {
  const { corpus } = await readCorpus(TRANSCRIPTS);
  const { cases, messages } = await readCases(casesFile);
  const result = joinCases(corpus, cases!);
  return { before: corpus, corpus: result.corpus, messages: [...messages, ...result.messages].map(formatMessage) };
}

const participant = (corpus: Awaited<ReturnType<typeof joined>>['corpus'], doc: string, name: string) =>
  corpus.documents.find((d) => d.id === doc)!.participants.find((p) => p.name === name)!;

describe('cases', () => {
  it('joins a speaker row onto that participant, fills a missing role, and warns about an unmatched case at its line', async () => {
    const r = await joined('test/fixtures/report/cases.csv');
    expect(participant(r.corpus, 'interview-c', 'Maya Lestari')).toEqual({
      name: 'Maya Lestari',
      role: 'social worker',
      attributes: { role: 'social worker', institution: 'Unit Layanan', years_of_practice: 5 },
    });
    expect(participant(r.corpus, 'wawancara-b', 'Budi Santoso').attributes.years_of_practice).toBe(12);
    expect(participant(r.before, 'interview-c', 'Maya Lestari').role).toBeUndefined();
    expect(r.messages).toEqual([
      'test/fixtures/report/cases.csv:5:1: warning: case "Rina Wati" matches no speaker or document id in the transcripts; its attributes are not used [case-unmatched]',
    ]);
  });

  it('joins document rows by id with a `document` column', async () => {
    const r = await joined(file('docs.csv', 'document,site\nwawancara-a,Jakarta\ninterview-c,Bandung\nnope,X\n'));
    expect(r.corpus.documents.map((d) => d.attributes.site)).toEqual(['Jakarta', undefined, 'Bandung']);
    expect(r.messages).toEqual([
      `${dir}/docs.csv:4:1: warning: case "nope" matches no document id in the transcripts; its attributes are not used [case-unmatched]`,
    ]);
  });

  it('reports a case that matches twice (a speaker and a document id) and a case listed twice', async () => {
    const r = await joined(file('twice.csv', 'case,group\nwawancara-a,A\nSiti Rahma,B\nsiti rahma,C\n'));
    expect(r.messages).toEqual([
      `${dir}/twice.csv:4:1: warning: case "siti rahma" is listed twice (first on line 3); the later row's values win [duplicate-case]`,
    ]);
    expect(participant(r.corpus, 'wawancara-a', 'Siti Rahma').attributes.group).toBe('C');
    const both = await joined(file('both.csv', 'name,group\nPewawancara,I\n'));
    expect(both.messages).toEqual([]);
    const ambiguous = await joined(file('ambiguous.csv', 'name,group\nwawancara-b,X\n'));
    expect(ambiguous.corpus.documents[1].attributes.group).toBe('X');
  });

  it('joins a speaker within one document when the table has both speaker and document columns', async () => {
    const r = await joined(file('pair.csv', 'document,speaker,mood\nwawancara-a,Pewawancara,calm\n'));
    expect(participant(r.corpus, 'wawancara-a', 'Pewawancara').attributes.mood).toBe('calm');
    expect(participant(r.corpus, 'wawancara-b', 'Pewawancara').attributes.mood).toBeUndefined();
  });

  it('reads the first sheet of an XLSX file', async () => {
    const blob = await writeXlsxFile([
      ['name', 'role', 'years'],
      ['Maya Lestari', 'academic', 7],
    ]).toBlob();
    const path = join(dir, 'cases.xlsx');
    writeFileSync(path, new Uint8Array(await blob.arrayBuffer()));
    const r = await joined(path);
    expect(participant(r.corpus, 'interview-c', 'Maya Lestari')).toMatchObject({ role: 'academic', attributes: { years: 7 } });
  });

  it.each([
    ['missing file', join(dir, 'none.csv'), /none\.csv: error: file not found \[file-unreadable\]/],
    ['empty file', 'EMPTY', /empty\.csv: error: file is empty/],
    ['bad xlsx', 'BADXLSX', /bad\.xlsx: error: cannot read this XLSX file/],
  ])('%s is a fatal located message', async (_name, path, pattern) => {
    const target = path === 'EMPTY' ? file('empty.csv', '\n\n') : path === 'BADXLSX' ? file('bad.xlsx', 'not a zip') : path;
    const { cases, messages } = await readCases(target);
    expect(cases).toBeNull();
    expect(messages.map(formatMessage).join('\n')).toMatch(pattern);
    expect(messages.every((m) => m.fatal)).toBe(true);
  });
});
