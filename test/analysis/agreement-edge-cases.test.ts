// Edge cases have defined answers: NaN plus a note that says why, never a crash or a sentinel string.
import { describe, expect, it } from 'vitest';
import {
  agreementStatistics,
  bootstrapAlpha,
  categoryCounts,
  coincidenceMatrix,
  cohenKappa,
  cohenKappaOfRatings,
  fleissKappa,
  krippendorffAlpha,
  normalCdf,
  pairableValues,
  percentAgreement,
  scottPi,
  seededRandom,
  type AgreementUnit,
  type ReliabilityData,
} from '../../src/analysis/agreement/index.js';

const data = (values: ReliabilityData['values']): ReliabilityData => ({
  coders: values.map((_, c) => `c${c + 1}`),
  units: values[0].map((_, u) => `u${u + 1}`),
  values,
});

describe('one coder', () => {
  const one = data([[1, 2, 1, 3]]);
  it('α is NaN and says only one coder gave values', () => {
    const r = krippendorffAlpha(one);
    expect(r.alpha).toBeNaN();
    expect(r.note).toBe('only one coder (c1) gave values: α needs two or more coders');
    expect([r.units, r.pairableValues, r.singleValueUnits]).toEqual([0, 0, 4]);
  });
  it('percent agreement is NaN with a note', () => {
    expect(percentAgreement(one)).toEqual({
      agreement: NaN,
      units: 0,
      note: 'no unit has values from two or more coders: percent agreement is undefined',
    });
  });
  it('coding statistics are NaN with a note', () => {
    const units: AgreementUnit[] = [{ document: 'd', segment: 1, code: 'x', values: [1], text: '' }];
    const s = agreementStatistics(units, ['ana'], 'segment');
    expect([s.percentAgreement, s.cohenKappa, s.fleissKappa, s.alpha]).toEqual([NaN, NaN, NaN, NaN]);
    expect(s.notes).toEqual(['only one coder (ana): agreement needs two or more']);
  });
});

describe('no variation: every coder gives the same single value', () => {
  const same = data([
    ['yes', 'yes', 'yes'],
    ['yes', 'yes', null],
  ]);
  it('α is NaN (0/0) and names the value', () => {
    const r = krippendorffAlpha(same);
    expect(r.alpha).toBeNaN();
    expect(r.note).toBe('no variation: every pairable value is "yes", so chance disagreement is 0 and α is undefined (0/0)');
    expect(r.observedDisagreement).toBe(0);
    expect(r.expectedDisagreement).toBe(0);
  });
  it("Cohen's κ, Scott's π and Fleiss' κ are NaN; percent agreement is 1", () => {
    const k = cohenKappaOfRatings(same.values[0], same.values[1]);
    expect(k.kappa).toBeNaN();
    expect(k.note).toMatch(/^no variation: both raters used "yes" throughout/);
    expect(scottPi({ levels: ['yes'], counts: [[2]] }).pi).toBeNaN();
    expect(fleissKappa([[3], [3]]).note).toMatch(/^no variation/);
    expect(percentAgreement(same).agreement).toBe(1);
  });
  it('the bootstrap refuses a number of resamples out of bounds', () => {
    expect(() => bootstrapAlpha(same, { samples: 100_001, seed: 1 })).toThrow(
      'bootstrapAlpha: option samples must be a whole number from 1 to 100000; got 100001',
    );
    expect(() => bootstrapAlpha(same, { samples: 0 })).toThrow(TypeError);
    expect(() => bootstrapAlpha(same, { samples: 2.5 })).toThrow(TypeError);
  });
  it('the bootstrap gives no interval', () => {
    expect(bootstrapAlpha(same, { samples: 50, seed: 1 })).toMatchObject({
      low: NaN,
      high: NaN,
      samples: 0,
      note: 'no resample had variation: no interval',
    });
  });
});

describe('a code used by nobody', () => {
  const units: AgreementUnit[] = [1, 2, 3].map((segment) => ({ document: 'd', segment, code: 'unused', values: [0, 0], text: '' }));
  it('has 100% agreement, NaN κ and α, and one note that says nobody applied it', () => {
    const s = agreementStatistics(units, ['ana', 'budi'], 'segment');
    expect(s).toMatchObject({ units: 3, applied: [0, 0], percentAgreement: 1 });
    expect(s.cohenKappa).toBeNaN();
    expect(s.alpha).toBeNaN();
    expect(s.notes).toEqual(['nobody applied this code in the units compared: with no variation, κ and α are undefined']);
  });
  it('and a code everybody applied everywhere gets its own note', () => {
    const all = units.map((u) => ({ ...u, values: [1, 1] as Array<0 | 1 | null> }));
    expect(agreementStatistics(all, ['ana', 'budi'], 'segment').notes).toEqual([
      'every coder applied the code to every unit compared: with no variation, κ and α are undefined',
    ]);
  });
});

describe('units coded by one coder only', () => {
  it('are dropped from α, percent agreement and κ', () => {
    const d = data([
      [1, 2, 1, null],
      [1, 2, 2, null],
      [null, null, null, 2],
    ]);
    const r = krippendorffAlpha(d);
    expect([r.coders, r.units, r.singleValueUnits, r.pairableValues]).toEqual([2, 3, 1, 6]);
    // The result names its level as the option does (`metric`); `level` stays one release.
    expect([r.metric, r.level]).toEqual(['nominal', 'nominal']);
    expect(krippendorffAlpha(d, { metric: 'interval' }).metric).toBe('interval');
    const lonely = data([
      [1, 2, 1, 3],
      [1, 2, 2, null],
    ]);
    expect(krippendorffAlpha(lonely).singleValueUnits).toBe(1);
    expect(krippendorffAlpha(lonely).alpha).toBeCloseTo(
      krippendorffAlpha(
        data([
          [1, 2, 1],
          [1, 2, 2],
        ]),
      ).alpha,
      12,
    );
    expect(percentAgreement(lonely).units).toBe(3);
    expect(cohenKappaOfRatings(lonely.values[0], lonely.values[1]).units).toBe(3);
  });
  it('make α NaN when no unit has two values', () => {
    const r = krippendorffAlpha(
      data([
        [1, null, 3],
        [null, 2, null],
      ]),
    );
    expect(r.alpha).toBeNaN();
    expect(r.note).toBe('no unit has values from two or more coders (units coded by one coder only are left out): α is undefined');
  });
  it("leave Fleiss' κ with the units of the most common number of coders", () => {
    const counts = categoryCounts(
      data([
        [1, 2, 1, 2],
        [1, 2, 2, 2],
        [1, 2, 1, null],
      ]),
    );
    expect([counts.ratings, counts.counts.length, counts.leftOut]).toEqual([3, 3, 1]);
  });
});

describe('other undefined or malformed input', () => {
  it('κ of an empty table', () => {
    expect(cohenKappa({ levels: [], counts: [] }).note).toBe('no unit was rated by both raters: κ is undefined');
  });
  it('numeric weights of the wrong length or all equal', () => {
    expect(cohenKappaOfRatings([1, 2, 3], [1, 2, 2], { weights: [0, 1] }).note).toBe(
      '2 weights given for 3 levels: give one disagreement weight per level distance 0…2',
    );
    expect(cohenKappaOfRatings([1, 2, 3], [1, 2, 2], { weights: [1, 1, 1] }).note).toMatch(/all equal/);
  });
  it("Fleiss' κ with uneven rating counts, or no subjects", () => {
    expect(
      fleissKappa([
        [2, 1],
        [1, 1],
      ]).note,
    ).toBe("subject 2 has 2 ratings, subject 1 has 3: Fleiss' κ needs the same number for every subject");
    expect(fleissKappa([]).kappa).toBeNaN();
  });
  it('interval α of labels', () => {
    const r = krippendorffAlpha(
      data([
        ['a', 'b'],
        ['a', 'a'],
      ]),
      { level: 'interval' },
    );
    expect(r.alpha).toBeNaN();
    expect(r.note).toBe('interval α needs numbers, but the data hold "a"');
  });
});

describe('building blocks', () => {
  it('the coincidence matrix of Krippendorff (2011) example C sums to n = 40 and is symmetric', () => {
    const C = data([
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ]);
    const m = coincidenceMatrix(pairableValues(C));
    expect(m.flat().reduce((s, x) => s + x, 0)).toBeCloseTo(40, 12);
    for (let i = 0; i < m.length; i++) for (let j = 0; j < m.length; j++) expect(m[i][j]).toBeCloseTo(m[j][i], 12);
    // The value totals n_c of the paper's coincidence matrix, values 1–5.
    expect(m.map((row) => Math.round(row.reduce((s, x) => s + x, 0) * 1e9) / 1e9)).toEqual([9, 13, 10, 5, 3]);
  });
  it('the normal distribution function', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-3.2625909799013253)).toBeCloseTo(0.0005519936508648904, 14);
    expect(normalCdf(-8)).toBeCloseTo(6.22096057427178e-16, 28);
    expect(normalCdf(NaN)).toBeNaN();
  });
  it('the seeded generator repeats itself and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(b()).toBe(x);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});
