import { beforeAll, describe, expect, it } from 'vitest';
import { kwic } from '../../src/coding/kwic.js';
import type { Codebook } from '../../src/model/codebook.js';
import type { Document } from '../../src/model/document.js';
import { fixtureCorpus } from '../report/fixture.js';

let documents: Document[];
let codebook: Codebook;
beforeAll(async () => {
  const f = await fixtureCorpus();
  documents = f.corpus.documents;
  codebook = f.codebook;
});

describe('kwic', () => {
  it('finds a term stemmed like a codebook term, with window words each side, in corpus order', () => {
    const lines = kwic(documents, { term: 'pacar' }, { window: 3 });
    expect(lines.map((l) => [l.document, l.segment, l.speaker, l.left, l.keyword, l.right])).toEqual([
      ['wawancara-a', 1, 'Pewawancara', 'Boleh cerita tentang', 'pacar', 'dan asesmen di'],
      ['wawancara-a', 2, 'Siti Rahma', 'karena masalah dengan', 'pacar', '. Mereka bilang terlalu'],
      ['wawancara-a', 5, 'Siti Rahma', 'Satu lagi,', 'pacarnya', 'sering mengatur semua'],
      ['wawancara-b', 2, 'Budi Santoso', 'mahasiswi bergantung pada', 'pacar', ', terlalu cinta sampai'],
      ['wawancara-b', 4, 'Budi Santoso', 'mahasiswi bergantung pada', 'pacar', ', terlalu cinta sampai'],
    ]);
    expect(lines[0]).toMatchObject({ timestamp: '00:00:05', term: 'pacar' });
    const a = documents.find((d) => d.id === 'wawancara-a')!;
    for (const l of lines.filter((x) => x.document === 'wawancara-a')) expect(a.text.slice(l.start, l.end)).toBe(l.keyword);
  });

  it("stems the term in each document's language", () => {
    expect(kwic(documents, { term: 'assess' }).map((l) => [l.document, l.keyword])).toEqual([
      ['interview-c', 'assessment'],
      ['interview-c', 'assessment'],
    ]);
    expect(kwic(documents, { term: '=asesmen' }).map((l) => l.keyword)).toEqual(['asesmen', 'asesmen']);
    expect(kwic(documents, { term: 'seperti keluarga' }).map((l) => l.keyword)).toEqual(['seperti keluarga']);
  });

  it("shows a code's matches and its children's, with the code's speaker filters", () => {
    const lines = kwic(documents, { code: 'factor', codebook });
    expect(lines.every((l) => l.speaker !== 'Pewawancara' && l.speaker !== 'Interviewer')).toBe(true);
    expect(new Set(lines.map((l) => l.term))).toEqual(
      new Set([
        'pacar',
        'terlalu cinta',
        'ketergantungan*',
        'sepupu',
        'seperti keluarga',
        'boyfriend',
        'too much in love',
        'uncle',
        'cousin',
        'like family',
      ]),
    );
    expect(kwic(documents, { code: 'factor/proximity', codebook }).map((l) => l.keyword)).toEqual([
      'sepupu',
      'seperti keluarga',
      'uncle',
      'cousin',
      'like family',
    ]);
  });

  it('gives bare keywords with a window of 0, and nothing for a term that never occurs', () => {
    expect(kwic(documents, { term: 'genogram' }, { window: 0 }).map((l) => [l.left, l.keyword, l.right])).toEqual([
      ['', 'genogram', ''],
      ['', 'genogram', ''],
    ]);
    expect(kwic(documents, { term: 'zebra' })).toEqual([]);
  });
});
