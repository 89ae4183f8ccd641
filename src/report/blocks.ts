import type { Quote } from '../analysis/quotes.js';
import type { Table } from './csv.js';

/** One piece of a report page: every page renderer (Markdown, HTML) draws the same blocks. */
export type Block =
  | { kind: 'heading'; text: string; level?: 2 | 3 }
  /** Plain text (escaped by every renderer). */
  | { kind: 'paragraph'; text: string }
  /** `name` names the table outside the page (its sheet in tables.xlsx); default: its heading. */
  | { kind: 'table'; table: Table; caption?: string; name?: string }
  /** SVG markup; `file` is where Markdown links it (relative to the page). */
  | { kind: 'chart'; svg: string; caption?: string; file?: string }
  | { kind: 'quotes'; quotes: readonly Quote[] };

/** A page: a title and its blocks. */
export interface Page {
  title: string;
  blocks: Block[];
  /** A script beside the page, by relative path, that the HTML page loads (the page reads fine without it). */
  script?: string;
}

/**
 * Display form of a cell in human-facing formats: empty for null, a dash for NaN, fractions
 * to three decimals (CSV and XLSX keep every digit).
 * @example displayCell(NaN) // '—'
 */
export function displayCell(v: Table['rows'][number][number]): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' && Number.isNaN(v)) return '—';
  if (typeof v === 'number' && !Number.isInteger(v)) return String(Number(v.toFixed(3)));
  return String(v);
}

/** Text that reads as a number: `12`, `6.4`, `3 (25.0%)`. */
const NUMBER_LIKE = /^-?\d+(?:\.\d+)?(?: \((?:\d+(?:\.\d+)?|—)%\))?$/;

/**
 * True when every non-empty cell of a column is a number or reads as one (such columns are
 * right-aligned).
 * @example numericColumns({ columns: ['a', 'n', 'p'], rows: [['x', 1, '3 (25.0%)']] }) // [false, true, true]
 */
export function numericColumns(table: Table): boolean[] {
  return table.columns.map((_, j) => {
    let any = false;
    for (const row of table.rows) {
      const v = row[j];
      if (v === null || v === undefined || v === '') continue;
      if (typeof v !== 'number' && !(typeof v === 'string' && NUMBER_LIKE.test(v))) return false;
      any = true;
    }
    return any;
  });
}

/**
 * Quotes grouped by code, in the order they come.
 * @example quotesByCode(quotes).map((g) => `${g.code}: ${g.quotes.length}`)
 */
export function quotesByCode(quotes: readonly Quote[]): Array<{ code: string; label: string; quotes: Quote[] }> {
  const groups: Array<{ code: string; label: string; quotes: Quote[] }> = [];
  for (const q of quotes) {
    const last = groups[groups.length - 1];
    if (last && last.code === q.code) last.quotes.push(q);
    else groups.push({ code: q.code, label: q.label, quotes: [q] });
  }
  return groups;
}

/**
 * The terms a quote's caption names: regular expressions are left out (the marked words show
 * what they matched; the CSV keeps them).
 * @example shownTerms({ terms: ['pacar', '/susah\\s+move/'] } as Quote) // ['pacar']
 */
export function shownTerms(q: Pick<Quote, 'terms'>): string[] {
  return q.terms.filter((t) => !(t.startsWith('/') && t.endsWith('/') && t.length > 1));
}
