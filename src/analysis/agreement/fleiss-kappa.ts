import { normalCdf } from './normal.js';
import { distinctRatings, unitValues, type RatingValue, type ReliabilityData } from './reliability-data.js';

/** Fleiss' κ for many raters, with the standard error under κ = 0 (Fleiss, Nee & Landis 1979). */
export interface FleissResult {
  /** NaN when undefined; `note` says why. */
  kappa: number;
  /** P̄, the mean share of agreeing rater pairs per subject. */
  observed: number;
  /** P̄_e = Σ p_j², chance agreement from the category shares. */
  expected: number;
  subjects: number;
  /** Ratings per subject. */
  raters: number;
  /** Standard error under κ = 0. */
  se0: number;
  z: number;
  pTwoSided: number;
  note?: string;
}

/** Subjects × categories counts of ratings. */
export interface CategoryCounts {
  categories: RatingValue[];
  /** `counts[subject][category]`: how many raters put the subject in the category. */
  counts: number[][];
  /** Ratings per subject: the most common number of values per unit (at least two). */
  ratings: number;
  /** Units left out because they hold another number of values (Fleiss' κ needs the same number for every unit). */
  leftOut: number;
}

/**
 * Count, for each unit, how many coders chose each category. Fleiss' κ needs the same number
 * of ratings per unit (not the same coders), so only the units with the most common number
 * of values (two or more; the larger on a tie) are kept.
 * @example categoryCounts({ coders: ['a', 'b'], units: ['1'], values: [['x'], ['y']] }).counts // [[1, 1]]
 */
export function categoryCounts(data: ReliabilityData): CategoryCounts {
  const sizes = data.units.map((_, u) => unitValues(data, u).length);
  const frequency = new Map<number, number>();
  for (const m of sizes) if (m >= 2) frequency.set(m, (frequency.get(m) ?? 0) + 1);
  let ratings = 0;
  for (const [m, f] of frequency) if (f > (frequency.get(ratings) ?? 0) || (f === frequency.get(ratings) && m > ratings)) ratings = m;
  const kept = sizes.flatMap((m, u) => (m === ratings ? [u] : []));
  const categories = distinctRatings(data.values.map((row) => kept.map((u) => row[u])));
  const index = new Map(categories.map((c, i) => [String(c), i]));
  const counts = kept.map((u) => {
    const row = new Array<number>(categories.length).fill(0);
    for (const v of unitValues(data, u)) row[index.get(String(v)) as number]++;
    return row;
  });
  return { categories, counts, ratings, leftOut: data.units.length - kept.length };
}

/**
 * Fleiss' κ = (P̄ − P̄_e)/(1 − P̄_e) of subjects × categories counts; every subject needs the
 * same number of ratings, at least two. NaN with a `note` when there are no subjects, the
 * rating counts differ, or all ratings fall in one category (P̄_e = 1).
 * @example fleissKappa([[0, 0, 0, 0, 14], [0, 2, 6, 4, 2]]).kappa
 */
export function fleissKappa(counts: ReadonlyArray<ReadonlyArray<number>>): FleissResult {
  const subjects = counts.length;
  const raters = subjects > 0 ? counts[0].reduce((s, x) => s + x, 0) : 0;
  const result: FleissResult = { kappa: NaN, observed: NaN, expected: NaN, subjects, raters, se0: NaN, z: NaN, pTwoSided: NaN };
  if (subjects === 0) return { ...result, note: "no unit was rated by two or more coders: Fleiss' κ is undefined" };
  const uneven = counts.findIndex((row) => row.reduce((s, x) => s + x, 0) !== raters);
  if (uneven !== -1)
    return {
      ...result,
      note: `subject ${uneven + 1} has ${counts[uneven].reduce((s, x) => s + x, 0)} ratings, subject 1 has ${raters}: Fleiss' κ needs the same number for every subject`,
    };
  if (raters < 2) return { ...result, note: "each subject has fewer than two ratings: Fleiss' κ needs two or more raters" };
  const k = counts[0].length;
  const shares = Array.from({ length: k }, (_, j) => counts.reduce((s, row) => s + row[j], 0) / (subjects * raters));
  const observed = counts.reduce((s, row) => s + (row.reduce((t, x) => t + x * x, 0) - raters) / (raters * (raters - 1)), 0) / subjects;
  const expected = shares.reduce((s, p) => s + p * p, 0);
  result.observed = observed;
  result.expected = expected;
  if (1 - expected < 1e-12) return { ...result, note: "no variation: every rating is in one category, so Fleiss' κ is undefined (0/0)" };
  const kappa = (observed - expected) / (1 - expected);
  const pq = shares.reduce((s, p) => s + p * (1 - p), 0);
  const pqqp = shares.reduce((s, p) => s + p * (1 - p) * (1 - 2 * p), 0);
  const se0 = (Math.sqrt(2 / (subjects * raters * (raters - 1))) * Math.sqrt(pq * pq - pqqp)) / pq;
  const z = kappa / se0;
  return { ...result, kappa, se0, z, pTwoSided: 2 * (1 - normalCdf(Math.abs(z))) };
}
