import { agreementTables, agreementToMarkdown } from './agreement-table.js';
import { depthOf } from '../analysis/rollup.js';
import type { Block, Page } from './blocks.js';
import type { ReportData } from './build-report.js';
import { codeInformantHeatmap } from './charts/code-informant-heatmap.js';
import { cooccurrenceHeatmap } from './charts/cooccurrence-heatmap.js';
import { codeFrequencyChart } from './charts/frequency-bars.js';
import { toCsv } from './csv.js';
import { htmlPage } from './html.js';
import { toLatex } from './latex.js';
import { markdownPage, quotesToMarkdown } from './markdown.js';
import { codebookTable, cooccurrencePairs, cooccurrenceTable, frequencyBaseNote, frequencyCrosstab, frequencyTable, quoteTable, crosstabGroups, splitCrosstab } from './tables.js';
import { SORT_TABLES_FILE, SORT_TABLES_SCRIPT } from './sort-tables-script.js';
import { toXlsx } from './xlsx.js';
import { pageSheets } from './page-sheets.js';

/** The files of a report: path inside the report folder → content. */
export type ReportFiles = Map<string, string | Uint8Array>;

/** The report's charts as SVG markup, by file name under `charts/`. */
export interface ReportCharts {
  'code-frequencies.svg': string;
  'code-by-informant.svg': string;
  'cooccurrence.svg': string;
}

/**
 * Draw the report's three charts: coded segments per code, code × informant, co-occurrence.
 * @example reportCharts(data)['cooccurrence.svg']
 */
export function reportCharts(data: ReportData): ReportCharts {
  return {
    'code-frequencies.svg': codeFrequencyChart(data.frequencies, { colors: data.colors }),
    'code-by-informant.svg': codeInformantHeatmap(data.bySpeaker),
    'cooccurrence.svg': cooccurrenceHeatmap(data.cooccurrence),
  };
}

/**
 * Render every file of the report from its data: the tables as CSV, Markdown and LaTeX, the
 * charts as SVG, the self-contained `report.html` (with `report.js`, which sorts its tables) and
 * the page's tables as one XLSX workbook, a sheet each.
 * @example for (const [path, content] of await renderReport(data)) console.log(path, content.length)
 */
export async function renderReport(data: ReportData): Promise<ReportFiles> {
  const frequencies = frequencyTable(data.frequencies);
  const crosstab = frequencyCrosstab(data.frequencies);
  const cooccurrence = cooccurrenceTable(data.cooccurrence);
  const pairs = cooccurrencePairs(data.cooccurrence);
  const quotes = quoteTable(data.quotes);
  const codebook = codebookTable(data.codebook);
  const charts = reportCharts(data);
  const text = captions(data);

  const files: ReportFiles = new Map();
  files.set('frequencies.csv', toCsv(frequencies));
  files.set('frequencies.md', markdownPage({ title: 'Code frequencies', blocks: [{ kind: 'paragraph', text: text.frequencies }, { kind: 'table', table: crosstab }] }));
  files.set('frequencies.tex', toLatex(crosstab, { caption: text.frequencies, label: 'tab:frequencies' }));
  files.set('cooccurrence.csv', toCsv(cooccurrence));
  files.set('cooccurrence.md', markdownPage({ title: 'Co-occurrence of codes', blocks: [{ kind: 'paragraph', text: text.cooccurrence }, { kind: 'table', table: pairs }] }));
  files.set('quotes.md', `# Quote bank\n\n${text.quotes}\n\n${quotesToMarkdown(data.quotes)}`);
  files.set('quotes.csv', toCsv(quotes));
  files.set('codebook.md', markdownPage({ title: 'Codebook', blocks: [{ kind: 'table', table: codebook }] }));
  files.set('codebook.csv', toCsv(codebook));
  files.set('codebook.tex', toLatex(codebook, { caption: 'Codebook', label: 'tab:codebook' }));
  if (data.agreement) {
    const agreement = agreementTables(data.agreement);
    files.set('agreement.md', agreementToMarkdown(data.agreement));
    files.set('agreement.csv', toCsv(agreement.summary));
    files.set('disagreements.csv', toCsv(agreement.disagreements));
  }
  const page = reportPage(data, charts);
  files.set('tables.xlsx', await toXlsx(pageSheets(page)));
  for (const [name, svg] of Object.entries(charts)) files.set(`charts/${name}`, svg);
  files.set('report.html', htmlPage({ ...page, script: SORT_TABLES_FILE }));
  files.set(SORT_TABLES_FILE, SORT_TABLES_SCRIPT);
  return files;
}

/**
 * The report as one page of blocks (what `report.html` shows).
 * @example htmlPage(reportPage(data, reportCharts(data)))
 */
export function reportPage(data: ReportData, charts: ReportCharts): Page {
  const text = captions(data);
  const s = data.summary;
  const blocks: Block[] = [
    { kind: 'paragraph', text: `${s.documents} document${s.documents === 1 ? '' : 's'}, ${s.segments} segments (unit: ${s.unit}), ${s.codings} codings (coder: ${s.coder}); ${s.codedSegments} segments carry at least one code.` },
    { kind: 'heading', text: 'Code frequencies' },
    { kind: 'paragraph', text: text.frequencies },
    ...frequencyBlocks(data),
    { kind: 'chart', svg: charts['code-frequencies.svg'], caption: 'Coded segments per code, coloured by family.', file: 'charts/code-frequencies.svg' },
    { kind: 'heading', text: 'Codes by informant' },
    { kind: 'chart', svg: charts['code-by-informant.svg'], caption: 'Coded segments per code and informant (informants with coded segments only).', file: 'charts/code-by-informant.svg' },
    { kind: 'heading', text: 'Co-occurrence' },
    { kind: 'paragraph', text: text.cooccurrence },
    { kind: 'table', table: cooccurrencePairs(data.cooccurrence) },
    { kind: 'chart', svg: charts['cooccurrence.svg'], caption: 'Segments coded with both codes; the diagonal (unshaded) is each code’s own frequency.', file: 'charts/cooccurrence.svg' },
    { kind: 'heading', text: 'Quote bank' },
    { kind: 'paragraph', text: text.quotes },
    { kind: 'quotes', quotes: data.quotes },
    { kind: 'heading', text: 'Codebook' },
    { kind: 'table', table: codebookTable(data.codebook) },
  ];
  if (data.agreement) {
    const agreement = agreementTables(data.agreement);
    blocks.push(
      { kind: 'heading', text: 'Agreement between coders' },
      { kind: 'paragraph', text: data.agreement.method },
      { kind: 'table', table: agreement.summary },
      { kind: 'table', table: agreement.disagreements, caption: 'The disagreements to talk through.', name: 'Disagreements' },
    );
  }
  return { title: data.title, blocks };
}

/** Up to this many groups the frequency crosstab stays one table (12 columns fit an A4 page). */
const GROUPS_IN_ONE_TABLE = 5;
/** Groups per table once the crosstab is split: with `Code`, what an A4 page's width holds. */
const GROUPS_PER_TABLE = 8;

/** The frequency crosstab, cut into tables that fit a page when it has many groups (`splitCrosstab`). */
function frequencyBlocks(data: ReportData): Block[] {
  const crosstab = frequencyCrosstab(data.frequencies);
  if (crosstabGroups(crosstab) <= GROUPS_IN_ONE_TABLE) return [{ kind: 'table', table: crosstab }];
  const { totals, parts } = splitCrosstab(crosstab, GROUPS_PER_TABLE);
  const by = data.frequencies.by;
  return [
    { kind: 'table', table: totals },
    { kind: 'heading', text: `Code frequencies by ${by}`, level: 3 },
    { kind: 'paragraph', text: `Segments coded with each code per ${by}: n (% of the ${by}’s base)${parts.length > 1 ? `, in ${parts.length} tables of at most ${GROUPS_PER_TABLE} columns` : ''}.` },
    ...parts.map((p): Block => ({
      kind: 'table',
      table: p.table,
      ...(parts.length > 1 ? { caption: `${by} ${p.first}–${p.last} of ${p.of}`, name: `By ${by} ${p.first}-${p.last}` } : {}),
    })),
  ];
}

/** Which codes the co-occurrence shows, and how to see the others. */
function depthNote(codes: readonly string[]): string {
  const depths = new Set(codes.map(depthOf));
  if (depths.size !== 1) return 'Every code is shown.';
  const [depth] = depths;
  return depth === 1
    ? 'Families (the top-level codes) are shown: a family counts a segment when any of its codes codes it; qda report --level 2 or --level all shows the codes under them.'
    : `The codes ${depth} levels deep are shown (qda report --level); --level all shows every code.`;
}

function captions(data: ReportData): { frequencies: string; cooccurrence: string; quotes: string } {
  return {
    frequencies: `Segments coded with each code, in all ${data.summary.segments} segments and by ${data.frequencies.by}: n (%) is the number of segments and their share of the base. ${frequencyBaseNote(data.frequencies)} A parent code counts a segment once when any of its children codes it; groups without any coded segment are left out.`,
    cooccurrence: `Pairs of codes applied to the same segment, most frequent first (a code and its own parent are left out); Jaccard = shared segments / segments with either code. ${depthNote(data.cooccurrence.codes)}`,
    quotes: 'The most telling segments per code: dense and varied matches, of quotable length (long turns trimmed to the sentences around the match, marked …), no near-duplicates, spread across informants. Matched words are highlighted.',
  };
}
