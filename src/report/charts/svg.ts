import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

const SVG_NS = 'http://www.w3.org/2000/svg';
const DARK = new Set(['#2171b5', '#08306b']);

/** Options of `plotSvg`. */
export interface PlotSvgOptions {
  /** Accessible title, written as the SVG's `<title>`. */
  title: string;
  /** Draw the colour scale's legend above the chart (threshold, quantize or ordinal scales only). */
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
    const legend = chart.legend('color', { document: document as unknown as Document } as Plot.LegendOptions) as SVGSVGElement | undefined;
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

/**
 * Thresholds and colours for counts: zero stays pale grey, the rest splits into up to four blues,
 * so heatmaps need no continuous (canvas-drawn) legend.
 * @example countScale(12) // { type: 'threshold', domain: [1, 4, 7, 9], range: ['#f2f2f2', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] }
 */
export function countScale(max: number): { type: 'threshold'; domain: number[]; range: string[] } {
  const blues = ['#c6dbef', '#6baed6', ...DARK];
  const steps = Math.min(4, Math.max(1, max));
  const domain = [...new Set(Array.from({ length: steps }, (_, i) => 1 + Math.round((i * Math.max(max - 1, 0)) / steps)))];
  return { type: 'threshold', domain, range: ['#f2f2f2', ...blues.slice(blues.length - domain.length)] };
}

/**
 * The text colour that reads on a cell of `countScale`: white on the two darkest blues.
 * @example inkOn(countScale(12), 12) // 'white'
 */
export function inkOn(scale: { domain: number[]; range: string[] }, value: number): string {
  const colour = scale.range[scale.domain.filter((t) => value >= t).length];
  return DARK.has(colour) ? 'white' : 'black';
}

/**
 * Left margin that fits the longest tick label at Plot's 10px font.
 * @example labelMargin(['factor/attachment']) // 114
 */
export function labelMargin(labels: readonly string[]): number {
  return Math.min(320, 20 + Math.ceil(5.5 * Math.max(0, ...labels.map((l) => l.length))));
}
