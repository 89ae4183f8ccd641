import * as Plot from '@observablehq/plot';
import type { Cooccurrence, CooccurrenceCell } from '../../analysis/cooccurrence.js';
import { countScale, inkOn, labelMargin, plotSvg } from './svg.js';

/** Width of the colour legend Plot draws, which a small matrix must leave room for. */
const LEGEND_WIDTH = 260;

/**
 * The co-occurrence matrix as a heatmap: one cell per pair of codes, shaded by the segments they
 * share and labelled with the count. The diagonal shows each code's frequency, unshaded: it is a
 * different quantity, so it takes no colour of the legend.
 * @example cooccurrenceHeatmap(cooccurrence(codings, codebook, { level: 2 }))
 */
export function cooccurrenceHeatmap(co: Cooccurrence): string {
  const n = co.codes.length;
  const pairs = co.cells.filter((c) => c.a !== c.b);
  const diagonal = co.cells.filter((c) => c.a === c.b);
  const scale = countScale(pairs.map((c) => c.segments));
  const marginLeft = labelMargin(co.codes);
  const marginBottom = Math.round(marginLeft * 0.75) + 10;
  const label = (c: CooccurrenceCell) => String(c.segments);
  return plotSvg(
    {
      width: marginLeft + Math.max(26 * Math.max(n, 1) + 20, LEGEND_WIDTH),
      height: 30 + 26 * Math.max(n, 1) + marginBottom,
      marginLeft,
      marginBottom,
      marginTop: 10,
      padding: 0.05,
      x: { label: null, domain: co.codes, tickRotate: -40 },
      y: { label: null, domain: co.codes },
      color: { ...scale, label: 'segments coded with both' },
      marks: [
        Plot.cell(pairs, {
          x: 'a', y: 'b', fill: 'segments',
          title: (c: CooccurrenceCell) => `${c.a} & ${c.b}: ${c.segments} segments, Jaccard ${Number.isNaN(c.jaccard) ? '—' : c.jaccard.toFixed(2)}`,
        }),
        Plot.cell(diagonal, { x: 'a', y: 'b', fill: 'white', stroke: '#b8b8b8', inset: 0.5, className: 'diagonal', title: (c: CooccurrenceCell) => `${c.a}: ${c.segments} segments` }),
        Plot.text(pairs.filter((c) => c.segments > 0), { x: 'a', y: 'b', text: label, fill: (c: CooccurrenceCell) => inkOn(scale, c.segments) }),
        Plot.text(diagonal, { x: 'a', y: 'b', text: label, fill: '#555', fontStyle: 'italic', className: 'diagonal' }),
      ],
    },
    { title: 'Co-occurrence of codes in segments', colorLegend: { left: marginLeft } },
  );
}
