import * as Plot from '@observablehq/plot';
import { NO_GROUP, type Frequencies } from '../../analysis/frequencies.js';
import { frequencyBars } from './frequency-bars.js';
import { countScale, inkOn, labelMargin, plotSvg } from './svg.js';
import { checkInteger } from '../../util/options.js';

/** One cell of the heatmap. */
export interface HeatCell {
  code: string;
  group: string;
  segments: number;
}

/** Options of `codeInformantHeatmap`. */
export interface HeatmapOptions {
  /** At most this many informants (those with the most coded segments), default 30. */
  maxGroups?: number;
}

/**
 * A code × informant heatmap (or code × whatever the frequencies are grouped by): one cell per
 * leaf code and informant who has coded segments, shaded by the number of segments and labelled
 * with it. Compute the frequencies with `by: 'speaker'` for informants.
 * @example codeInformantHeatmap(frequencies(coded, codebook, { by: 'speaker' }))
 */
export function codeInformantHeatmap(freq: Frequencies, options: HeatmapOptions = {}): string {
  checkInteger('codeInformantHeatmap', 'maxGroups', options.maxGroups, { min: 1 });
  const cells = heatmapCells(freq, options);
  const codes = [...new Set(cells.map((c) => c.code))];
  const groups = [...new Set(cells.map((c) => c.group))];
  const scale = countScale(cells.map((c) => c.segments));
  const marginLeft = labelMargin(codes);
  const marginBottom = Math.round(labelMargin(groups) * 0.75) + 10;
  return plotSvg(
    {
      width: marginLeft + 40 * Math.max(groups.length, 1) + 20,
      height: 30 + 22 * Math.max(codes.length, 1) + marginBottom,
      marginLeft,
      marginBottom,
      marginTop: 10,
      padding: 0.05,
      x: { label: null, domain: groups, tickRotate: -40 },
      y: { label: null, domain: codes },
      color: { ...scale, label: 'coded segments' },
      marks: [
        Plot.cell(cells, { x: 'group', y: 'code', fill: 'segments', title: (c: HeatCell) => `${c.code} × ${c.group}: ${c.segments} segments` }),
        Plot.text(cells.filter((c) => c.segments > 0), { x: 'group', y: 'code', text: (c: HeatCell) => String(c.segments), fill: (c: HeatCell) => inkOn(scale, c.segments) }),
      ],
    },
    { title: `Coded segments per code and ${freq.by}`, colorLegend: { left: marginLeft } },
  );
}

/**
 * The cells the heatmap draws: every leaf code × every group that has at least one coded
 * segment (at most `maxGroups` groups, the busiest, in their original order).
 * @example heatmapCells(frequencies(coded, codebook, { by: 'speaker' })).length
 */
export function heatmapCells(freq: Frequencies, options: HeatmapOptions = {}): HeatCell[] {
  const leaves = new Set(frequencyBars(freq).map((b) => b.code));
  const rows = freq.rows.filter((r) => r.group !== null && r.group !== NO_GROUP && leaves.has(r.code));
  const coded = new Map<string, number>();
  for (const r of rows) coded.set(r.group!, (coded.get(r.group!) ?? 0) + r.segments);
  let groups = freq.groups.filter((g) => (coded.get(g) ?? 0) > 0);
  const max = options.maxGroups ?? 30;
  if (groups.length > max) {
    const busiest = new Set([...groups].sort((a, b) => coded.get(b)! - coded.get(a)!).slice(0, max));
    groups = groups.filter((g) => busiest.has(g));
  }
  const order = [...leaves];
  const keep = new Set(groups);
  return rows
    .filter((r) => keep.has(r.group!))
    .map((r) => ({ code: r.code, group: r.group!, segments: r.segments }))
    .sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code) || groups.indexOf(a.group) - groups.indexOf(b.group));
}
