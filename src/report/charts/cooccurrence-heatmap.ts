import * as Plot from '@observablehq/plot';
import type { Cooccurrence, CooccurrenceCell } from '../../analysis/cooccurrence.js';
import { countScale, inkOn, labelMargin, plotSvg } from './svg.js';

/**
 * The co-occurrence matrix as a heatmap: one cell per pair of codes, shaded by the segments they
 * share and labelled with the count; the diagonal shows each code's frequency.
 * @example cooccurrenceHeatmap(cooccurrence(codings, codebook, { level: 2 }))
 */
export function cooccurrenceHeatmap(co: Cooccurrence): string {
  const n = co.codes.length;
  const scale = countScale(Math.max(0, ...co.cells.filter((c) => c.a !== c.b).map((c) => c.segments)));
  const marginLeft = labelMargin(co.codes);
  const marginBottom = Math.round(marginLeft * 0.75) + 10;
  return plotSvg(
    {
      width: marginLeft + 26 * Math.max(n, 1) + 20,
      height: 30 + 26 * Math.max(n, 1) + marginBottom,
      marginLeft,
      marginBottom,
      marginTop: 10,
      padding: 0.05,
      x: { label: null, domain: co.codes, tickRotate: -40 },
      y: { label: null, domain: co.codes },
      color: { ...scale, label: 'segments coded with both' },
      marks: [
        Plot.cell(co.cells, {
          x: 'a', y: 'b', fill: 'segments',
          title: (c: CooccurrenceCell) => (c.a === c.b ? `${c.a}: ${c.segments} segments` : `${c.a} & ${c.b}: ${c.segments} segments, Jaccard ${Number.isNaN(c.jaccard) ? '—' : c.jaccard.toFixed(2)}`),
        }),
        Plot.text(co.cells.filter((c) => c.segments > 0), { x: 'a', y: 'b', text: (c: CooccurrenceCell) => String(c.segments), fill: (c: CooccurrenceCell) => inkOn(scale, c.segments) }),
      ],
    },
    { title: 'Co-occurrence of codes in segments', colorLegend: { left: marginLeft } },
  );
}
