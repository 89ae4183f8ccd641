import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

const SVG_NS = 'http://www.w3.org/2000/svg';
const DARK = ['#2171b5', '#08519c', '#08306b'];

/** Options of `plotSvg`. */
export interface PlotSvgOptions {
  /** Accessible title, written as the SVG's `<title>`. */
  title: string;
  /** Draw the colour scale's legend, as a row of swatches, above the chart. */
  colorLegend?: { left: number };
}

/**
 * Render an Observable Plot chart in Node (linkedom stands in for the browser's document) as one
 * standalone SVG. A colour legend, which Plot draws as a separate element, is moved inside the
 * chart's SVG so the file stays a single image.
 * @example plotSvg({ marks: [Plot.barX([1, 2])] }, { title: 'Two bars' }).startsWith('<svg') // true
 */
export function plotSvg(plotOptions: Plot.PlotOptions, options: PlotSvgOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const chart = Plot.plot({ ...plotOptions, document: document as unknown as Document });
  const svg = chart as unknown as SVGSVGElement;
  if (options.colorLegend) {
    const color = plotOptions.color as { type?: string; domain?: unknown[] } | undefined;
    // One swatch per value: a few values need no full-width bar.
    const width = color?.type === 'ordinal' ? Math.min(240, 40 * Math.max(1, color.domain?.length ?? 0)) : 240;
    const legend = chart.legend('color', { legend: 'ramp', width, document: document as unknown as Document } as Plot.LegendOptions) as SVGSVGElement | undefined;
    if (legend && legend.tagName.toLowerCase() === 'svg') {
      const legendHeight = Number(legend.getAttribute('height'));
      const width = Number(svg.getAttribute('width'));
      const height = Number(svg.getAttribute('height')) + legendHeight;
      const body = document.createElementNS(SVG_NS, 'g');
      body.setAttribute('transform', `translate(0,${legendHeight})`);
      for (const child of Array.from(svg.childNodes)) if ((child as Element).tagName?.toLowerCase() !== 'style') body.appendChild(child);
      const key = document.createElementNS(SVG_NS, 'g');
      key.setAttribute('aria-label', 'legend');
      key.setAttribute('font-variant', 'tabular-nums');
      // The chart centres its text; the legend's title starts at the legend's left edge.
      key.setAttribute('text-anchor', 'start');
      key.setAttribute('transform', `translate(${options.colorLegend.left},0)`);
      for (const child of Array.from(legend.childNodes)) if ((child as Element).tagName?.toLowerCase() !== 'style') key.appendChild(child);
      svg.appendChild(key);
      svg.appendChild(body);
      svg.setAttribute('height', String(height));
      svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    }
  }
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = options.title;
  svg.insertBefore(title, svg.firstChild);
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('role', 'img');
  return svg.outerHTML;
}

/** Zero's colour: a count of nothing stays pale grey. */
const ZERO = '#f2f2f2';
/** ColorBrewer's Blues, palest to darkest (its near-white first step left out: zero is grey). */
const BLUES = ['#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', ...DARK];

/** A colour scale for counts, as Plot takes it: one colour per value (`ordinal`) or per step (`threshold`). */
export interface CountScale {
  type: 'ordinal' | 'threshold';
  domain: number[];
  range: string[];
}

/**
 * Colours for the counts a heat-map shows: one colour per distinct value while there are at most
 * eight above zero (zero pale grey, the rest blues from pale to dark), so the legend has a swatch
 * for each value; more values fall into eight steps (and zero) that each hold at least one of
 * them, so every swatch of the legend is the colour of some cell and every cell's colour is in
 * the legend.
 * @example countScale([0, 1, 3]) // { type: 'ordinal', domain: [0, 1, 3], range: ['#f2f2f2', '#9ecae1', '#08306b'] }
 */
export function countScale(values: Iterable<number>): CountScale {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  const zero = distinct[0] === 0;
  const positive = zero ? distinct.slice(1) : distinct;
  if (positive.length <= BLUES.length) return { type: 'ordinal', domain: distinct, range: [...(zero ? [ZERO] : []), ...blues(positive.length)] };
  const steps = BLUES.length;
  const starts = Array.from({ length: steps }, (_, i) => positive[Math.floor((i * positive.length) / steps)]);
  return { type: 'threshold', domain: zero ? starts : starts.slice(1), range: [...(zero ? [ZERO] : []), ...blues(steps)] };
}

/** `n` blues spread from pale to dark; a few start a step darker, to stand apart from zero's grey. */
function blues(n: number): string[] {
  if (n <= 1) return n === 1 ? [BLUES[3]] : [];
  const from = n <= 4 ? 2 : 0;
  return Array.from({ length: n }, (_, i) => BLUES[from + Math.round((i * (BLUES.length - 1 - from)) / (n - 1))]);
}

/**
 * The colour `countScale` gives a value.
 * @example colourOf(countScale([0, 1, 3]), 3) // '#08306b'
 */
export function colourOf(scale: CountScale, value: number): string {
  if (scale.type === 'ordinal') return scale.range[scale.domain.indexOf(value)];
  return scale.range[scale.domain.filter((t) => value >= t).length];
}

/**
 * The text colour that reads on a cell of `countScale`: white on the darkest blues.
 * @example inkOn(countScale([0, 1, 3]), 3) // 'white'
 */
export function inkOn(scale: CountScale, value: number): string {
  return DARK.includes(colourOf(scale, value)) ? 'white' : 'black';
}

/**
 * Left margin that fits the longest tick label at Plot's 10px font.
 * @example labelMargin(['factor/attachment']) // 114
 */
export function labelMargin(labels: readonly string[]): number {
  return Math.min(320, 20 + Math.ceil(5.5 * Math.max(0, ...labels.map((l) => l.length))));
}
