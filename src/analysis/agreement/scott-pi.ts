import type { ContingencyTable } from './cohen-kappa.js';

/**
 * Scott's π = (p_o − p_e)/(1 − p_e) of a two-rater table, where chance agreement comes from
 * the pooled marginals of both raters (not each rater's own, as in Cohen's κ). NaN with a
 * `note` when no unit was rated by both or both used one category only.
 * @example scottPi({ levels: ['yes', 'no'], counts: [[20, 5], [10, 15]] }).pi // 0.3939…
 */
export function scottPi(table: ContingencyTable): { pi: number; observed: number; expected: number; note?: string } {
  const k = table.counts.length;
  const n = table.counts.reduce((s, row) => s + row.reduce((t, x) => t + x, 0), 0);
  if (n === 0) return { pi: NaN, observed: NaN, expected: NaN, note: 'no unit was rated by both raters: π is undefined' };
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    observed += table.counts[i][i] / n;
    let share = 0;
    for (let j = 0; j < k; j++) share += (table.counts[i][j] + table.counts[j][i]) / (2 * n);
    expected += share ** 2;
  }
  if (1 - expected < 1e-12)
    return { pi: NaN, observed, expected, note: 'no variation: both raters used one category throughout, so π is undefined (0/0)' };
  return { pi: (observed - expected) / (1 - expected), observed, expected };
}
