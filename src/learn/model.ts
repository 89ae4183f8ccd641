import type { Dataset, Example } from './dataset.js';
import { featureKind, featureLabel, type FeatureKind } from './features.js';
import { seededRandom } from '../analysis/agreement/random.js';
import { fitLogistic, sigmoid, type LogisticModel, type SparseRows } from './logistic.js';
import { uncertaintyOf } from './review.js';
import { checkInteger, checkNumber } from '../util/options.js';

/** Options of `trainSuggester`. */
export interface TrainOptions {
  /** L2 penalty (default 10). Larger: smoother scores, fewer confident suggestions. */
  l2?: number;
  /** Codes with fewer applied examples get no model (default 3). */
  minExamples?: number;
  /** Features seen in fewer training units are left out (default 2). */
  minFeatureCount?: number;
  /** Weight of a positive example's loss, to make up for rare codes (default 10). */
  positiveWeight?: number;
  /** Seed of the training order (default 1): the same seed and data give the same model. */
  seed?: number;
}

/** The model of one code. */
export interface CodeModel extends LogisticModel {
  code: string;
  /** Training units the code was applied to / left off. */
  positives: number;
  negatives: number;
}

/** Per-code models over one vocabulary of readable features. */
export interface Suggester {
  vocabulary: string[];
  index: Map<string, number>;
  models: CodeModel[];
  /** How word and phrase features read (see `Dataset.surfaces`). */
  surfaces: Map<string, string>;
}

/** One feature's part in a score: `weight` is its contribution to the log-odds. */
export interface Reason {
  feature: string;
  kind: FeatureKind;
  /** As shown in "suggested because: …". */
  label: string;
  weight: number;
}

/** A code's score on a unit and why. */
export interface Scored {
  code: string;
  /** Probability that the coder would apply the code, in [0, 1]. */
  score: number;
  /** 1 at a score of 0.5, 0 at 0 or 1: how much a decision on it would teach the model. */
  uncertainty: number;
  /** The features that raised the score most, strongest first. */
  because: Reason[];
}

/** The label of an example for a code: 1, 0, or undefined when the coder has not decided. */
export function labelOf(example: Example, code: string): 1 | 0 | undefined {
  if (example.applied.has(code)) return 1;
  if (example.reviewed || example.rejected.has(code)) return 0;
  return undefined;
}

/** The codes applied in the given examples, with how many units each was applied to. */
export function appliedCounts(examples: Iterable<Example>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of examples) for (const code of e.applied) counts.set(code, (counts.get(code) ?? 0) + 1);
  return new Map([...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

/**
 * Train one logistic regression per code on the labelled examples (`rows` of the dataset,
 * default all): positives where the coder applied the code, negatives where they read the unit
 * and did not, or rejected it. Deterministic: the same data and seed give the same weights.
 * @example const s = trainSuggester(buildDataset(corpus, decisions)); scoreUnit(s, example.features)
 */
export function trainSuggester(dataset: Dataset, options: TrainOptions = {}, rows?: readonly number[]): Suggester {
  const fn = 'trainSuggester';
  checkNumber(fn, 'l2', options.l2, { min: 0, max: Infinity });
  checkInteger(fn, 'minExamples', options.minExamples, { min: 1 });
  checkInteger(fn, 'minFeatureCount', options.minFeatureCount, { min: 1 });
  checkNumber(fn, 'positiveWeight', options.positiveWeight, { min: 0, max: Infinity });
  checkInteger(fn, 'seed', options.seed);
  const { l2 = 1, minExamples = 3, minFeatureCount = 2, positiveWeight = 10, seed = 1 } = options;
  const training = (rows ?? dataset.examples.map((_, i) => i)).filter((i) => {
    const e = dataset.examples[i];
    return e.reviewed || e.applied.size > 0 || e.rejected.size > 0;
  });
  const counts = new Map<string, number>();
  for (const i of training) for (const f of dataset.examples[i].features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocabulary = [...counts]
    .filter(([, n]) => n >= minFeatureCount)
    .map(([f]) => f)
    .sort();
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const x: SparseRows = { columns: [], values: [] };
  for (const i of training) {
    const v = vectorise(index, dataset.examples[i].features);
    x.columns.push(v.columns);
    x.values.push(v.values);
  }
  const models: CodeModel[] = [];
  for (const [code, positives] of appliedCounts(training.map((i) => dataset.examples[i]))) {
    if (positives < minExamples) continue;
    const picked: number[] = [];
    const labels: number[] = [];
    training.forEach((i, k) => {
      const label = labelOf(dataset.examples[i], code);
      if (label === undefined) return;
      picked.push(k);
      labels.push(label);
    });
    const fit = fitLogistic(x, vocabulary.length, picked, labels, { l2, positiveWeight, random: seededRandom(seed) });
    models.push({ code, ...fit, positives, negatives: labels.length - positives });
  }
  return { vocabulary, index, models, surfaces: dataset.surfaces };
}

/**
 * Every code's score on a unit with its features, and the features that raised it most (for
 * scores of at least `minScore`, default 0: all).
 * @example scoreUnit(suggester, example.features, { reasons: 3 })[0].because[0].label // 'equity'
 */
export function scoreUnit(
  suggester: Suggester,
  features: readonly string[],
  options: { reasons?: number; minScore?: number } = {},
): Scored[] {
  const reasons = options.reasons ?? 5;
  const minScore = options.minScore ?? 0;
  const v = vectorise(suggester.index, features);
  return suggester.models.map((m) => {
    let z = m.bias;
    for (let j = 0; j < v.columns.length; j++) z += m.weights[v.columns[j]] * v.values[j];
    const score = sigmoid(z);
    // Reasons are made only for the scores that will be shown: most units score low on most codes.
    const because = reasons > 0 && score >= minScore ? strongest(suggester, m, v, reasons) : [];
    return { code: m.code, score, uncertainty: uncertaintyOf(score), because };
  });
}

/** The `count` features that raised a code's score most on a unit, strongest first. */
function strongest(suggester: Suggester, m: CodeModel, v: { columns: Int32Array; values: Float64Array }, count: number): Reason[] {
  const parts: Array<{ j: number; weight: number }> = [];
  for (let j = 0; j < v.columns.length; j++) {
    const weight = m.weights[v.columns[j]] * v.values[j];
    if (weight > 0) parts.push({ j: v.columns[j], weight });
  }
  parts.sort((a, b) => b.weight - a.weight || a.j - b.j);
  return parts.slice(0, count).map(({ j, weight }) => {
    const feature = suggester.vocabulary[j];
    return { feature, kind: featureKind(feature), label: featureLabel(feature, suggester.surfaces.get(feature)), weight };
  });
}

/**
 * A unit's features as a sparse vector: words and phrases share a unit length (so a long turn
 * does not outvote a short one), a fired rule and the role count 1 each. Unknown features drop out.
 */
function vectorise(index: Map<string, number>, features: readonly string[]): { columns: Int32Array; values: Float64Array } {
  const known = features
    .map((f) => index.get(f))
    .map((j, k) => ({ j, k }))
    .filter((p): p is { j: number; k: number } => p.j !== undefined);
  const textCount = known.filter((p) => isText(features[p.k])).length;
  known.sort((a, b) => a.j - b.j);
  const columns = new Int32Array(known.length);
  const values = new Float64Array(known.length);
  known.forEach((p, i) => {
    columns[i] = p.j;
    values[i] = isText(features[p.k]) ? 1 / Math.sqrt(textCount) : 1;
  });
  return { columns, values };
}

function isText(feature: string): boolean {
  return feature.startsWith('w:') || feature.startsWith('p:');
}
