import { describe, expect, it } from 'vitest';
import { frequencies, groupingAttributes, NO_GROUP } from '../../src/analysis/frequencies.js';
import { emptyRules, type Codebook } from '../../src/model/codebook.js';
import type { Document } from '../../src/model/document.js';
import type { Segment } from '../../src/model/segment.js';

const codebook: Codebook = {
  language: 'id',
  codes: [{ id: 'a', parent: null, labels: { id: 'A id', en: 'A en' }, examples: [], rules: emptyRules() }],
};
const documents: Document[] = [
  {
    id: 'd1',
    file: 'd1.md',
    format: 'md',
    text: '',
    turns: [],
    attributes: { site: 'north', years: 12 },
    participants: [
      { name: 'Ani', role: 'academic', attributes: { years: 9 } },
      { name: 'Budi', attributes: {} },
    ],
  },
  {
    id: 'd2',
    file: 'd2.md',
    format: 'md',
    text: '',
    turns: [],
    attributes: {},
    participants: [{ name: 'Citra', attributes: { years: 10 } }],
  },
];
const seg = (document: string, index: number, speaker: string | null): Segment => ({
  document,
  index,
  speaker,
  start: 0,
  end: 0,
  text: '',
});
const segments = [seg('d1', 1, 'Ani'), seg('d1', 2, 'budi'), seg('d1', 3, null), seg('d2', 1, 'Citra'), seg('d2', 2, 'ANI')];
const codings = [1, 2].map((i) => ({
  document: 'd1',
  segment: i,
  code: 'a',
  start: 0,
  end: 0,
  coder: 'auto',
  source: 'auto' as const,
  matches: [],
}));

describe('frequencies', () => {
  it('groups by a participant attribute, else the document attribute, numbers in numeric order, (none) last', () => {
    const freq = frequencies({ documents, segments, codings }, codebook, { by: 'years' });
    // Ani: 9 (her own), budi: 12 (the document's), no speaker: 12 (the document's), Citra: 10, ANI in d2: not a participant there.
    expect(freq.groups).toEqual(['9', '10', '12', NO_GROUP]);
    expect(freq.rows.map((r) => [r.group, r.segments, r.base])).toEqual([
      [null, 2, 5],
      ['9', 1, 1],
      ['10', 0, 1],
      ['12', 1, 2],
      [NO_GROUP, 0, 1],
    ]);
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

describe('the base of the shares', () => {
  const limited: Codebook = {
    language: 'id',
    codes: [{ id: 'a', parent: null, labels: {}, examples: [], rules: { ...emptyRules(), roles: ['!interviewer'] } }],
  };
  const asked = (document: string, index: number, speaker: string, role?: string): Segment => ({
    ...seg(document, index, speaker),
    ...(role ? { role } : {}),
  });
  // Three interviewer questions, three informant answers; a human coder also coded one question.
  const turns = [
    asked('d1', 1, 'Q', 'interviewer'),
    asked('d1', 2, 'Ani'),
    asked('d1', 3, 'Q', 'interviewer'),
    asked('d1', 4, 'Ani'),
    asked('d1', 5, 'Q', 'interviewer'),
    asked('d1', 6, 'Ani'),
  ];
  const coded = [2, 4, 5].map((i) => ({
    document: 'd1',
    segment: i,
    code: 'a',
    start: 0,
    end: 0,
    coder: 'ayu',
    source: 'manual' as const,
    matches: [],
  }));

  it('is the turns the code can apply to (its role filter), plus turns coded anyway', () => {
    const freq = frequencies({ documents, segments: turns, codings: coded }, limited, { by: 'role' });
    expect(freq.base).toBe('applicable');
    // 3 informant turns + the interviewer turn the coder coded anyway: 3 of 4.
    expect(freq.rows.map((r) => [r.group, r.segments, r.base, r.share, r.baseRule])).toEqual([
      [null, 3, 4, 75, 'roles: !interviewer'],
      ['academic', 2, 3, (100 * 2) / 3, 'roles: !interviewer'],
      ['interviewer', 1, 1, 100, 'roles: !interviewer'],
    ]);
  });

  it('is every segment with base: all', () => {
    const freq = frequencies({ documents, segments: turns, codings: coded }, limited, { base: 'all' });
    expect(freq.rows[0]).toMatchObject({ segments: 3, base: 6, share: 50, baseRule: '' });
  });

  it('rejects an unknown base, naming the option', () => {
    expect(() => frequencies({ documents, segments: turns, codings: coded }, limited, { base: 'informants' as never })).toThrow(
      /option "base" must be "applicable" or "all"/,
    );
  });
});
