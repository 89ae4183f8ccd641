/** One coder's value for one unit: a category label or a number. */
export type RatingValue = string | number;

/**
 * A reliability data matrix (Krippendorff's layout): coders in rows, units in columns.
 * `values[coder][unit]` is null where that coder gave no value (missing data).
 */
export interface ReliabilityData {
  coders: string[];
  units: string[];
  values: Array<Array<RatingValue | null>>;
}

/**
 * Order of rating values: numbers ascending before strings, strings by code unit. A fixed
 * order (not the locale's) keeps ordinal ranks and output identical on every machine.
 * @example [3, 'b', 1, 'a'].sort(compareRatings) // [1, 3, 'a', 'b']
 */
export function compareRatings(a: RatingValue, b: RatingValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The distinct values that occur, sorted with `compareRatings`; `1` and `'1'` count as one.
 * @example distinctRatings([[2, null], [1, 2]]) // [1, 2]
 */
export function distinctRatings(rows: ReadonlyArray<ReadonlyArray<RatingValue | null>>): RatingValue[] {
  const seen = new Map<string, RatingValue>();
  for (const row of rows) for (const v of row) if (v !== null && !seen.has(String(v))) seen.set(String(v), v);
  return [...seen.values()].sort(compareRatings);
}

/**
 * The values of one unit (a column), missing ones left out.
 * @example unitValues({ coders: ['a', 'b'], units: ['u1'], values: [[1], [null]] }, 0) // [1]
 */
export function unitValues(data: ReliabilityData, unit: number): RatingValue[] {
  const out: RatingValue[] = [];
  for (const row of data.values) {
    const v = row[unit];
    if (v !== null && v !== undefined) out.push(v);
  }
  return out;
}
