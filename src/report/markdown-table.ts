import type { Table } from './csv.js';

/**
 * Render a table as a GitHub-flavoured Markdown table. Pipes are escaped and line breaks
 * become spaces, so a cell never breaks the table; `right` names columns to right-align.
 * @example toMarkdownTable({ columns: ['code', 'n'], rows: [['a', 1]] }, { right: ['n'] }) // '| code | n |\n| --- | ---: |\n| a | 1 |\n'
 */
export function toMarkdownTable(table: Table, options: { right?: readonly string[] } = {}): string {
  const right = new Set(options.right ?? []);
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |\n`;
  const cell = (v: Table['rows'][number][number]) => (v === null || v === undefined ? '' : String(v)).replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
  return line(table.columns.map((c) => cell(c))) + line(table.columns.map((c) => (right.has(c) ? '---:' : '---'))) + table.rows.map((r) => line(r.map(cell))).join('');
}

/**
 * A number for a Markdown table: fixed decimals, "–" for NaN (the notes under the table say why).
 * @example markdownNumber(0.71234) // '0.712'
 */
export function markdownNumber(x: number, digits = 3): string {
  return Number.isNaN(x) ? '–' : x.toFixed(digits);
}

/**
 * A text on one line, cut to `max` characters (code points) with "…".
 * @example markdownExcerpt('a  long\ntext', 6) // 'a lon…'
 */
export function markdownExcerpt(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * A figure for JSON: NaN (undefined, explained in a note beside it) becomes null.
 * @example jsonNumber(NaN) // null
 */
export function jsonNumber(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}
