import { distinctRatings, unitValues, type RatingValue, type ReliabilityData } from './reliability-data.js';

/** The units that can be compared (two or more values), with their values as category indices. */
export interface PairableValues {
  /** Every value that occurs in a pairable unit, sorted (`compareRatings`). */
  categories: RatingValue[];
  /** Per pairable unit, the category index of each of its values. */
  units: number[][];
  /** Coders who gave at least one pairable value. */
  coders: number;
  /** Units with exactly one value: they cannot be paired and are left out. */
  singleValueUnits: number;
}

/**
 * Keep the units with two or more values (a unit with one value has nobody to agree with) and
 * code their values as indices into the sorted categories.
 * @example pairableValues({ coders: ['a', 'b'], units: ['1', '2'], values: [[1, 2], [1, null]] }).units // [[0, 0]]
 */
export function pairableValues(data: ReliabilityData): PairableValues {
  const kept: number[] = [];
  let singleValueUnits = 0;
  for (let u = 0; u < data.units.length; u++) {
    const m = unitValues(data, u).length;
    if (m >= 2) kept.push(u);
    else if (m === 1) singleValueUnits++;
  }
  const categories = distinctRatings(data.values.map((row) => kept.map((u) => row[u] ?? null)));
  const index = new Map(categories.map((c, i) => [String(c), i]));
  const units = kept.map((u) => unitValues(data, u).map((v) => index.get(String(v)) as number));
  const coders = data.values.filter((row) => kept.some((u) => row[u] !== null && row[u] !== undefined)).length;
  return { categories, units, coders, singleValueUnits };
}

/**
 * Krippendorff's coincidence matrix: each ordered pair of values from different coders within
 * a unit adds 1/(m_u − 1), so a unit with m_u values contributes m_u values in all.
 * @example coincidenceMatrix({ categories: ['a', 'b'], units: [[0, 1]], coders: 2, singleValueUnits: 0 }) // [[0, 1], [1, 0]]
 */
export function coincidenceMatrix(values: PairableValues): number[][] {
  const k = values.categories.length;
  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const counts = new Array<number>(k).fill(0);
  for (const unit of values.units) {
    const m = unit.length;
    for (const c of unit) counts[c]++;
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) continue;
      for (let d = 0; d < k; d++) {
        if (counts[d] === 0) continue;
        matrix[c][d] += (counts[c] * (counts[d] - (c === d ? 1 : 0))) / (m - 1);
      }
    }
    for (const c of unit) counts[c] = 0;
  }
  return matrix;
}
