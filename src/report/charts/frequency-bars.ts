import * as Plot from '@observablehq/plot';
import type { Frequencies } from '../../analysis/frequencies.js';
import { labelMargin, plotSvg } from './svg.js';
import { counted } from '../../util/plural.js';

/** Categorical colours for families without a codebook `color`. */
const PALETTE = ['#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951', '#ff8ab7', '#a463f2', '#97bbf5', '#9c6b4e', '#9498a0'];

/** Options of `codeFrequencyChart`. */
export interface FrequencyChartOptions {
  /** CSS colours by code id; a family's colour fills its codes' bars. */
  colors?: Readonly<Record<string, string>>;
}

/** One bar of the frequency chart. */
export interface FrequencyBar {
  code: string;
  label: string;
  family: string;
  segments: number;
}

/**
 * Horizontal bars of coded segments per code, one bar per leaf code (codes without children),
 * grouped and coloured by family (the top-level code), as an SVG document.
 * @example writeFileSync('frequencies.svg', codeFrequencyChart(frequencies(coded, codebook)))
 */
export function codeFrequencyChart(freq: Frequencies, options: FrequencyChartOptions = {}): string {
  const bars = frequencyBars(freq);
  const families = [...new Set(bars.map((b) => b.family))];
  const colors = families.map((f, i) => options.colors?.[f] ?? PALETTE[i % PALETTE.length]);
  return plotSvg(
    {
      width: 720,
      height: 50 + 22 * Math.max(bars.length, 1),
      marginLeft: labelMargin(bars.map((b) => b.code)),
      marginRight: 40,
      x: { label: 'coded segments', grid: true },
      y: { label: null, domain: bars.map((b) => b.code) },
      color: { type: 'ordinal', domain: families, range: colors },
      marks: [
        Plot.barX(bars, { x: 'segments', y: 'code', fill: 'family', title: (b: FrequencyBar) => `${b.code} — ${b.label}: ${counted(b.segments, 'segment')}` }),
        Plot.text(bars, { x: 'segments', y: 'code', text: (b: FrequencyBar) => String(b.segments), dx: 4, textAnchor: 'start' }),
        Plot.ruleX([0]),
      ],
    },
    { title: 'Coded segments per code, grouped by family' },
  );
}

/**
 * The bars the chart draws: leaf codes with their total segments, families kept together in
 * codebook order.
 * @example frequencyBars(freq).length // the number of leaf codes
 */
export function frequencyBars(freq: Frequencies): FrequencyBar[] {
  const totals = freq.rows.filter((r) => r.group === null);
  const parents = new Set(totals.flatMap((r) => (r.code.includes('/') ? [r.code.slice(0, r.code.lastIndexOf('/'))] : [])));
  const bars = totals.filter((r) => !parents.has(r.code)).map((r) => ({ code: r.code, label: r.label, family: r.code.split('/')[0], segments: r.segments }));
  const familyOrder = new Map<string, number>();
  for (const b of bars) if (!familyOrder.has(b.family)) familyOrder.set(b.family, familyOrder.size);
  return bars.map((b, i) => ({ b, i })).sort((x, y) => familyOrder.get(x.b.family)! - familyOrder.get(y.b.family)! || x.i - y.i).map((x) => x.b);
}
