import type { ValidationResult, ValidationScores } from '../analysis/validation.js';
import { toCsv, type Table } from './csv.js';
import { jsonNumber, markdownExcerpt, markdownNumber } from './figures.js';
import { toMarkdown } from './markdown.js';

/** Name of the micro-averaged row in the per-code table. */
export const OVERALL = '(overall, leaf codes)';

/**
 * The validation results as plain tables: scores per code (+ the micro-average over leaf
 * codes) and the segments missed or over-coded. NaN marks an undefined figure (see `notes`).
 * @example validationTables(result).scores.columns // ['code', 'leaf', 'support', …]
 */
export function validationTables(result: ValidationResult): { scores: Table; mismatches: Table } {
  const row = (code: string, leaf: boolean | null, s: ValidationScores): Table['rows'][number] =>
    [code, leaf, s.support, s.predicted, s.truePositives, s.precision, s.recall, s.f1, s.notes.join(' | ')];
  const scores: Table = {
    columns: ['code', 'leaf', 'support', 'predicted', 'true_positives', 'precision', 'recall', 'f1', 'notes'],
    rows: [...result.codes.map((c) => row(c.code, c.leaf, c)), row(OVERALL, null, result.overall)],
  };
  const mismatches: Table = {
    columns: ['kind', 'document', 'segment', 'code', 'speaker', 'text'],
    rows: [
      ...result.missed.map((m) => ['missed', m.document, m.segment, m.code, m.speaker, m.text]),
      ...result.overCoded.map((m) => ['over-coded', m.document, m.segment, m.code, m.speaker, m.text]),
    ],
  };
  return { scores, mismatches };
}

/**
 * The per-code scores as CSV (the mismatches are `toCsv(validationTables(r).mismatches)`).
 * @example validationToCsv(result).split('\n')[0] // 'code,leaf,support,predicted,true_positives,precision,recall,f1,notes'
 */
export function validationToCsv(result: ValidationResult): string {
  return toCsv(validationTables(result).scores);
}

/**
 * The results as JSON-ready data with snake_case keys; NaN becomes null, next to a note.
 * @example JSON.stringify(validationToJson(result), null, 2)
 */
export function validationToJson(result: ValidationResult): Record<string, unknown> {
  const scores = (s: ValidationScores) => ({
    support: s.support,
    predicted: s.predicted,
    true_positives: s.truePositives,
    precision: jsonNumber(s.precision),
    recall: jsonNumber(s.recall),
    f1: jsonNumber(s.f1),
    notes: s.notes,
  });
  return {
    method: result.method,
    segments: result.segments,
    uncoded_segments: result.uncodedSegments,
    codes: result.codes.map((c) => ({ code: c.code, leaf: c.leaf, ...scores(c) })),
    overall: scores(result.overall),
    missed: result.missed,
    over_coded: result.overCoded,
  };
}

/**
 * The results as Markdown: the unit explained, the scores (3 decimals, "–" for undefined
 * figures explained in the notes), then the missed and over-coded segments.
 * @example validationToMarkdown(result)
 */
export function validationToMarkdown(result: ValidationResult, options: { maxText?: number } = {}): string {
  const maxText = options.maxText ?? 160;
  const columns = ['code', 'support', 'predicted', 'both', 'precision', 'recall', 'F1'];
  const row = (code: string, s: ValidationScores) => [code, s.support, s.predicted, s.truePositives, markdownNumber(s.precision), markdownNumber(s.recall), markdownNumber(s.f1)];
  const table = toMarkdown(
    { columns, rows: [...result.codes.map((c) => row(c.leaf ? c.code : `${c.code} (with children)`, c)), row(OVERALL, result.overall)] },
    { right: columns.slice(1), total: true },
  );
  const notes = result.codes.flatMap((c) => c.notes.map((n) => `- ${c.code}: ${n}`));
  const list = (title: string, items: ValidationResult['missed']) => [
    '',
    `### ${title} (${items.length})`,
    '',
    items.length === 0
      ? 'None.'
      : toMarkdown({
        columns: ['document', 'segment', 'code', 'speaker', 'text'],
        rows: items.map((m) => [m.document, m.segment, m.code, m.speaker ?? '', markdownExcerpt(m.text, maxText)]),
      }, { right: ['segment'] }).trimEnd(),
  ];
  const out = [
    '## Automatic coding against the gold standard',
    '',
    result.method,
    '',
    table.trimEnd(),
    ...(notes.length > 0 ? ['', 'Notes:', ...notes] : []),
    ...list('Missed: the gold standard codes it, the rules do not', result.missed),
    ...list('Over-coded: the rules code it, the gold standard does not', result.overCoded),
  ];
  return `${out.join('\n')}\n`;
}
