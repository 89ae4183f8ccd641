import Papa from 'papaparse';
import { checkBoolean } from '../util/options.js';

/**
 * Cells that a spreadsheet would run as a formula get a leading `'` (CSV injection, as OWASP
 * advises): those starting with `=`, `+`, `@`, tab or carriage return, and those starting with
 * `-` unless they are a plain number (`-SUM(1,2)`, `-cmd|' /C calc'!A0`; not `-0.25`).
 */
const FORMULA = /^[=+@\t\r]|^-(?!(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$)/;

/** A table: column names and rows of cells. */
export interface Table {
  columns: string[];
  rows: Array<Array<string | number | boolean | null | undefined>>;
}

/**
 * Render a table as RFC 4180 CSV (`\n` line ends, quoted where needed, formula-safe).
 * @example toCsv({ columns: ['a'], rows: [[1]] }) // 'a\n1\n'
 */
export function toCsv(table: Table, options: { header?: boolean } = {}): string {
  checkBoolean('toCsv', 'header', options.header);
  const body = Papa.unparse(
    { fields: table.columns, data: table.rows.map((r) => r.map(cell)) },
    { header: options.header ?? true, newline: '\n', escapeFormulae: FORMULA },
  );
  // Papa ends a header-only table with a newline already.
  return body.length === 0 || body.endsWith('\n') ? body : `${body}\n`;
}

function cell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' && Number.isNaN(v)) return 'NaN';
  return String(v);
}
