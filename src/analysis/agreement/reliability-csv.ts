import { message, type Message } from '../../model/message.js';
import { stripBom } from '../../util/bom.js';
import { readCsvRows } from '../../util/csv.js';
import type { RatingValue, ReliabilityData } from './reliability-data.js';
import { checkChoice } from '../../util/options.js';

const NUMBER_LIKE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** How a reliability table is laid out: coders in rows (Krippendorff) or units in rows (R irr's subjects × raters). */
export type ReliabilityLayout = 'coders-by-units' | 'units-by-coders';

/** Both layouts, for option validation. */
export const RELIABILITY_LAYOUTS: readonly ReliabilityLayout[] = ['coders-by-units', 'units-by-coders'];

/** Options of reading a reliability table. */
export interface ReliabilityCsvOptions {
  file: string;
  layout?: ReliabilityLayout;
  /** Read every value as a number (ordinal, interval and ratio α need numbers). */
  numeric?: boolean;
}

/**
 * Parse a reliability table: a header row, then one row per coder (`coders-by-units`, the
 * default: first column the coder, one column per unit) or per unit (`units-by-coders`: first
 * column the unit, one column per coder). An empty cell is a missing value; a cell that reads
 * as a number is that number (`1` and `1.0` are the same value). Problems are
 * located messages (`file:line:col`); a fatal one leaves `data` null.
 * @example parseReliabilityCsv('coder,u1,u2\nA,1,2\nB,1.0,\n', { file: 'r.csv' }).data?.values // [[1, 2], [1, null]]
 */
export function parseReliabilityCsv(input: string, options: ReliabilityCsvOptions): { data: ReliabilityData | null; messages: Message[] } {
  const { file } = options;
  checkChoice('parseReliabilityCsv', 'layout', options.layout, RELIABILITY_LAYOUTS);
  const layout = options.layout ?? 'coders-by-units';
  const lines = stripBom(input).split(/\r\n?|\n/);
  const messages: Message[] = [];
  const fatal = (reason: string, line: number, column: number, ruleId: string, note?: string) =>
    messages.push(message(reason, { file, line, column, ruleId, source: 'reliability', fatal: true, ...(note ? { note } : {}) }));
  const rows = readCsvRows(input)
    .rows.map((r) => ({ cells: r.cells.map((c) => c.trim()), line: r.line }))
    .filter((r) => r.cells.some((c) => c !== ''));
  if (rows.length === 0) {
    fatal('reliability table is empty', 0, 0, 'empty-file');
    return { data: null, messages };
  }
  const [header, ...body] = rows;
  const names = header.cells.slice(1);
  const what = layout === 'coders-by-units' ? { row: 'coder', column: 'unit' } : { row: 'unit', column: 'coder' };
  if (names.length === 0)
    fatal(`the header needs a first column (the ${what.row}) and one column per ${what.column}`, header.line, 1, 'missing-columns');
  if (body.length === 0) fatal(`no ${what.row} rows below the header`, header.line, 1, 'no-rows');
  const matrix: Array<Array<RatingValue | null>> = [];
  for (const row of body) {
    const extra = row.cells.findIndex((c, i) => i > names.length && c !== '');
    if (extra !== -1) {
      fatal(
        `row has ${row.cells.length - 1} values but the header names ${names.length} ${what.column}s`,
        row.line,
        cellColumn(lines[row.line - 1] ?? '', extra),
        'extra-cells',
      );
      continue;
    }
    matrix.push(
      names.map((_, i) => {
        const cell = row.cells[i + 1] ?? '';
        if (cell === '') return null;
        // `1` and `1.0` are one value: numeric-looking cells compare as numbers at every level.
        if (!options.numeric) return NUMBER_LIKE.test(cell) ? Number(cell) : cell;
        const value = Number(cell);
        if (Number.isFinite(value)) return value;
        fatal(
          `value "${cell}" is not a number`,
          row.line,
          cellColumn(lines[row.line - 1] ?? '', i + 1),
          'not-a-number',
          'ordinal, interval and ratio α need numbers; leave the cell empty for a missing value, or use --level nominal',
        );
        return null;
      }),
    );
  }
  if (messages.some((m) => m.fatal)) return { data: null, messages };
  const labels = body.map((r, i) => r.cells[0] || `${what.row} ${i + 1}`);
  const data: ReliabilityData =
    layout === 'coders-by-units'
      ? { coders: labels, units: names, values: matrix }
      : { coders: names, units: labels, values: names.map((_, c) => matrix.map((row) => row[c])) };
  return { data, messages };
}

/** 1-based code-point column where cell `index` of a CSV line starts (quotes respected). */
function cellColumn(line: string, index: number): number {
  let column = 1;
  let cell = 0;
  let quoted = false;
  for (const ch of line) {
    if (cell === index) return column;
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) cell++;
    column++;
  }
  return column;
}
