import { coincidenceMatrix, pairableValues, type PairableValues } from './coincidence.js';
import type { RatingValue, ReliabilityData } from './reliability-data.js';
import { checkChoice } from '../../util/options.js';

/** Level of measurement: chooses the difference function δ² of Krippendorff's α. */
export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** The options of `krippendorffAlpha`. */
export interface AlphaOptions {
  /** Level of measurement: how far apart two values are (default `nominal`). */
  metric?: MeasurementLevel;
  /** @deprecated The old name of `metric`; it goes in the next release. */
  level?: MeasurementLevel;
}

/** Every level, for option validation. */
export const MEASUREMENT_LEVELS: readonly MeasurementLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];

/** Krippendorff's α and what it was computed from. */
export interface AlphaResult {
  /** NaN when undefined; `note` says why. */
  alpha: number;
  /** The level of measurement it was computed at (as the option `metric`). */
  metric: MeasurementLevel;
  /** @deprecated The old name of `metric`, with the same value; it goes in the next release. */
  level: MeasurementLevel;
  /** Coders who gave at least one pairable value. */
  coders: number;
  /** Units with two or more values (the others are left out). */
  units: number;
  /** Number of values in those units (n in Krippendorff's notation). */
  pairableValues: number;
  /** Units with a single value, left out. */
  singleValueUnits: number;
  /** D_o, the observed disagreement. */
  observedDisagreement: number;
  /** D_e, the disagreement expected by chance. */
  expectedDisagreement: number;
  note?: string;
}

/**
 * Krippendorff's α = 1 − D_o/D_e from the coincidence matrix, for any number of coders,
 * with missing values allowed. Units with a single value are dropped (they cannot be paired).
 * Undefined (NaN, with a `note`) for fewer than two coders, no pairable unit, or no variation
 * (every pairable value the same: D_e = 0); ordinal, interval and ratio need numeric values.
 * @example krippendorffAlpha({ coders: ['a', 'b'], units: ['1', '2', '3'], values: [[1, 2, 1], [1, 2, 2]] }, { metric: 'nominal' }).alpha // 0.444…
 */
export function krippendorffAlpha(data: ReliabilityData, options: AlphaOptions = {}): AlphaResult {
  checkChoice('krippendorffAlpha', 'metric', options.metric, MEASUREMENT_LEVELS);
  checkChoice('krippendorffAlpha', 'level', options.level, MEASUREMENT_LEVELS);
  const level = options.metric ?? options.level ?? 'nominal';
  const values = pairableValues(data);
  const withValues = data.coders.filter((_, c) => data.values[c].some((v) => v !== null && v !== undefined));
  if (withValues.length < 2) {
    const who = withValues.length === 1 ? `only one coder (${withValues[0]}) gave values` : 'no coder gave a value';
    return { ...alphaOfPairable(values, level), note: `${who}: α needs two or more coders` };
  }
  return alphaOfPairable(values, level);
}

/**
 * α of values already reduced to pairable units.
 * @example alphaOfPairable(pairableValues(data), 'interval').alpha
 */
export function alphaOfPairable(values: PairableValues, level: MeasurementLevel): AlphaResult {
  const { note, ...figures } = alphaOfCoincidences(coincidenceMatrix(values), values.categories, level);
  const result: AlphaResult = {
    ...figures,
    metric: level,
    level,
    coders: values.coders,
    units: values.units.length,
    singleValueUnits: values.singleValueUnits,
  };
  if (note !== undefined) result.note = note;
  return result;
}

/**
 * α = 1 − D_o/D_e of a coincidence matrix over sorted `categories` (the bootstrap sums
 * matrices of resampled units and calls this directly). NaN with a `note` when the matrix is
 * empty, when the level needs numbers the categories are not, or when D_e = 0.
 * @example alphaOfCoincidences([[2, 1], [1, 2]], ['a', 'b'], 'nominal').alpha // 0.444…
 */
export function alphaOfCoincidences(
  matrix: readonly (readonly number[])[],
  categories: readonly RatingValue[],
  level: MeasurementLevel,
): { alpha: number; pairableValues: number; observedDisagreement: number; expectedDisagreement: number; note?: string } {
  const marginals = matrix.map((row) => row.reduce((s, x) => s + x, 0));
  const n = marginals.reduce((s, x) => s + x, 0);
  const result = { alpha: NaN, pairableValues: Math.round(n), observedDisagreement: NaN, expectedDisagreement: NaN };
  // A unit holds at most one value per coder, so n > 0 exactly when two coders met in a unit.
  if (n === 0)
    return { ...result, note: 'no unit has values from two or more coders (units coded by one coder only are left out): α is undefined' };
  const delta = differenceFunction(categories, marginals, level);
  if (typeof delta === 'string') return { ...result, note: delta };
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < matrix.length; c++) {
    for (let k = 0; k < matrix.length; k++) {
      const d = delta(c, k);
      observed += matrix[c][k] * d;
      expected += marginals[c] * marginals[k] * d;
    }
  }
  result.observedDisagreement = observed / n;
  result.expectedDisagreement = expected / (n * (n - 1));
  if (expected === 0) {
    const only = categories[marginals.findIndex((x) => x > 0)];
    return {
      ...result,
      note: `no variation: every pairable value is ${JSON.stringify(only)}, so chance disagreement is 0 and α is undefined (0/0)`,
    };
  }
  result.alpha = 1 - result.observedDisagreement / result.expectedDisagreement;
  return result;
}

/** δ²(c, k) between category indices for a level, or the reason it cannot be computed. */
function differenceFunction(
  categories: readonly RatingValue[],
  marginals: readonly number[],
  level: MeasurementLevel,
): ((c: number, k: number) => number) | string {
  if (level === 'nominal') return (c, k) => (c === k ? 0 : 1);
  const text = categories.find((v) => typeof v !== 'number');
  if (text !== undefined) return `${level} α needs numbers, but the data hold ${JSON.stringify(text)}`;
  const v = categories as number[];
  if (level === 'interval') return (c, k) => (v[c] - v[k]) ** 2;
  if (level === 'ratio') return (c, k) => (v[c] + v[k] === 0 ? 0 : ((v[c] - v[k]) / (v[c] + v[k])) ** 2);
  // Ordinal: the distance between ranks counts the values lying between them, halving the ends.
  const cumulative = [0];
  for (const m of marginals) cumulative.push(cumulative[cumulative.length - 1] + m);
  return (c, k) => {
    if (c === k) return 0;
    const [lo, hi] = c < k ? [c, k] : [k, c];
    return (cumulative[hi + 1] - cumulative[lo] - (marginals[lo] + marginals[hi]) / 2) ** 2;
  };
}
