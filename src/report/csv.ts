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

/**
 * CSV lines of a long table whose text cells repeat (codes, labels, groups), the same as
 * `toCsv` writes them: each distinct text is escaped once, numbers are written as they are.
 * @example const csv = new CsvLines(); csv.line(['a,b', 1]) // '"a,b",1\n'
 */
export class CsvLines {
  private readonly escaped = new Map<string, string>();

  /** One row as a CSV line, with its line end. */
  line(row: Table['rows'][number]): string {
    let out = '';
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (i > 0) out += ',';
      // A finite number never needs quotes nor the formula guard; anything else goes through toCsv once.
      if (typeof v === 'number' && Number.isFinite(v)) out += String(v);
      else {
        const text = cell(v);
        let e = this.escaped.get(text);
        if (e === undefined) {
          e = toCsv({ columns: [''], rows: [[text]] }, { header: false }).slice(0, -1);
          this.escaped.set(text, e);
        }
        out += e;
      }
    }
    return `${out}\n`;
  }
}

function cell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' && Number.isNaN(v)) return 'NaN';
  return String(v);
}
