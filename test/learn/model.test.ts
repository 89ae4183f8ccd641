import { describe, expect, it } from 'vitest';
import { buildDataset, type Dataset } from '../../src/learn/dataset.js';
import { scoreUnit, trainSuggester } from '../../src/learn/model.js';
import { suggestCodings } from '../../src/learn/suggest.js';
import { CODEBOOK, smallProject } from './small-project.js';

function dataset(): Dataset {
  const { corpus, decisions } = smallProject();
  return buildDataset(corpus, decisions, { codebook: CODEBOOK });
}

/** The dataset without one feature anywhere: as if the text never had it. */
function without(d: Dataset, feature: string): Dataset {
  return { ...d, examples: d.examples.map((e) => ({ ...e, features: e.features.filter((f) => f !== feature) })) };
}

describe('learned suggestions on a small fixed project', () => {
  it('labels units: coded turns positive, read turns negative, unread turns undecided', () => {
    const d = dataset();
    expect(d.language).toBe('en');
    const byDoc = (id: string) => d.examples.filter((e) => e.unit.document === id);
    expect(byDoc('staff-01').map((e) => [...e.applied])).toEqual([
      [],
      ['support/listening'],
      [],
      ['support/referral'],
      [],
      ['barrier/shame'],
      [],
    ]);
    // ana stopped after her last coding: the trailing turn of staff-01 was read up to the last coded unit only.
    expect(byDoc('staff-01').map((e) => e.reviewed)).toEqual([true, true, true, true, true, true, false]);
    expect(byDoc('staff-04').every((e) => !e.reviewed && e.applied.size === 0)).toBe(true);
    const listening = byDoc('staff-01')[1];
    expect(listening.features).toEqual(expect.arrayContaining(['w:listen', 'p:we listen', 'r:support/listening', 'role:counsellor']));
  });

  it('gives the same weights and scores on every run', () => {
    const d = dataset();
    const a = trainSuggester(d, { minExamples: 3 });
    const b = trainSuggester(dataset(), { minExamples: 3 });
    expect(a.models.map((m) => m.code)).toEqual(['barrier/shame', 'support/listening', 'support/referral']);
    for (const [i, m] of a.models.entries()) {
      expect([...m.weights]).toEqual([...b.models[i].weights]);
      expect(m.bias).toBe(b.models[i].bias);
    }
    const first = suggestCodings(d, a, { minScore: 0 });
    const second = suggestCodings(d, b, { minScore: 0 });
    expect(first.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
  });

  it('suggests the codes on the unread interview, each for the reasons in its turn', () => {
    const d = dataset();
    const suggestions = suggestCodings(d, trainSuggester(d, { minExamples: 3 }), { minScore: 0.5 });
    const staff04 = suggestions.filter((s) => s.document === 'staff-04');
    const best = (unit: number) => staff04.filter((s) => s.unit === unit)[0];
    expect(best(2).code).toBe('support/listening');
    expect(best(4).code).toBe('support/referral');
    expect(best(5).code).toBe('barrier/shame');
    expect(best(4).because.map((r) => r.label)).toContain('clinic');
    for (const s of suggestions) {
      expect(s.uncertainty).toBeCloseTo(1 - Math.abs(2 * s.score - 1), 12);
      const weights = s.because.map((r) => r.weight);
      expect(weights).toEqual([...weights].sort((x, y) => y - x));
    }
  });

  it('changes the explanation when a feature is removed', () => {
    const d = dataset();
    const unit = d.examples.find((e) => e.unit.document === 'staff-04' && e.unit.index === 4)!;
    const before = scoreUnit(trainSuggester(d, { minExamples: 3 }), unit.features).find((s) => s.code === 'support/referral')!;
    const top = before.because.find((r) => r.kind === 'word')!;
    expect(top.label).toBe('clinic');

    const d2 = without(d, top.feature);
    const unit2 = d2.examples.find((e) => e.unit === unit.unit)!;
    const after = scoreUnit(trainSuggester(d2, { minExamples: 3 }), unit2.features).find((s) => s.code === 'support/referral')!;
    expect(after.because.map((r) => r.feature)).not.toContain(top.feature);
    expect(after.because).not.toEqual(before.because);
    expect(after.score).toBeLessThan(before.score);
  });

  it('names a fired rule and the role in the explanation', () => {
    const d = dataset();
    const s = trainSuggester(d, { minExamples: 3 });
    const unit = d.examples.find((e) => e.unit.document === 'staff-04' && e.unit.index === 2)!;
    const listening = scoreUnit(s, unit.features, { reasons: 50 }).find((x) => x.code === 'support/listening')!;
    expect(listening.because.map((r) => r.label)).toContain('rule support/listening');
    const labels = new Set(scoreUnit(s, unit.features, { reasons: 50 }).flatMap((x) => x.because.map((r) => r.label)));
    expect(labels.has('role counsellor')).toBe(true);
  });

  it('treats a rejected suggestion as a negative example', () => {
    const { corpus, decisions } = smallProject();
    const doc = corpus.documents.find((x) => x.id === 'staff-04')!;
    const said = 'A referral to the clinic is made when she wants one.';
    const start = doc.text.indexOf(said);
    const d = buildDataset(
      corpus,
      [
        ...decisions,
        { document: 'staff-04', code: 'support/referral', start, end: start + said.length, coder: 'ana', verdict: 'rejected' },
      ],
      { codebook: CODEBOOK },
    );
    const unit = d.examples.find((e) => e.unit.document === 'staff-04' && e.unit.index === 4)!;
    expect(unit.rejected).toEqual(new Set(['support/referral']));
    const suggestions = suggestCodings(d, trainSuggester(d, { minExamples: 3 }), { minScore: 0 });
    expect(suggestions.some((s) => s.document === 'staff-04' && s.unit === 4 && s.code === 'support/referral')).toBe(false);
    expect(suggestions.some((s) => s.document === 'staff-04' && s.unit === 4 && s.code === 'support/listening')).toBe(true);
  });

  it('checks its options', () => {
    const d = dataset();
    expect(() => trainSuggester(d, { l2: -1 })).toThrow('trainSuggester: option l2 must be a number above 0 and at most Infinity; got -1');
    expect(() => suggestCodings(d, trainSuggester(d), { minScore: 2 })).toThrow(
      'suggestCodings: option minScore must be a number from 0 and at most 1; got 2',
    );
    const { corpus, decisions } = smallProject();
    expect(() => buildDataset(corpus, decisions, { unit: 'page' as never })).toThrow(
      'buildDataset: option unit must be one of turn, paragraph, sentence, line; got "page"',
    );
  });
});
