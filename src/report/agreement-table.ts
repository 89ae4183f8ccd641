import type { AgreementStatistics, CodingAgreement } from '../analysis/agreement/coding-agreement.js';
import type { CoderSpan } from '../analysis/agreement/coding-units.js';
import { toCsv, type Table } from './csv.js';
import { jsonNumber, markdownExcerpt, markdownNumber } from './figures.js';
import { toMarkdown } from './markdown.js';
import { counted } from '../util/plural.js';

/** Name of the pooled row in the per-code table. */
export const POOLED = '(pooled)';

/**
 * The agreement results as plain tables (per code + pooled, and the disagreement list), shared
 * by CSV, Markdown and the XLSX sheet of `qda report`. Numbers are unrounded; NaN marks an
 * undefined figure (the `notes` column says why) and an empty cell a figure that does not
 * apply (Cohen's κ with three coders, Fleiss' κ with two, α for overlap units, no bootstrap).
 * @example agreementTables(result).summary.columns // ['code', 'units', 'applied:ana', …]
 */
export function agreementTables(result: CodingAgreement): { summary: Table; disagreements: Table } {
  const kappaApplies = { cohen: result.coders.length === 2, fleiss: result.coders.length >= 3 };
  const alphaApplies = result.kind === 'segment';
  const row = (code: string, s: AgreementStatistics): Table['rows'][number] => [
    code,
    s.units,
    ...s.applied,
    s.percentAgreement,
    kappaApplies.cohen && alphaApplies ? s.cohenKappa : null,
    kappaApplies.fleiss && alphaApplies ? s.fleissKappa : null,
    alphaApplies ? s.alpha : null,
    s.alphaInterval?.low ?? null,
    s.alphaInterval?.high ?? null,
    s.notes.join(' | '),
  ];
  const summary: Table = {
    columns: ['code', 'units', ...result.coders.map((c) => `applied:${c}`), 'percent_agreement', 'cohen_kappa', 'fleiss_kappa', 'alpha', 'alpha_ci_low', 'alpha_ci_high', 'notes'],
    rows: [...result.codes.map((c) => row(c.code, c)), row(POOLED, result.pooled)],
  };
  const spans = result.kind === 'overlap';
  const disagreements: Table = {
    columns: ['document', 'segment', 'code', ...(spans ? ['start', 'end'] : []), 'coded_by', 'not_coded_by', ...(spans ? result.coders.map((c) => `span:${c}`) : []), 'text'],
    rows: result.disagreements.map((d) => [
      d.document,
      d.segment,
      d.code,
      ...(spans ? [d.span?.start ?? null, d.span?.end ?? null] : []),
      d.codedBy.join('|'),
      d.notCodedBy.join('|'),
      ...(spans ? result.coders.map((c) => spanCell(d.spans?.find((x) => x.coder === c))) : []),
      d.text,
    ]),
  };
  return { summary, disagreements };
}

/** A coder's span in the CSV: its text, else its offsets; empty when the coder has none. */
function spanCell(span: CoderSpan | undefined): string | null {
  if (!span) return null;
  return span.text ?? `${span.start}-${span.end}`;
}

/**
 * The per-code table as CSV (the disagreement list is `toCsv(agreementTables(r).disagreements)`).
 * @example agreementToCsv(result).split('\n')[0] // 'code,units,applied:ana,applied:budi,percent_agreement,…'
 */
export function agreementToCsv(result: CodingAgreement): string {
  return toCsv(agreementTables(result).summary);
}

/**
 * The results as JSON-ready data with snake_case keys; NaN becomes null, next to a note.
 * @example JSON.stringify(agreementToJson(result), null, 2)
 */
export function agreementToJson(result: CodingAgreement): Record<string, unknown> {
  const stats = (s: AgreementStatistics) => ({
    units: s.units,
    applied: Object.fromEntries(result.coders.map((c, i) => [c, s.applied[i]])),
    percent_agreement: jsonNumber(s.percentAgreement),
    cohen_kappa: jsonNumber(s.cohenKappa),
    fleiss_kappa: jsonNumber(s.fleissKappa),
    alpha: jsonNumber(s.alpha),
    alpha_ci95: s.alphaInterval ? { low: jsonNumber(s.alphaInterval.low), high: jsonNumber(s.alphaInterval.high), samples: s.alphaInterval.samples, seed: s.alphaInterval.seed } : null,
    notes: s.notes,
  });
  return {
    unit: result.kind,
    min_overlap: result.minOverlap ?? null,
    method: result.method,
    coders: result.coders,
    documents: result.documents,
    segments: result.segments,
    single_coder_units: result.singleCoderUnits,
    codes: result.codes.map((c) => ({ code: c.code, ...stats(c) })),
    pooled: stats(result.pooled),
    disagreements: result.disagreements.map((d) => ({
      document: d.document,
      segment: d.segment,
      code: d.code,
      ...(d.span ? { start: d.span.start, end: d.span.end } : {}),
      ...(d.spans ? { spans: d.spans } : {}),
      coded_by: d.codedBy,
      not_coded_by: d.notCodedBy,
      text: d.text,
    })),
  };
}

/**
 * The results as Markdown: the unit explained in a line of text, the per-code table (figures
 * to 3 decimals, agreement in percent, "–" for undefined figures explained in the notes
 * below), then the disagreements to talk through, texts cut to `maxText` characters.
 * @example agreementToMarkdown(result)
 */
export function agreementToMarkdown(result: CodingAgreement, options: { maxText?: number } = {}): string {
  const maxText = options.maxText ?? 160;
  const two = result.coders.length === 2;
  const segmentUnits = result.kind === 'segment';
  const interval = [result.pooled, ...result.codes].find((s) => s.alphaInterval)?.alphaInterval;
  const withInterval = interval !== undefined;
  const columns = ['code', 'units', ...result.coders.map((c) => `applied: ${c}`), 'agreement'];
  if (segmentUnits) columns.push(two ? "Cohen's κ" : "Fleiss' κ", "Krippendorff's α");
  if (segmentUnits && withInterval) columns.push('α 95% CI');
  const row = (code: string, s: AgreementStatistics) => {
    const cells: Array<string | number> = [code, s.units, ...s.applied, Number.isNaN(s.percentAgreement) ? '–' : `${markdownNumber(s.percentAgreement * 100, 1)}%`];
    if (segmentUnits) cells.push(markdownNumber(two ? s.cohenKappa : s.fleissKappa), markdownNumber(s.alpha));
    if (segmentUnits && withInterval) cells.push(s.alphaInterval ? `${markdownNumber(s.alphaInterval.low)} – ${markdownNumber(s.alphaInterval.high)}` : '');
    return cells;
  };
  const summary = toMarkdown(
    { columns, rows: [...result.codes.map((c) => row(c.code, c)), row(POOLED, result.pooled)] },
    { right: columns.slice(1), total: true },
  );
  const notes = [...result.codes.map((c) => [c.code, c.notes] as const), [POOLED, result.pooled.notes] as const]
    .flatMap(([code, list]) => list.map((n) => `- ${code}: ${n}`));
  const out = [
    '## Agreement between coders',
    '',
    `Coders: ${result.coders.join(', ')}. ${result.method}`,
    '',
    ...(result.singleCoderUnits > 0 ? [`Left out: ${counted(result.singleCoderUnits, 'unit')} with one coder's value only (the other coders have no coding in that document).`, ''] : []),
    ...(interval ? [`α 95% CI: percentile bootstrap over units, seed ${interval.seed}.`, ''] : []),
    summary.trimEnd(),
    ...(notes.length > 0 ? ['', 'Notes:', ...notes] : []),
    '',
    `### Disagreements (${result.disagreements.length})`,
    '',
  ];
  if (result.disagreements.length === 0) out.push('None: the coders agree on every unit.');
  else {
    const spans = result.kind === 'overlap';
    // Overlap units: what each coder marked, not the segment around it.
    // Without the span texts (no transcripts), the segment text still shows where the spans are.
    const spanTexts = spans && result.disagreements.every((d) => d.spans?.every((x) => x.text !== undefined));
    const columns = ['document', 'segment', 'code', ...(spans ? ['start', 'end', 'coded by', 'not coded by', 'spans'] : ['coded by', 'not coded by']), ...(spanTexts ? [] : ['text'])];
    const rows = result.disagreements.map((d) => [
      d.document,
      d.segment ?? '',
      d.code,
      ...(spans ? [d.span?.start ?? '', d.span?.end ?? ''] : []),
      d.codedBy.join(', '),
      d.notCodedBy.join(', '),
      ...(spans ? [(d.spans ?? []).map((x) => `${x.coder}: ${x.text === undefined ? `${x.start}–${x.end}` : `“${markdownExcerpt(x.text, maxText)}”`}`).join('; ')] : []),
      ...(spanTexts ? [] : [markdownExcerpt(d.text, maxText)]),
    ]);
    out.push(toMarkdown({ columns, rows }, { right: spans ? ['segment', 'start', 'end'] : ['segment'] }).trimEnd());
  }
  return `${out.join('\n')}\n`;
}
