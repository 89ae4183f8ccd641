import { XMLValidator } from 'fast-xml-parser';
import { DOMParser } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { cooccurrence, type Cooccurrence } from '../../src/analysis/cooccurrence.js';
import { frequencies } from '../../src/analysis/frequencies.js';
import type { ReportData } from '../../src/report/build-report.js';
import { codeInformantHeatmap, heatmapCells } from '../../src/report/charts/code-informant-heatmap.js';
import { cooccurrenceHeatmap } from '../../src/report/charts/cooccurrence-heatmap.js';
import { codeFrequencyChart, frequencyBars } from '../../src/report/charts/frequency-bars.js';
import { colourOf, countScale, inkOn } from '../../src/report/charts/svg.js';
import { emptyRules, type Codebook } from '../../src/model/codebook.js';
import type { Segment } from '../../src/model/segment.js';
import { fixtureCorpus, fixtureReport } from './fixture.js';

/** Parse an SVG document, failing on anything that is not well-formed XML. */
function parse(svg: string) {
  expect(XMLValidator.validate(svg)).toBe(true);
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.documentElement.tagName.toLowerCase()).toBe('svg');
  expect(doc.documentElement.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
  return doc;
}

const marks = (doc: ReturnType<typeof parse>, kind: string, element = 'rect') => doc.querySelectorAll(`g[aria-label="${kind}"]:not(.diagonal) ${element}`);
/** Every cell of a heat-map, the diagonal's included. */
const cells = (doc: ReturnType<typeof parse>) => doc.querySelectorAll('g[aria-label="cell"] rect');
const fills = (doc: ReturnType<typeof parse>, kind: string) => [...marks(doc, kind)].map((r) => r.getAttribute('fill')!);

/** The legend's swatches are the colours of the shaded cells, each once, and no other. */
function sameColours(doc: ReturnType<typeof parse>): boolean {
  const legend = fills(doc, 'legend');
  expect(new Set(legend).size, 'a colour repeated in the legend').toBe(legend.length);
  expect(new Set(fills(doc, 'cell'))).toEqual(new Set(legend));
  return true;
}

let data: ReportData;
beforeAll(async () => {
  data = await fixtureReport();
});

describe('charts of the fixture', () => {
  it('frequency bars: one bar and one count label per leaf code, coloured by family', () => {
    const doc = parse(codeFrequencyChart(data.frequencies, { colors: data.colors }));
    const bars = marks(doc, 'bar');
    expect(bars).toHaveLength(4);
    expect(marks(doc, 'text', 'text')).toHaveLength(4);
    expect([...bars].map((b) => b.getAttribute('fill'))).toEqual(['#d62728', '#d62728', '#1f77b4', '#1f77b4']);
    expect([...bars].map((b) => b.querySelector('title')!.textContent)).toEqual([
      'factor/attachment — kelekatan: 5 segments', 'factor/proximity — kedekatan: 2 segments',
      'stage/assessment — asesmen: 2 segments', 'stage/planning — perencanaan: 3 segments',
    ]);
    expect(doc.querySelector('svg > title')!.textContent).toBe('Coded segments per code, grouped by family');
  });

  it('code × informant: one cell per leaf code and informant with coded segments, and a legend', () => {
    const doc = parse(codeInformantHeatmap(data.bySpeaker));
    expect(marks(doc, 'cell')).toHaveLength(4 * 3);
    expect(doc.querySelectorAll('g[aria-label="x-axis tick label"] text').length).toBe(3);
    const labels = [...doc.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent);
    expect(labels).toEqual(['Siti Rahma', 'Budi Santoso', 'Maya Lestari']);
    expect(sameColours(doc)).toBe(true);
  });

  it('co-occurrence: one cell per pair of codes, for all codes or one level', async () => {
    // The report shows families by default: factor and stage.
    expect(cells(parse(cooccurrenceHeatmap(data.cooccurrence)))).toHaveLength(2 * 2);
    expect(cells(parse(cooccurrenceHeatmap((await fixtureReport({ level: 'all' })).cooccurrence)))).toHaveLength(6 * 6);
    const { codebook, codings } = await fixtureCorpus();
    const level2 = parse(cooccurrenceHeatmap(cooccurrence(codings, codebook, { level: 2 })));
    expect(cells(level2)).toHaveLength(4 * 4);
    // A count label on every non-empty pair, and each code's frequency on the diagonal.
    const nonEmpty = cooccurrence(codings, codebook, { level: 2 }).cells.filter((c) => c.a !== c.b && c.segments > 0).length;
    expect(marks(level2, 'text', 'text')).toHaveLength(nonEmpty);
    expect(level2.querySelectorAll('g.diagonal[aria-label="text"] text')).toHaveLength(4);
  });
});

describe('heat-map legends', () => {
  const square = (n: number, value: (i: number, j: number) => number): Cooccurrence => {
    const codes = Array.from({ length: n }, (_, i) => `code${i + 1}`);
    const cells = codes.flatMap((a, i) => codes.map((b, j) => ({ a, b, segments: value(Math.min(i, j), Math.max(i, j)), jaccard: 0.5 })));
    return { codes, labels: codes, cells };
  };

  it('shows one swatch per value when there are at most nine, labelled with the value', () => {
    const doc = parse(cooccurrenceHeatmap(square(5, (i, j) => (i * j) % 7)));
    const values = new Set(square(5, (i, j) => (i * j) % 7).cells.filter((c) => c.a !== c.b).map((c) => c.segments));
    expect(values.size).toBeLessThanOrEqual(9);
    expect(fills(doc, 'legend')).toHaveLength(values.size);
    expect(sameColours(doc)).toBe(true);
    const ticks = [...doc.querySelectorAll('g[aria-label="legend"] .tick text')].map((t) => Number(t.textContent));
    expect(ticks).toEqual([...values].sort((a, b) => a - b));
    // The diagonal (each code's frequency) takes no colour of the legend.
    const diagonal = doc.querySelector('g.diagonal[aria-label="cell"]')!;
    expect(diagonal.getAttribute('fill')).toBe('white');
    expect(diagonal.querySelectorAll('rect')).toHaveLength(5);
  });

  it('steps many values into at most nine swatches that are exactly the cells’ colours', () => {
    for (const [n, value] of [
      [12, (i: number, j: number) => i * j],
      [9, (i: number, j: number) => 3 + i + j * 2],
      [15, (i: number, j: number) => (i * 31 + j * 17) % 40],
    ] as const) {
      const doc = parse(cooccurrenceHeatmap(square(n, value)));
      const legend = fills(doc, 'legend');
      expect(legend.length).toBeLessThanOrEqual(9);
      expect(legend.length).toBeGreaterThan(1);
      expect(sameColours(doc)).toBe(true);
    }
  });

  it('gives each value one colour, zero grey, and the same colour to equal values', () => {
    const scale = countScale([0, 1, 2, 2, 5]);
    expect(scale).toEqual({ type: 'ordinal', domain: [0, 1, 2, 5], range: ['#f2f2f2', '#9ecae1', '#2171b5', '#08306b'] });
    const many = countScale(Array.from({ length: 30 }, (_, i) => i));
    expect(many.type).toBe('threshold');
    expect(many.range).toHaveLength(9);
    expect(new Set(Array.from({ length: 30 }, (_, i) => colourOf(many, i)))).toEqual(new Set(many.range));
    expect(inkOn(many, 29)).toBe('white');
    expect(inkOn(many, 1)).toBe('black');
  });
});

describe('charts on made-up data', () => {
  const codebook: Codebook = {
    language: 'en',
    codes: ['a', 'a/x', 'a/y', 'b', 'b/z', 'c'].map((id) => ({ id, parent: id.includes('/') ? id.split('/')[0] : null, labels: { en: `${id} & <label>` }, examples: [], rules: emptyRules() })),
  };
  const segments: Segment[] = Array.from({ length: 50 }, (_, i) => ({ document: `d${i % 5}`, index: i, speaker: `Speaker ${i}`, start: 0, end: 0, text: '' }));
  const codings = segments.map((s, i) => ({ document: s.document, segment: s.index, code: ['a/x', 'a/y', 'b/z', 'c'][i % 4], start: 0, end: 0, coder: 'auto', source: 'auto' as const, matches: [] }));
  const freq = frequencies({ documents: [], segments, codings }, codebook, { by: 'speaker' });

  it('draws leaves only: families with children are not bars, a childless top-level code is', () => {
    expect(frequencyBars(freq).map((b) => b.code)).toEqual(['a/x', 'a/y', 'b/z', 'c']);
    expect(marks(parse(codeFrequencyChart(freq)), 'bar')).toHaveLength(4);
  });

  it('keeps the 30 busiest informants, and escapes labels', () => {
    expect(new Set(heatmapCells(freq).map((c) => c.group)).size).toBe(30);
    expect(new Set(heatmapCells(freq, { maxGroups: 7 }).map((c) => c.group)).size).toBe(7);
    const svg = codeInformantHeatmap(freq, { maxGroups: 7 });
    expect(marks(parse(svg), 'cell')).toHaveLength(4 * 7);
    expect(codeFrequencyChart(freq)).toContain('a/x — a/x &amp; &lt;label&gt;');
  });

  it('draws an empty chart without failing', () => {
    const empty = frequencies({ documents: [], segments: [], codings: [] }, codebook);
    expect(marks(parse(codeInformantHeatmap(empty)), 'cell')).toHaveLength(0);
    expect(cells(parse(cooccurrenceHeatmap(cooccurrence([], codebook, { level: 2 }))))).toHaveLength(9);
  });
});
