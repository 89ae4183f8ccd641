import { describe, expect, it } from 'vitest';
import { quoteBank, type EvidencedCoding } from '../../src/analysis/quotes.js';
import { emptyRules, type Codebook } from '../../src/model/codebook.js';
import type { Document } from '../../src/model/document.js';
import type { Segment } from '../../src/model/segment.js';

const codebook: Codebook = {
  language: 'en',
  codes: [
    { id: 'f', parent: null, labels: { en: 'Family' }, examples: [], rules: emptyRules() },
    { id: 'f/a', parent: 'f', labels: { en: 'attachment' }, examples: [], rules: emptyRules() },
  ],
};

/** A document whose turns are `[speaker, text, timestamp?]`, with its segments (one per turn). */
function doc(id: string, turns: Array<[string | null, string, string?]>, attributes: Document['attributes'] = { date: '2024-05-01' }) {
  let text = '';
  const segments: Segment[] = [];
  turns.forEach(([speaker, body, timestamp], i) => {
    if (i > 0) text += '\n\n';
    const start = text.length;
    text += body;
    segments.push({ document: id, index: i + 1, speaker, start, end: text.length, text: body, ...(timestamp ? { timestamp } : {}) });
  });
  const document: Document = { id, file: `${id}.md`, format: 'md', text, attributes, participants: [], turns: [] };
  return { document, segments };
}

/** An automatic coding of `f/a` on a segment with a hit on every occurrence of each word. */
function coded(d: { document: Document; segments: Segment[] }, index: number, words: string[]): EvidencedCoding {
  const s = d.segments[index - 1];
  const hits = words.flatMap((w) =>
    [...s.text.matchAll(new RegExp(`\\b${w}\\b`, 'gi'))].map((m) => ({
      start: s.start + m.index!,
      end: s.start + m.index! + m[0].length,
      term: w,
    })),
  );
  hits.sort((a, b) => a.start - b.start);
  return {
    document: s.document,
    segment: s.index,
    code: 'f/a',
    start: hits[0].start,
    end: hits[hits.length - 1].end,
    coder: 'auto',
    source: 'auto',
    matches: words,
    hits,
  };
}

function bank(docs: Array<{ document: Document; segments: Segment[] }>, codings: EvidencedCoding[], perCode = 3) {
  return quoteBank({ documents: docs.map((d) => d.document), segments: docs.flatMap((d) => d.segments), codings }, codebook, { perCode });
}

const marked = (q: { text: string; marks: Array<{ start: number; end: number }> }) => q.marks.map((m) => q.text.slice(m.start, m.end));

describe('quoteBank', () => {
  it('quotes a short segment whole, marks the matched words, and cites (Name, Year)', () => {
    const d = doc('a', [
      ['Ani', 'She loved her boyfriend so much. The boyfriend decided everything for her, even her friends.', '00:01:02'],
    ]);
    const [q] = bank([d], [coded(d, 1, ['boyfriend'])]);
    expect(q).toMatchObject({
      code: 'f/a',
      label: 'attachment',
      rank: 1,
      document: 'a',
      segment: 1,
      speaker: 'Ani',
      timestamp: '00:01:02',
      year: '2024',
      citation: '(Ani, 2024)',
    });
    expect(q.text).toBe(d.segments[0].text);
    expect(marked(q)).toEqual(['boyfriend', 'boyfriend']);
    expect(q.terms).toEqual(['boyfriend']);
    expect(d.document.text.slice(q.start, q.end)).toBe(q.text);
  });

  it('trims a long turn to the sentences around the match, with … at the cut ends', () => {
    const filler = (n: number) =>
      Array.from({ length: n }, (_, i) => `Sentence number ${i} talks about the weather and the campus garden today.`).join(' ');
    const body = `${filler(5)} She said she was too attached to her boyfriend to leave him. ${filler(5)}`;
    const d = doc('a', [['Ani', body]]);
    const [q] = bank([d], [coded(d, 1, ['attached', 'boyfriend'])]);
    expect(q.text.startsWith('… ')).toBe(true);
    expect(q.text.endsWith(' …')).toBe(true);
    expect(q.text).toContain('She said she was too attached to her boyfriend to leave him.');
    expect(q.text.split(/\s+/).length).toBeLessThanOrEqual(62);
    expect(marked(q)).toEqual(['attached', 'boyfriend']);
  });

  it('cuts a single over-long sentence to a window of words around the match', () => {
    const words = Array.from({ length: 150 }, (_, i) => `w${i}`);
    words[100] = 'boyfriend';
    const d = doc('a', [['Ani', `${words.join(' ')}.`]]);
    const [q] = bank([d], [coded(d, 1, ['boyfriend'])]);
    expect(q.text.startsWith('… ')).toBe(true);
    expect(q.text.split(' ').filter((w) => /\w/.test(w)).length).toBe(60);
    expect(marked(q)).toEqual(['boyfriend']);
  });

  it('marks only the first and last word of a long match (a near window, a wide regex)', () => {
    const d = doc('a', [['Ani', 'She was attached to her own boyfriend, and too much in love.']]);
    const s = d.segments[0];
    const at = (w: string) => s.start + s.text.indexOf(w);
    const hits = [
      { start: at('attached'), end: at('boyfriend') + 'boyfriend'.length, term: 'attached NEAR/5 boyfriend' },
      { start: at('too'), end: at('love') + 4, term: 'too much in love' },
    ];
    const coding: EvidencedCoding = {
      document: 'a',
      segment: 1,
      code: 'f/a',
      start: hits[0].start,
      end: hits[1].end,
      coder: 'auto',
      source: 'auto',
      matches: [],
      hits,
    };
    expect(marked(bank([d], [coding])[0])).toEqual(['attached', 'boyfriend', 'too much in love']);
  });

  it('collapses line breaks and keeps the marks on their words', () => {
    const d = doc('a', [['Ani', 'First line about the\nboyfriend.\n\n   Second   paragraph, boyfriend again.']]);
    const [q] = bank([d], [coded(d, 1, ['boyfriend'])]);
    expect(q.text).toBe('First line about the boyfriend. Second paragraph, boyfriend again.');
    expect(marked(q)).toEqual(['boyfriend', 'boyfriend']);
  });

  it('drops near-duplicates and spreads quotes across informants', () => {
    const dense =
      'Her boyfriend, the boyfriend she loved, was a possessive boyfriend who checked her phone every night and chose her friends.';
    const d = doc('a', [
      ['Ani', dense],
      ['Ani', `${dense} Really.`],
      ['Ani', 'Another boyfriend story, with a boyfriend who was jealous of every classmate and every lecturer she met.'],
      ['Budi', 'Sometimes a boyfriend pays the rent, so leaving feels impossible for the student who depends on him.'],
    ]);
    const quotes = bank(
      [d],
      [1, 2, 3, 4].map((i) => coded(d, i, ['boyfriend'])),
      3,
    );
    expect(quotes.map((q) => q.segment)).toEqual([1, 4, 3]);
    expect(quotes.map((q) => q.rank)).toEqual([1, 2, 3]);
  });

  it('names the document when the speaker is unknown and writes n.d. without a date', () => {
    const d = doc('memo', [[null, 'A note: the boyfriend came to the office twice and asked for her schedule.']], {});
    expect(bank([d], [coded(d, 1, ['boyfriend'])])[0].citation).toBe('(memo, n.d.)');
  });

  it('marks a manual coding only when it covers part of the segment', () => {
    const d = doc('a', [
      ['Ani', 'Whole turn coded by hand, about dependence on a partner and money.'],
      ['Ani', 'Only this part is coded: she could not leave him. The rest is context.'],
    ]);
    const s2 = d.segments[1];
    const part = s2.text.indexOf('she could not leave him');
    const manual: EvidencedCoding[] = [
      {
        document: 'a',
        segment: 1,
        code: 'f/a',
        start: d.segments[0].start,
        end: d.segments[0].end,
        coder: 'ana',
        source: 'manual',
        matches: [],
      },
      {
        document: 'a',
        segment: 2,
        code: 'f/a',
        start: s2.start + part,
        end: s2.start + part + 'she could not leave him'.length,
        coder: 'ana',
        source: 'manual',
        matches: [],
      },
    ];
    const quotes = bank([d], manual);
    const bySegment = new Map(quotes.map((q) => [q.segment, q]));
    expect(marked(bySegment.get(1)!)).toEqual([]);
    expect(marked(bySegment.get(2)!)).toEqual(['she could not leave him']);
  });

  it('gives no quotes for parents without codings of their own, and none when perCode is 0', () => {
    const d = doc('a', [['Ani', 'Her boyfriend decided everything, from her clothes to her friends and her classes.']]);
    expect(bank([d], [coded(d, 1, ['boyfriend'])]).map((q) => q.code)).toEqual(['f/a']);
    expect(bank([d], [coded(d, 1, ['boyfriend'])], 0)).toEqual([]);
  });
});
