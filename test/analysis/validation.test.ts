import { describe, expect, it } from 'vitest';
import { validateCoding, type CodingForValidation } from '../../src/analysis/validation.js';
import type { Segment } from '../../src/model/segment.js';

const segment = (document: string, index: number, start: number, end: number, speaker = 'Rina'): Segment => ({
  document,
  index,
  speaker,
  start,
  end,
  text: `${document} #${index}`,
});
const segments = [
  segment('d1', 1, 0, 10, 'P'),
  segment('d1', 2, 10, 20),
  segment('d1', 3, 20, 30, 'P'),
  segment('d1', 4, 30, 40),
  segment('d2', 1, 0, 10),
];
const at = (document: string, seg: number, code: string): CodingForValidation => ({ document, segment: seg, code });
const codes = ['factor', 'factor/attachment', 'factor/proximity', 'stage', 'stage/assessment', 'stage/engagement'];

const auto = [
  at('d1', 2, 'factor/attachment'),
  at('d1', 4, 'factor/proximity'),
  at('d1', 4, 'stage/assessment'),
  at('d2', 1, 'factor/proximity'),
];
const gold = [
  at('d1', 2, 'factor/attachment'),
  at('d1', 2, 'stage/engagement'),
  at('d1', 4, 'stage/assessment'),
  at('d2', 1, 'factor/proximity'),
];

describe('validateCoding', () => {
  const r = validateCoding(segments, auto, gold, { codes, unit: 'turn' });
  const byCode = Object.fromEntries(r.codes.map((c) => [c.code, c]));

  it('scores leaf codes', () => {
    expect(byCode['factor/attachment']).toMatchObject({
      leaf: true,
      support: 1,
      predicted: 1,
      truePositives: 1,
      precision: 1,
      recall: 1,
      f1: 1,
      notes: [],
    });
    expect(byCode['factor/proximity']).toMatchObject({ support: 1, predicted: 2, truePositives: 1, precision: 0.5, recall: 1 });
    expect(byCode['factor/proximity'].f1).toBeCloseTo(2 / 3, 12);
  });

  it('rolls children up into their parents', () => {
    expect(byCode.factor).toMatchObject({ leaf: false, support: 2, predicted: 3, truePositives: 2, recall: 1 });
    expect(byCode.factor.precision).toBeCloseTo(2 / 3, 12);
    expect(byCode.stage).toMatchObject({ leaf: false, support: 2, predicted: 1, truePositives: 1, precision: 1, recall: 0.5 });
  });

  it('gives NaN with a note where a figure is undefined, and F1 = 0 when nothing matches', () => {
    expect(byCode['stage/engagement']).toMatchObject({
      support: 1,
      predicted: 0,
      recall: 0,
      notes: ['the automatic coding never applies this code: precision is undefined'],
    });
    expect(byCode['stage/engagement'].precision).toBeNaN();
    expect(byCode['stage/engagement'].f1).toBeNaN();
    const unused = validateCoding(segments, auto, gold, { codes: [...codes, 'unused'] }).codes.find((c) => c.code === 'unused');
    expect(unused?.notes).toEqual(['neither the automatic coding nor the gold standard applies this code']);
    const wrong = validateCoding(segments, [at('d1', 1, 'x')], [at('d1', 2, 'x')]).codes[0];
    expect([wrong.precision, wrong.recall, wrong.f1]).toEqual([0, 0, 0]);
  });

  it('micro-averages over leaf codes only', () => {
    expect(r.overall).toMatchObject({ support: 4, predicted: 4, truePositives: 3, precision: 0.75, recall: 0.75, f1: 0.75 });
  });

  it('lists missed and over-coded segments in document order', () => {
    expect(r.missed).toEqual([{ document: 'd1', segment: 2, code: 'stage/engagement', speaker: 'Rina', text: 'd1 #2' }]);
    expect(r.overCoded).toEqual([{ document: 'd1', segment: 4, code: 'factor/proximity', speaker: 'Rina', text: 'd1 #4' }]);
  });

  it('counts the segments nobody coded and explains them', () => {
    expect([r.segments, r.uncodedSegments]).toEqual([5, 2]);
    expect(r.method).toMatch(/^Unit: a turn; 5 turns in all\./);
    expect(r.method).toMatch(/The 2 turns that neither side coded.*are true negatives/);
  });

  it('reports gold codings whose segment is not among the segments', () => {
    const gold: CodingForValidation[] = [
      at('d1', 2, 'factor/attachment'),
      at('d1', 7, 'factor/attachment'),
      at('d9', 1, 'factor/attachment'),
    ];
    const placed = validateCoding(segments, [], gold);
    expect(placed.codes.find((c) => c.code === 'factor/attachment')?.support).toBe(1);
    expect(placed.missed.map((m) => m.segment)).toEqual([2]);
    expect(placed.unplaced).toEqual(gold.slice(1));
  });
});
