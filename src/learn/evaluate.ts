import { seededRandom } from '../analysis/agreement/random.js';
import type { Dataset } from './dataset.js';
import { ruleFeature } from './features.js';
import { kFolds, type FoldGrouping } from './folds.js';
import { appliedCounts, labelOf, scoreUnit, trainSuggester, type TrainOptions } from './model.js';
import { shuffleInPlace } from './shuffle.js';
import { checkInteger, checkNumber } from '../util/options.js';

/** The three ways of coding that are compared. */
export type Method = 'learned' | 'rules' | 'most-frequent';

/** Options of `evaluateSuggester`. */
export interface EvaluateOptions extends TrainOptions {
  /** Number of folds (default 5). */
  k?: number;
  /** Seed of the fold assignment and of the learning curve's samples (default 1). */
  seed?: number;
  /** A learned score at or above this is a suggestion (default 0.3). */
  minScore?: number;
  /** Codes applied to fewer units are listed, not scored (default 5). */
  minScored?: number;
  /** Shares of the training units for the learning curve (default 0.1, 0.25, 0.5, 1). */
  fractions?: number[];
  /** Units per block when folds cannot follow documents (default 10). */
  blockSize?: number;
}

/** Counts and scores of one code (or of all scored codes together). NaN: undefined (0/0). */
export interface Scores {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/** One code's result for one method. */
export interface CodeResult extends Scores {
  code: string;
  /** Units the coder applied it to. */
  examples: number;
  /** False when it has fewer than `minScored` examples: listed, not counted in the micro average. */
  scored: boolean;
}

/** Per-code and micro-averaged results of one method over all folds. */
export interface MethodResult {
  method: Method;
  codes: CodeResult[];
  micro: Scores;
}

/** The micro average at one share of the training units. */
export interface CurvePoint {
  fraction: number;
  /** Average number of training units and of applied codings per fold. */
  trainingUnits: number;
  trainingCodings: number;
  micro: Scores;
}

/** What `evaluateSuggester` measured, and how. */
export interface Evaluation {
  k: number;
  seed: number;
  grouping: FoldGrouping;
  minScore: number;
  minScored: number;
  labelledUnits: number;
  methods: MethodResult[];
  learningCurve: CurvePoint[];
}

/**
 * k-fold cross-validation of the learned suggestions on the coders' own decisions: per code
 * precision, recall, F1 and examples, micro-averaged over codes with enough examples; the same
 * for the codebook's rules alone and for always suggesting the most frequent code; and a
 * learning curve. Folds keep documents together (or blocks of units, with a single document).
 * @example evaluateSuggester(buildDataset(corpus, decisions, { codebook }), { k: 5 }).methods[0].micro.f1
 */
export function evaluateSuggester(dataset: Dataset, options: EvaluateOptions = {}): Evaluation {
  const k = options.k ?? 5;
  const seed = options.seed ?? 1;
  const minScore = options.minScore ?? 0.3;
  const minScored = options.minScored ?? 5;
  const fractions = options.fractions ?? [0.1, 0.25, 0.5, 1];
  const fn = 'evaluateSuggester';
  checkInteger(fn, 'k', k, { min: 2 });
  checkInteger(fn, 'seed', seed);
  checkNumber(fn, 'minScore', minScore, { min: 0, max: 1, minIncluded: true });
  checkInteger(fn, 'minScored', minScored, { min: 1 });
  checkInteger(fn, 'blockSize', options.blockSize, { min: 1 });
  if (!Array.isArray(fractions) || fractions.length === 0)
    throw new TypeError(`${fn}: option fractions must be a list of shares above 0 and at most 1`);
  for (const f of fractions) checkNumber(fn, 'fractions', f, { min: 0, max: 1 });

  const examples = dataset.examples;
  const labelled = examples
    .map((_, i) => i)
    .filter((i) => examples[i].reviewed || examples[i].applied.size > 0 || examples[i].rejected.size > 0);
  const counts = appliedCounts(labelled.map((i) => examples[i]));
  const codes = [...counts.keys()];
  const { folds, grouping } = kFolds(examples, labelled, {
    k,
    seed,
    ...(options.blockSize !== undefined ? { blockSize: options.blockSize } : {}),
  });
  const train: TrainOptions = { minExamples: options.minExamples ?? 3, seed };
  if (options.l2 !== undefined) train.l2 = options.l2;
  if (options.positiveWeight !== undefined) train.positiveWeight = options.positiveWeight;
  if (options.minFeatureCount !== undefined) train.minFeatureCount = options.minFeatureCount;

  /** Per method and code: [tp, fp, fn]. */
  const tallies = new Map<Method, Map<string, [number, number, number]>>();
  const tally = (method: Method, code: string, predicted: boolean, actual: 0 | 1): void => {
    let byCode = tallies.get(method);
    if (!byCode) tallies.set(method, (byCode = new Map()));
    let t = byCode.get(code);
    if (!t) byCode.set(code, (t = [0, 0, 0]));
    addTo(t, predicted, actual);
  };
  const curve = fractions.map(() => ({ units: 0, codings: 0, counts: [0, 0, 0] as [number, number, number] }));
  const random = seededRandom(seed);

  folds.forEach((test, f) => {
    const trainingRows = folds.flatMap((other, g) => (g === f ? [] : other));
    fractions.forEach((fraction, p) => {
      const rows = fraction === 1 ? trainingRows : sample(trainingRows, fraction, random);
      const suggester = trainSuggester(dataset, train, rows);
      const point = curve[p];
      point.units += rows.length;
      for (const i of rows) point.codings += examples[i].applied.size;
      for (const i of test) {
        const scored = new Map(scoreUnit(suggester, examples[i].features, { reasons: 0 }).map((s) => [s.code, s.score]));
        for (const code of codes) {
          const actual = labelOf(examples[i], code);
          if (actual === undefined) continue;
          const predicted = (scored.get(code) ?? 0) >= minScore;
          if (fraction === 1) tally('learned', code, predicted, actual);
          if ((counts.get(code) ?? 0) >= minScored) addTo(point.counts, predicted, actual);
        }
      }
    });
    const mostFrequent = [...appliedCounts(trainingRows.map((i) => examples[i]))].reduce<[string, number] | null>(
      (best, c) => (best === null || c[1] > best[1] ? c : best),
      null,
    )?.[0];
    for (const i of test) {
      const features = new Set(examples[i].features);
      for (const code of codes) {
        const actual = labelOf(examples[i], code);
        if (actual === undefined) continue;
        tally('rules', code, features.has(ruleFeature(code)), actual);
        tally('most-frequent', code, code === mostFrequent, actual);
      }
    }
  });

  const methods: MethodResult[] = (['learned', 'rules', 'most-frequent'] as const).map((method) => {
    const results = codes.map((code): CodeResult => {
      const [tp, fp, fn] = tallies.get(method)?.get(code) ?? [0, 0, 0];
      const examplesOf = counts.get(code) ?? 0;
      return { code, examples: examplesOf, scored: examplesOf >= minScored, ...scores(tp, fp, fn) };
    });
    const scoredCodes = results.filter((r) => r.scored);
    const sum = (key: 'truePositives' | 'falsePositives' | 'falseNegatives') => scoredCodes.reduce((s, r) => s + r[key], 0);
    return { method, codes: results, micro: scores(sum('truePositives'), sum('falsePositives'), sum('falseNegatives')) };
  });
  const learningCurve = fractions.map((fraction, p) => ({
    fraction,
    trainingUnits: curve[p].units / k,
    trainingCodings: curve[p].codings / k,
    micro: scores(...curve[p].counts),
  }));
  return { k, seed, grouping, minScore, minScored, labelledUnits: labelled.length, methods, learningCurve };
}

function addTo(counts: [number, number, number], predicted: boolean, actual: 0 | 1): void {
  if (predicted && actual === 1) counts[0]++;
  else if (predicted) counts[1]++;
  else if (actual === 1) counts[2]++;
}

/** Precision, recall and F1 from counts; NaN where a ratio is 0/0. */
export function scores(truePositives: number, falsePositives: number, falseNegatives: number): Scores {
  const precision = truePositives / (truePositives + falsePositives);
  const recall = truePositives / (truePositives + falseNegatives);
  const f1 = (2 * truePositives) / (2 * truePositives + falsePositives + falseNegatives);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

/** A seeded sample of `fraction` of the rows (at least one), in their original order. */
function sample(rows: readonly number[], fraction: number, random: () => number): number[] {
  const shuffled = shuffleInPlace([...rows], random);
  return shuffled.slice(0, Math.max(1, Math.ceil(fraction * rows.length))).sort((a, b) => a - b);
}
