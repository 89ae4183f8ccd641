import { unitValues, type ReliabilityData } from './reliability-data.js';

/**
 * Percent agreement (as a share in [0, 1]): per unit with two or more values, the share of
 * coder pairs that gave the same value; then the mean over those units. For two coders this
 * is the share of units where they agree. Units with one value are left out; NaN with a
 * `note` when no unit is left.
 * @example percentAgreement({ coders: ['a', 'b'], units: ['1', '2'], values: [[1, 1], [1, 2]] }).agreement // 0.5
 */
export function percentAgreement(data: ReliabilityData): { agreement: number; units: number; note?: string } {
  let sum = 0;
  let units = 0;
  for (let u = 0; u < data.units.length; u++) {
    const values = unitValues(data, u).map(String);
    const m = values.length;
    if (m < 2) continue;
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    let agreeing = 0;
    for (const c of counts.values()) agreeing += c * (c - 1);
    sum += agreeing / (m * (m - 1));
    units++;
  }
  if (units === 0) return { agreement: NaN, units, note: 'no unit has values from two or more coders: percent agreement is undefined' };
  return { agreement: sum / units, units };
}
