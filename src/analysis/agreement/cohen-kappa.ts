import { normalCdf, Z_975 } from './normal.js';
import { distinctRatings, type RatingValue } from './reliability-data.js';
import { checkChoice } from '../../util/options.js';

/** A two-rater contingency table: `counts[i][j]` units rated `levels[i]` by the first rater and `levels[j]` by the second. */
export interface ContingencyTable {
  levels: RatingValue[];
  counts: number[][];
}

/**
 * Weights of Cohen's κ. `linear` and `quadratic` use the distance between level indices (R irr's
 * `equal` and `squared`); an array gives a disagreement weight per index distance 0…k−1
 * (R irr's numeric `weight`), rescaled so that agreement weights run from 1 down to 0.
 */
export type KappaWeights = 'unweighted' | 'linear' | 'quadratic' | readonly number[];

/** Cohen's κ with its asymptotic standard errors and tests (Fleiss, Cohen & Everitt 1969). */
export interface KappaResult {
  /** NaN when undefined; `note` says why. */
  kappa: number;
  /** Weighted observed agreement p_o (the plain share of agreeing units when unweighted). */
  observed: number;
  /** Weighted chance agreement p_e from the two raters' marginals. */
  expected: number;
  /** Units rated by both raters. */
  units: number;
  /** Asymptotic standard error (for the confidence interval). */
  ase: number;
  /** Standard error under κ = 0 (for the test). */
  aseH0: number;
  /** κ / aseH0. */
  z: number;
  pOneSided: number;
  pTwoSided: number;
  /** κ ± 1.96·ase. */
  ci95: [number, number];
  note?: string;
}

/**
 * Cross-tabulate two raters' values over the units both rated. Following R irr's `kappa2`,
 * the levels are only the values that occur for this pair of raters, sorted; with weights,
 * distances are counted in these levels, not in raw scores.
 * @example contingencyTable(['a', 'b', null], ['a', 'a', 'b']) // { levels: ['a', 'b'], counts: [[1, 0], [1, 0]] }
 */
export function contingencyTable(first: ReadonlyArray<RatingValue | null>, second: ReadonlyArray<RatingValue | null>): ContingencyTable {
  const pairs: Array<[RatingValue, RatingValue]> = [];
  for (let u = 0; u < Math.min(first.length, second.length); u++) {
    const a = first[u];
    const b = second[u];
    if (a !== null && a !== undefined && b !== null && b !== undefined) pairs.push([a, b]);
  }
  const levels = distinctRatings(pairs);
  const index = new Map(levels.map((l, i) => [String(l), i]));
  const counts = levels.map(() => new Array<number>(levels.length).fill(0));
  for (const [a, b] of pairs) counts[index.get(String(a)) as number][index.get(String(b)) as number]++;
  return { levels, counts };
}

/**
 * Cohen's κ = (p_o − p_e)/(1 − p_e) of a contingency table, plain or weighted, with standard
 * errors, z test and 95% interval. Undefined (NaN, with a `note`) when no unit was rated by
 * both, or when chance agreement is 1 (both raters used one and the same category throughout).
 * @example cohenKappa({ levels: ['yes', 'no'], counts: [[20, 5], [10, 15]] }).kappa // 0.4
 */
export function cohenKappa(table: ContingencyTable, options: { weights?: KappaWeights } = {}): KappaResult {
  checkWeights('cohenKappa', options.weights);
  const k = table.counts.length;
  const n = table.counts.reduce((s, row) => s + row.reduce((t, x) => t + x, 0), 0);
  const result: KappaResult = {
    kappa: NaN,
    observed: NaN,
    expected: NaN,
    units: n,
    ase: NaN,
    aseH0: NaN,
    z: NaN,
    pOneSided: NaN,
    pTwoSided: NaN,
    ci95: [NaN, NaN],
  };
  if (n === 0) return { ...result, note: 'no unit was rated by both raters: κ is undefined' };
  const w = agreementWeights(k, options.weights ?? 'unweighted');
  if (typeof w === 'string') return { ...result, note: w };
  const p = table.counts.map((row) => row.map((x) => x / n));
  const rows = p.map((row) => row.reduce((s, x) => s + x, 0));
  const cols = p[0].map((_, j) => p.reduce((s, row) => s + row[j], 0));
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      observed += w[i][j] * p[i][j];
      expected += w[i][j] * rows[i] * cols[j];
    }
  }
  result.observed = observed;
  result.expected = expected;
  if (1 - expected < 1e-12) {
    return {
      ...result,
      note: `no variation: both raters used ${JSON.stringify(table.levels[rows.findIndex((r) => r > 0)])} throughout, so chance agreement is 1 and κ is undefined (0/0)`,
    };
  }
  const kappa = (observed - expected) / (1 - expected);
  // w̄ᵢ. and w̄.ⱼ: mean weight of a row (column) level against the other rater's marginals.
  const rowMean = w.map((row) => row.reduce((s, x, j) => s + x * cols[j], 0));
  const colMean = w[0].map((_, j) => w.reduce((s, row, i) => s + row[j] * rows[i], 0));
  let spread = 0;
  let spreadH0 = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      spread += p[i][j] * (w[i][j] - (rowMean[i] + colMean[j]) * (1 - kappa)) ** 2;
      spreadH0 += rows[i] * cols[j] * (w[i][j] - (rowMean[i] + colMean[j])) ** 2;
    }
  }
  const scale = n * (1 - expected) ** 2;
  const ase = Math.sqrt(Math.max(0, spread - (kappa - expected * (1 - kappa)) ** 2) / scale);
  const aseH0 = Math.sqrt(Math.max(0, spreadH0 - expected ** 2) / scale);
  const z = kappa / aseH0;
  return {
    ...result,
    kappa,
    ase,
    aseH0,
    z,
    pOneSided: 1 - normalCdf(z),
    pTwoSided: 2 * (1 - normalCdf(Math.abs(z))),
    ci95: [kappa - Z_975 * ase, kappa + Z_975 * ase],
  };
}

/**
 * Cohen's κ of two raters' values (units where either is missing are left out), on the
 * table of `contingencyTable`.
 * @example cohenKappaOfRatings([1, 2, 3, 3], [1, 2, 3, 2], { weights: 'linear' }).kappa
 */
export function cohenKappaOfRatings(
  first: ReadonlyArray<RatingValue | null>,
  second: ReadonlyArray<RatingValue | null>,
  options: { weights?: KappaWeights } = {},
): KappaResult {
  checkWeights('cohenKappaOfRatings', options.weights);
  return cohenKappa(contingencyTable(first, second), options);
}

/** Agreement weights w[i][j] in [0, 1] (1 on the diagonal), or why they cannot be built. */
function agreementWeights(k: number, weights: KappaWeights): number[][] | string {
  let byDistance: number[];
  if (weights === 'unweighted') byDistance = Array.from({ length: k }, (_, d) => (d === 0 ? 1 : 0));
  else if (weights === 'linear') byDistance = Array.from({ length: k }, (_, d) => (k === 1 ? 1 : 1 - d / (k - 1)));
  else if (weights === 'quadratic') byDistance = Array.from({ length: k }, (_, d) => (k === 1 ? 1 : 1 - d ** 2 / (k - 1) ** 2));
  else {
    if (weights.length !== k)
      return `${weights.length} weights given for ${k} levels: give one disagreement weight per level distance 0…${k - 1}`;
    const lo = Math.min(...weights);
    const hi = Math.max(...weights);
    if (hi === lo) return 'the weights are all equal: they cannot tell agreement from disagreement';
    byDistance = weights.map((x) => 1 - (x - lo) / (hi - lo));
  }
  return Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => byDistance[Math.abs(i - j)]));
}

/** Weights are a scheme's name or one number per level. */
function checkWeights(fn: string, weights: unknown): void {
  if (Array.isArray(weights) && weights.every((w) => typeof w === 'number' && Number.isFinite(w))) return;
  checkChoice(fn, 'weights', weights, ['unweighted', 'linear', 'quadratic', 'an array of numbers (one per level)']);
}
