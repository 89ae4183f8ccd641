import { describe, expect, it } from 'vitest';
import { fromText } from '../../src/import/text.js';
import type { Coding } from '../../src/model/coding.js';
import { pseudonymisedDocuments } from '../../src/report/pseudonymised-documents.js';
import { pseudonymiser } from '../../src/report/pseudonyms.js';
import { seeded } from '../helpers/cli.js';

const key = [
  { name: 'Nurlaila', pseudonym: 'Informan A' },
  { name: 'Fauzan Hidayat', pseudonym: 'Informan B' },
  { name: 'Fauzan', pseudonym: 'Informan B' },
  { name: 'Ika', pseudonym: 'Partisipan Satu' },
];
const names = pseudonymiser(key);

function coding(document: string, start: number, end: number, code = 'factor'): Coding {
  return { document, segment: 1, code, start, end, coder: 'ana', source: 'manual', matches: [] };
}

describe('pseudonymisedDocuments', () => {
  const text = 'Pewawancara: Kapan Nurlaila cerita?\nNurlaila: Nurlailanya bilang Fauzan Hidayat 😀 posesif, kata Ika.\n';
  const doc = fromText(text, { file: 'nurlaila-01.md' }).corpus.documents[0];

  it('replaces names in the text, ids and speakers, and moves turns and codings with their words', () => {
    const said = text.indexOf('Fauzan Hidayat 😀 posesif');
    const spans = [coding(doc.id, said, said + 'Fauzan Hidayat 😀 posesif'.length), coding(doc.id, text.indexOf('posesif'), text.indexOf('posesif') + 7)];
    const out = pseudonymisedDocuments([doc], spans, key);
    const [moved] = out.documents;
    expect(moved.id).toBe('Informan A-01');
    expect(moved.text).toBe('Pewawancara: Kapan Informan A cerita?\nInforman A: Informan A-nya bilang Informan B 😀 posesif, kata Partisipan Satu.\n');
    expect(moved.turns.map((t) => [t.speaker, moved.text.slice(t.start, t.end)])).toEqual([
      ['Pewawancara', 'Kapan Informan A cerita?'],
      ['Informan A', 'Informan A-nya bilang Informan B 😀 posesif, kata Partisipan Satu.'],
    ]);
    expect(moved.participants.map((p) => p.name)).toEqual(['Pewawancara', 'Informan A']);
    expect(out.codings.map((c) => [c.document, moved.text.slice(c.start, c.end)])).toEqual([
      ['Informan A-01', 'Informan B 😀 posesif'],
      ['Informan A-01', 'posesif'],
    ]);
    // The input is left as it was.
    expect(doc.text).toBe(text);
    expect(spans[0].start).toBe(said);
  });

  it('covers a whole pseudonym when a span starts or ends inside a name', () => {
    const inside = text.indexOf('Hidayat');
    const [c] = pseudonymisedDocuments([doc], [coding(doc.id, inside, inside + 'Hidayat 😀'.length)], key).codings;
    const moved = pseudonymisedDocuments([doc], [], key).documents[0];
    expect(moved.text.slice(c.start, c.end)).toBe('Informan B 😀');
  });

  it('keeps every coding on the same words: a span between words is moved onto the pseudonymised words (seeded)', () => {
    const random = seeded(11);
    // "Hidayat" alone is left out: after "Fauzan" it would make a name across two words.
    const words = ['Nurlaila', 'Fauzan', 'Ika', 'pacarnya', 'Fauzan Hidayat', 'kami', '😀', 'asesmen', 'Nurlailanya', 'Ikan', 'dan'];
    for (let round = 0; round < 300; round++) {
      const said = Array.from({ length: 4 + Math.floor(random() * 20) }, () => words[Math.floor(random() * words.length)]);
      // Where each word starts and ends, as a coder selects them.
      const bounds: number[] = [];
      let source = 'Ani: ';
      for (const word of said) {
        bounds.push(source.length, source.length + word.length);
        source += `${word} `;
      }
      source += '\nIka: akhir.\n';
      const d = fromText(source, { file: `r${round}.txt`, id: `r${round}` }).corpus.documents[0];
      const codings = Array.from({ length: 5 }, () => {
        const a = bounds[Math.floor(random() * bounds.length)];
        const b = bounds[Math.floor(random() * bounds.length)];
        return coding(d.id, Math.min(a, b), Math.max(a, b));
      }).filter((c) => c.end > c.start);
      const out = pseudonymisedDocuments([d], codings, names);
      const moved = out.documents[0];
      expect(moved.text).toBe(names.text(source));
      out.codings.forEach((c, i) => {
        const original = source.slice(codings[i].start, codings[i].end);
        expect(moved.text.slice(c.start, c.end), original).toBe(names.text(original));
      });
      moved.turns.forEach((t, i) => expect(moved.text.slice(t.start, t.end)).toBe(names.text(source.slice(d.turns[i].start, d.turns[i].end))));
    }
  });
});
