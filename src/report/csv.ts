import Papa from 'papaparse';

/** Cells that a spreadsheet would run as a formula get a leading `'` (CSV injection). */
const FORMULA = /^[=+@\t\r]|^-(?=[\d(=+@])/;

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
      if (typeof v !== 'string') out += cell(v);
      else {
        let e = this.escaped.get(v);
        if (e === undefined) {
          e = toCsv({ columns: [''], rows: [[v]] }, { header: false }).slice(0, -1);
          this.escaped.set(v, e);
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
