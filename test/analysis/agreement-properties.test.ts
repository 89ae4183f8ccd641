// Seeded property loops: κ and α are 1 for identical codings, stay in range, and ignore the order of coders and units.
import { describe, expect, it } from 'vitest';
import {
  bootstrapAlpha,
  categoryCounts,
  cohenKappaOfRatings,
  codingAgreement,
  fleissKappa,
  krippendorffAlpha,
  MEASUREMENT_LEVELS,
  percentAgreement,
  segmentUnits,
  type CodingForAgreement,
  type KappaWeights,
  type ReliabilityData,
} from '../../src/analysis/agreement/index.js';
import { seeded } from '../helpers/cli.js';

const ROUNDS = 200;

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)];
}

function shuffle<T>(next: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Random reliability data: 2–5 coders, 3–25 units, 2–5 numeric categories, some missing values. */
function randomData(next: () => number, options: { coders?: number; missing?: number } = {}): ReliabilityData {
  const coders = options.coders ?? 2 + Math.floor(next() * 4);
  const units = 3 + Math.floor(next() * 23);
  const categories = [1, 2, 3, 5, 8].slice(0, 2 + Math.floor(next() * 4));
  const missing = options.missing ?? next() * 0.3;
  return {
    coders: Array.from({ length: coders }, (_, c) => `c${c}`),
    units: Array.from({ length: units }, (_, u) => `u${u}`),
    values: Array.from({ length: coders }, () => Array.from({ length: units }, () => (next() < missing ? null : pick(next, categories)))),
  };
}

/** The same data with coders and units in another order. */
function reorder(next: () => number, data: ReliabilityData): ReliabilityData {
  const coderOrder = shuffle(
    next,
    data.coders.map((_, i) => i),
  );
  const unitOrder = shuffle(
    next,
    data.units.map((_, i) => i),
  );
  return {
    coders: coderOrder.map((c) => data.coders[c]),
    units: unitOrder.map((u) => data.units[u]),
    values: coderOrder.map((c) => unitOrder.map((u) => data.values[c][u])),
  };
}

function hasVariation(data: ReliabilityData): boolean {
  return (
    new Set(
      data.values
        .flat()
        .filter((v) => v !== null)
        .map(String),
    ).size > 1
  );
}

const WEIGHTS: KappaWeights[] = ['unweighted', 'linear', 'quadratic'];

describe('κ and α equal 1 for identical codings', () => {
  it.each(MEASUREMENT_LEVELS)('α (%s)', (level) => {
    const next = seeded(11);
    for (let round = 0; round < ROUNDS; round++) {
      const base = randomData(next, { coders: 1, missing: 0 });
      const coders = 2 + Math.floor(next() * 4);
      const data: ReliabilityData = {
        coders: Array.from({ length: coders }, (_, c) => `c${c}`),
        units: base.units,
        values: Array.from({ length: coders }, () => [...base.values[0]]),
      };
      if (!hasVariation(data)) continue;
      expect(krippendorffAlpha(data, { metric: level }).alpha).toBeCloseTo(1, 12);
      expect(percentAgreement(data).agreement).toBe(1);
      expect(fleissKappa(categoryCounts(data).counts).kappa).toBeCloseTo(1, 12);
      for (const weights of WEIGHTS) expect(cohenKappaOfRatings(data.values[0], data.values[1], { weights }).kappa).toBeCloseTo(1, 12);
    }
  });

  it('pooled κ and α of two coders with the same coding table', () => {
    const next = seeded(12);
    for (let round = 0; round < ROUNDS / 4; round++) {
      const codings = randomCodings(next, ['ana']);
      const twin = codings.map((c) => ({ ...c, coder: 'budi' }));
      const result = codingAgreement(segmentUnits([...codings, ...twin]));
      expect(result.disagreements).toEqual([]);
      expect(result.pooled.percentAgreement).toBe(1);
      const applied = result.pooled.applied[0];
      if (applied > 0 && applied < result.pooled.units) {
        expect(result.pooled.cohenKappa).toBeCloseTo(1, 12);
        expect(result.pooled.alpha).toBeCloseTo(1, 12);
      }
    }
  });
});

describe('κ and α stay within their ranges', () => {
  it('on random data with missing values', () => {
    const next = seeded(21);
    for (let round = 0; round < ROUNDS; round++) {
      const data = randomData(next);
      for (const level of MEASUREMENT_LEVELS) {
        const alpha = krippendorffAlpha(data, { metric: level }).alpha;
        if (!Number.isNaN(alpha)) expect(alpha).toBeLessThanOrEqual(1 + 1e-12);
      }
      const nominal = krippendorffAlpha(data).alpha;
      if (!Number.isNaN(nominal)) expect(nominal).toBeGreaterThanOrEqual(-1 - 1e-12);
      const percent = percentAgreement(data).agreement;
      if (!Number.isNaN(percent)) {
        expect(percent).toBeGreaterThanOrEqual(0);
        expect(percent).toBeLessThanOrEqual(1);
      }
      for (const weights of WEIGHTS) {
        const kappa = cohenKappaOfRatings(data.values[0], data.values[1], { weights }).kappa;
        if (!Number.isNaN(kappa)) expect(Math.abs(kappa)).toBeLessThanOrEqual(1 + 1e-12);
      }
      const fleiss = fleissKappa(categoryCounts(data).counts).kappa;
      if (!Number.isNaN(fleiss)) expect(Math.abs(fleiss)).toBeLessThanOrEqual(1 + 1e-12);
    }
  });

  it('bootstrap bounds are ordered and reproducible with the same seed', () => {
    const next = seeded(22);
    for (let round = 0; round < 20; round++) {
      const data = randomData(next);
      const seed = Math.floor(next() * 1000);
      const a = bootstrapAlpha(data, { samples: 200, seed });
      expect(bootstrapAlpha(data, { samples: 200, seed })).toEqual(a);
      if (!Number.isNaN(a.low)) expect(a.low).toBeLessThanOrEqual(a.high);
    }
  });
});

describe('κ and α do not depend on the order of coders and units', () => {
  it('on random data', () => {
    const next = seeded(31);
    let compared = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const data = randomData(next);
      const other = reorder(next, data);
      for (const level of MEASUREMENT_LEVELS) {
        const a = krippendorffAlpha(data, { metric: level });
        const b = krippendorffAlpha(other, { metric: level });
        expect(Number.isNaN(b.alpha)).toBe(Number.isNaN(a.alpha));
        if (Number.isNaN(a.alpha)) continue;
        expect(b.alpha).toBeCloseTo(a.alpha, 12);
        compared++;
      }
      expect(percentAgreement(other).agreement).toBeCloseTo(percentAgreement(data).agreement, 12);
      const fleiss = [fleissKappa(categoryCounts(data).counts).kappa, fleissKappa(categoryCounts(other).counts).kappa];
      if (!Number.isNaN(fleiss[0])) expect(fleiss[1]).toBeCloseTo(fleiss[0], 12);
      const [first, second] = [data.values[0], data.values[1]];
      const forward = cohenKappaOfRatings(first, second, { weights: 'quadratic' }).kappa;
      const backward = cohenKappaOfRatings(second, first, { weights: 'quadratic' }).kappa;
      if (!Number.isNaN(forward)) expect(backward).toBeCloseTo(forward, 12);
    }
    expect(compared).toBeGreaterThan(ROUNDS * 3);
  });

  it('on coding tables: the order of rows and of coders changes nothing', () => {
    const next = seeded(32);
    for (let round = 0; round < ROUNDS / 4; round++) {
      const codings = randomCodings(next, ['ana', 'budi', 'citra'].slice(0, 2 + Math.floor(next() * 2)));
      const a = codingAgreement(segmentUnits(codings));
      const b = codingAgreement(segmentUnits(shuffle(next, codings), { coders: shuffle(next, [...new Set(codings.map((c) => c.coder))]) }));
      const figures = (r: typeof a) =>
        [r.pooled, ...r.codes].map((s) =>
          [s.percentAgreement, s.cohenKappa, s.fleissKappa, s.alpha].map((x) => (Number.isNaN(x) ? 'NaN' : x.toFixed(10))),
        );
      expect(figures(b)).toEqual(figures(a));
      expect(b.disagreements.map((d) => [d.document, d.segment, d.code, [...d.codedBy].sort()])).toEqual(
        a.disagreements.map((d) => [d.document, d.segment, d.code, [...d.codedBy].sort()]),
      );
    }
  });
});

/** Random coding tables: every coder codes some of 12 segments of two documents with some of 4 codes. */
function randomCodings(next: () => number, coders: readonly string[]): CodingForAgreement[] {
  const out: CodingForAgreement[] = [];
  const codes = ['a', 'b', 'c/d', 'c/e'];
  for (const coder of coders) {
    for (const document of ['doc-1', 'doc-2']) {
      for (let segment = 1; segment <= 6; segment++) {
        for (const code of codes)
          if (next() < 0.25) out.push({ document, segment, code, span: { start: segment * 10, end: segment * 10 + 5 }, coder });
      }
    }
  }
  if (out.length === 0) out.push({ document: 'doc-1', segment: 1, code: 'a', span: { start: 0, end: 1 }, coder: coders[0] });
  return out;
}
