import { describe, expect, it } from 'vitest';
import { retrieve } from '../../src/analysis/retrieve.js';
import { fromText } from '../../src/import/text.js';
import { emptyRules, type Codebook } from '../../src/model/codebook.js';
import type { Coding } from '../../src/model/coding.js';
import { segmentDocument } from '../../src/text/segment.js';

const doc = (id: string, year: string, body: string) =>
  fromText(`---\nid: ${id}\ndate: ${year}-05-01\nregion: ${id === 'a' ? 'north' : 'south'}\n---\n\n${body}`, { file: `${id}.md` }).corpus
    .documents[0];
const a = doc('a', '2024', 'Ana: Aku takut 😀 bilang ke ibu.\n\nBudi: Kenapa?\n\nAna: Malu, dan tidak ada yang percaya.');
const b = doc('b', '2025', 'Citra: Saya langsung cerita ke dosen.');
const codebook: Codebook = {
  language: 'en',
  codes: ['barrier', 'barrier/shame', 'help'].map((id) => ({
    id,
    parent: id.includes('/') ? 'barrier' : null,
    labels: { en: id },
    examples: [],
    rules: emptyRules(),
  })),
};
const segments = [...segmentDocument(a), ...segmentDocument(b)];
const at = (d: typeof a, phrase: string, code: string, coder = 'ana'): Coding => {
  const start = d.text.indexOf(phrase);
  const seg = segmentDocument(d).find((s) => s.start <= start && s.end >= start + phrase.length)!;
  return { document: d.id, segment: seg.index, code, start, end: start + phrase.length, coder, source: 'manual', matches: [] };
};
const codings = [
  at(a, 'takut 😀 bilang', 'barrier'),
  at(a, 'takut 😀 bilang', 'barrier', 'budi'),
  at(a, 'ke ibu', 'help'),
  at(a, 'Malu', 'barrier/shame'),
  at(b, 'cerita ke dosen', 'help'),
];
const coded = { documents: [a, b], segments, codings };

describe('retrieve', () => {
  it('lists every passage of a code and its sub-codes once, in document order, with (Name, Year)', () => {
    const quotes = retrieve(coded, codebook, { code: 'barrier' });
    expect(quotes.map((q) => [q.text, q.citation, q.rank])).toEqual([
      ['takut 😀 bilang', '(Ana, 2024)', 1],
      ['Malu', '(Ana, 2024)', 2],
    ]);
  });

  it('lists segments where two codes meet, with both spans marked', () => {
    const [quote, ...rest] = retrieve(coded, codebook, { code: 'barrier', and: 'help' });
    expect(rest).toEqual([]);
    expect(quote.text).toBe('Aku takut 😀 bilang ke ibu.');
    expect(quote.marks.map((m) => quote.text.slice(m.start, m.end))).toEqual(['takut 😀 bilang', 'ke ibu']);
  });

  it('keeps to documents with an attribute value', () => {
    expect(retrieve(coded, codebook, { code: 'help', attribute: { name: 'region', value: 'south' } }).map((q) => q.citation)).toEqual([
      '(Citra, 2025)',
    ]);
    expect(retrieve(coded, codebook, { code: 'help', attribute: { name: 'region', value: 'east' } })).toEqual([]);
  });

  it('names an unknown code', () => {
    expect(() => retrieve(coded, codebook, { code: 'nope' })).toThrow(/code "nope" is not in the codebook/);
  });
});
