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
  /** L2 penalty on the weights (not the bias): λ/2 · ‖w‖². */
  l2: number;
  /** Weight of each positive example's loss (1 = plain likelihood). */
  positiveWeight?: number;
  maxIterations?: number;
  /** Stop when the gradient's largest component is below this. */
  tolerance?: number;
}

const HISTORY = 7;

/**
 * Fit an L2-regularised logistic regression with L-BFGS (deterministic: no random start, no
 * sampling). `rows` picks the training rows of `x`; `labels[i]` is 1 or 0 for row `rows[i]`.
 * @example fitLogistic(x, 100, rows, labels, { l2: 1 }).bias
 */
export function fitLogistic(x: SparseRows, dimension: number, rows: readonly number[], labels: readonly number[], options: LogisticOptions): LogisticModel {
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.tolerance ?? 1e-5;
  const positiveWeight = options.positiveWeight ?? 1;
  const n = dimension + 1; // last slot: the bias
  const objective = (theta: Float64Array, gradient: Float64Array): number => {
    gradient.fill(0);
    let loss = 0;
    for (let k = 0; k < rows.length; k++) {
      const cols = x.columns[rows[k]];
      const vals = x.values[rows[k]];
      let z = theta[dimension];
      for (let j = 0; j < cols.length; j++) z += theta[cols[j]] * vals[j];
      const y = labels[k];
      const weight = y === 1 ? positiveWeight : 1;
      // log(1 + e^{-z}) for y = 1, log(1 + e^{z}) for y = 0, computed without overflow.
      const m = y === 1 ? -z : z;
      loss += weight * (m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m)));
      const residual = weight * (sigmoid(z) - y);
      for (let j = 0; j < cols.length; j++) gradient[cols[j]] += residual * vals[j];
      gradient[dimension] += residual;
    }
    for (let j = 0; j < dimension; j++) {
      loss += 0.5 * options.l2 * theta[j] * theta[j];
      gradient[j] += options.l2 * theta[j];
    }
    return loss;
  };
  const theta = minimise(objective, new Float64Array(n), maxIterations, tolerance);
  return { weights: theta.subarray(0, dimension), bias: theta[dimension] };
}

/** σ(z) = 1 / (1 + e^{-z}). */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** L-BFGS with a backtracking (Armijo) line search. */
function minimise(f: (theta: Float64Array, gradient: Float64Array) => number, start: Float64Array, maxIterations: number, tolerance: number): Float64Array {
  const n = start.length;
  let theta = start;
  let gradient = new Float64Array(n);
  let value = f(theta, gradient);
  const steps: Float64Array[] = [];
  const changes: Float64Array[] = [];
  const rhos: number[] = [];
  const direction = new Float64Array(n);
  const alphas = new Float64Array(HISTORY);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (maxAbs(gradient) < tolerance) break;
    // Two-loop recursion: direction = -H·gradient.
    for (let i = 0; i < n; i++) direction[i] = -gradient[i];
    for (let m = steps.length - 1; m >= 0; m--) {
      alphas[m] = rhos[m] * dot(steps[m], direction);
      axpy(-alphas[m], changes[m], direction);
    }
    if (steps.length > 0) {
      const last = steps.length - 1;
      const scale = dot(steps[last], changes[last]) / dot(changes[last], changes[last]);
      for (let i = 0; i < n; i++) direction[i] *= scale;
    }
    for (let m = 0; m < steps.length; m++) {
      const beta = rhos[m] * dot(changes[m], direction);
      axpy(alphas[m] - beta, steps[m], direction);
    }
    let slope = dot(gradient, direction);
    if (slope >= 0) {
      // Not a descent direction: start again from steepest descent.
      steps.length = changes.length = rhos.length = 0;
      for (let i = 0; i < n; i++) direction[i] = -gradient[i];
      slope = dot(gradient, direction);
    }
    let step = iteration === 0 && steps.length === 0 ? Math.min(1, 1 / Math.max(maxAbs(gradient), 1e-12)) : 1;
    const next = new Float64Array(n);
    const nextGradient = new Float64Array(n);
    let nextValue = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) next[i] = theta[i] + step * direction[i];
      nextValue = f(next, nextGradient);
      if (nextValue <= value + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(nextValue < value)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = next[i] - theta[i];
      y[i] = nextGradient[i] - gradient[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      if (steps.length === HISTORY) {
        steps.shift();
        changes.shift();
        rhos.shift();
      }
      steps.push(s);
      changes.push(y);
      rhos.push(1 / sy);
    }
    const improvement = value - nextValue;
    theta = next;
    gradient = nextGradient;
    value = nextValue;
    if (improvement < 1e-10 * Math.max(1, Math.abs(value))) break;
  }
  return theta;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function axpy(alpha: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i] += alpha * x[i];
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}
