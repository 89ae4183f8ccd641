import { shuffleInPlace } from './shuffle.js';

/** Sparse rows: row `i` has the columns `columns[i]` with the values `values[i]`. */
export interface SparseRows {
  columns: Int32Array[];
  values: Float64Array[];
}

/** A binary logistic regression: P(y = 1 | x) = σ(bias + w·x). */
export interface LogisticModel {
  weights: Float64Array;
  bias: number;
}

/** Options of `fitLogistic`. */
export interface LogisticOptions {
  /** L2 penalty on the weights (not the bias): λ/2 · ‖w‖² over the whole training set. */
  l2: number;
  /** Weight of each positive example's loss (1 = plain likelihood). */
  positiveWeight?: number;
  /** Passes over the rows (default 10). */
  epochs?: number;
  /** Source of the row order of each pass: the same seed, the same model. */
  random: () => number;
}

/** Step size of the first pass; pass e uses 0.5 / √(1 + e). */
const FIRST_STEP = 0.5;

/** σ(z) = 1 / (1 + e^{-z}). */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * Fit an L2-regularised logistic regression by stochastic gradient descent: passes over the
 * rows in a seeded order, each step O(features of the row) (the L2 shrinkage is one scale
 * factor), so a pass costs the same whatever the vocabulary size; the model is the average of
 * the second half of the passes. `rows` picks the training rows of `x`; `labels[k]` is 1 or 0
 * for row `rows[k]`.
 * @example fitLogistic(x, 100, rows, labels, { l2: 1, random: seededRandom(1) }).bias
 */
export function fitLogistic(
  x: SparseRows,
  dimension: number,
  rows: readonly number[],
  labels: readonly number[],
  options: LogisticOptions,
): LogisticModel {
  const positiveWeight = options.positiveWeight ?? 1;
  const epochs = options.epochs ?? 10;
  const n = rows.length;
  const lambda = options.l2 / Math.max(n, 1);
  const v = new Float64Array(dimension);
  const sum = new Float64Array(dimension);
  let scale = 1;
  let bias = 0;
  let biasSum = 0;
  let averaged = 0;
  const order = rows.map((_, k) => k);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, options.random);
    const eta = FIRST_STEP / Math.sqrt(1 + epoch);
    for (const k of order) {
      const cols = x.columns[rows[k]];
      const vals = x.values[rows[k]];
      let z = 0;
      for (let j = 0; j < cols.length; j++) z += v[cols[j]] * vals[j];
      z = bias + scale * z;
      const y = labels[k];
      const g = (y === 1 ? positiveWeight : 1) * (sigmoid(z) - y);
      scale *= 1 - eta * lambda;
      const step = (eta * g) / scale;
      for (let j = 0; j < cols.length; j++) v[cols[j]] -= step * vals[j];
      bias -= eta * g;
    }
    if (epoch >= epochs / 2) {
      for (let j = 0; j < dimension; j++) sum[j] += scale * v[j];
      biasSum += bias;
      averaged++;
    }
  }
  for (let j = 0; j < dimension; j++) sum[j] /= averaged;
  return { weights: sum, bias: biasSum / averaged };
}
