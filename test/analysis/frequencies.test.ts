import { describe, expect, it } from 'vitest';
import { frequencies, groupingAttributes, NO_GROUP } from '../../src/analysis/frequencies.js';
import { emptyRules, type Codebook } from '../../src/model/codebook.js';
import type { Document } from '../../src/model/document.js';
import type { Segment } from '../../src/model/segment.js';

const codebook: Codebook = { language: 'id', codes: [{ id: 'a', parent: null, labels: { id: 'A id', en: 'A en' }, examples: [], rules: emptyRules() }] };
const documents: Document[] = [
  {
    id: 'd1', file: 'd1.md', format: 'md', text: '', turns: [], attributes: { site: 'north', years: 12 },
    participants: [{ name: 'Ani', role: 'academic', attributes: { years: 9 } }, { name: 'Budi', attributes: {} }],
  },
  { id: 'd2', file: 'd2.md', format: 'md', text: '', turns: [], attributes: {}, participants: [{ name: 'Citra', attributes: { years: 10 } }] },
];
const seg = (document: string, index: number, speaker: string | null): Segment => ({ document, index, speaker, start: 0, end: 0, text: '' });
const segments = [seg('d1', 1, 'Ani'), seg('d1', 2, 'budi'), seg('d1', 3, null), seg('d2', 1, 'Citra'), seg('d2', 2, 'ANI')];
const codings = [1, 2].map((i) => ({ document: 'd1', segment: i, code: 'a', start: 0, end: 0, coder: 'auto', source: 'auto' as const, matches: [] }));

describe('frequencies', () => {
  it('groups by a participant attribute, else the document attribute, numbers in numeric order, (none) last', () => {
    const freq = frequencies({ documents, segments, codings }, codebook, { by: 'years' });
    // Ani: 9 (her own), budi: 12 (the document's), no speaker: 12 (the document's), Citra: 10, ANI in d2: not a participant there.
    expect(freq.groups).toEqual(['9', '10', '12', NO_GROUP]);
    expect(freq.rows.map((r) => [r.group, r.segments, r.base])).toEqual([[null, 2, 5], ['9', 1, 1], ['10', 0, 1], ['12', 1, 2], [NO_GROUP, 0, 1]]);
  });

  it('merges speakers case-insensitively under the first spelling, in corpus order', () => {
    const freq = frequencies({ documents, segments, codings }, codebook, { by: 'speaker' });
    expect(freq.groups).toEqual(['Ani', 'budi', 'Citra', NO_GROUP]);
    expect(freq.rows.find((r) => r.group === 'Ani')).toMatchObject({ segments: 1, base: 2, share: 50 });
  });

  it('labels codes in the codebook language unless told otherwise', () => {
    expect(frequencies({ documents, segments, codings }, codebook).rows[0].label).toBe('A id');
    expect(frequencies({ documents, segments, codings }, codebook, { language: 'en' }).rows[0].label).toBe('A en');
  });

  it('gives a NaN share, not a number, when there are no segments', () => {
    expect(frequencies({ documents, segments: [], codings: [] }, codebook).rows[0].share).toBeNaN();
  });

  it('lists the attributes a grouping can use', () => {
    expect(groupingAttributes(documents)).toEqual(['site', 'years']);
  });
});
