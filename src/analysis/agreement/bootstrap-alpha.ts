import { coincidenceMatrix, pairableValues } from './coincidence.js';
import { alphaOfCoincidences, MEASUREMENT_LEVELS, type MeasurementLevel } from './krippendorff-alpha.js';
import { seededRandom } from './random.js';
import type { ReliabilityData } from './reliability-data.js';
import { checkChoice, checkInteger, checkNumber } from '../../util/options.js';

/** Most resamples a bootstrap may ask for: far past where the interval stops changing, and each costs a pass over the units. */
export const MAX_BOOTSTRAP_SAMPLES = 100_000;

/** Options of the bootstrap interval of α. */
export interface BootstrapOptions {
  /** Level of measurement (default `nominal`). */
  metric?: MeasurementLevel;
  /** @deprecated The old name of `metric`; it goes in the next release. */
  level?: MeasurementLevel;
  /** Number of resamples (e.g. 1000). */
  samples: number;
  /** Seed of the pseudo-random generator: the same seed gives the same interval. */
  seed?: number;
  /** Coverage of the interval, default 0.95. */
  confidence?: number;
}

/** A percentile bootstrap interval of Krippendorff's α. */
export interface AlphaInterval {
  low: number;
  high: number;
  confidence: number;
  /** Resamples whose α was defined (the interval is taken over these). */
  samples: number;
  seed: number;
  note?: string;
}

/**
 * Percentile bootstrap interval of α: resample the pairable units with replacement `samples`
 * times, recompute α on each, and take the (1 − confidence)/2 and (1 + confidence)/2
 * quantiles (linear interpolation). Resamples without variation have no α and are skipped
 * (the `note` says how many). NaN bounds with a `note` when no resample gives an α.
 * @example bootstrapAlpha(data, { samples: 1000, seed: 1 }) // { low: 0.61, high: 0.87, … }
 */
export function bootstrapAlpha(data: ReliabilityData, options: BootstrapOptions): AlphaInterval {
  checkChoice('bootstrapAlpha', 'metric', options.metric, MEASUREMENT_LEVELS);
  checkChoice('bootstrapAlpha', 'level', options.level, MEASUREMENT_LEVELS);
  checkNumber('bootstrapAlpha', 'confidence', options.confidence, { min: 0, max: 1, maxExcluded: true });
  checkInteger('bootstrapAlpha', 'samples', options.samples, { min: 1, max: MAX_BOOTSTRAP_SAMPLES });
  checkInteger('bootstrapAlpha', 'seed', options.seed);
  const level = options.metric ?? options.level ?? 'nominal';
  const confidence = options.confidence ?? 0.95;
  const seed = options.seed ?? 1;
  const values = pairableValues(data);
  const n = values.units.length;
  // Units with the same values contribute the same coincidences: a resample only needs to
  // count how often it drew each pattern, which keeps 1000 resamples of 50 000 units quick.
  const patternOf = new Map<string, number>();
  const unitPattern = values.units.map((unit) => {
    const key = [...unit].sort((a, b) => a - b).join(',');
    let p = patternOf.get(key);
    if (p === undefined) patternOf.set(key, (p = patternOf.size));
    return p;
  });
  const contributions = [...patternOf.keys()].map((key) => coincidenceMatrix({ ...values, units: [key.split(',').map(Number)] }));
  const k = values.categories.length;
  const next = seededRandom(seed);
  const alphas: number[] = [];
  const drawn = new Array<number>(contributions.length);
  for (let s = 0; n > 0 && s < options.samples; s++) {
    drawn.fill(0);
    for (let i = 0; i < n; i++) drawn[unitPattern[Math.floor(next() * n)]]++;
    const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    drawn.forEach((times, p) => {
      if (times === 0) return;
      const contribution = contributions[p];
      for (let c = 0; c < k; c++) for (let d = 0; d < k; d++) matrix[c][d] += times * contribution[c][d];
    });
    const a = alphaOfCoincidences(matrix, values.categories, level).alpha;
    if (!Number.isNaN(a)) alphas.push(a);
  }
  const interval: AlphaInterval = { low: NaN, high: NaN, confidence, samples: alphas.length, seed };
  if (alphas.length === 0)
    return { ...interval, note: n === 0 ? 'no pairable unit to resample: no interval' : 'no resample had variation: no interval' };
  alphas.sort((a, b) => a - b);
  interval.low = quantile(alphas, (1 - confidence) / 2);
  interval.high = quantile(alphas, (1 + confidence) / 2);
  const skipped = options.samples - alphas.length;
  if (skipped > 0) interval.note = `${skipped} of ${options.samples} resamples had no variation (α undefined) and were left out`;
  return interval;
}

function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
