import Papa from 'papaparse';
import { stripBom } from './bom.js';

/** A row of a CSV file with the line it starts on (exact, also after cells with line breaks). */
export interface CsvRow {
  cells: string[];
  line: number;
}

/** A problem Papa Parse found, at the line of the row it belongs to. */
export interface CsvProblem {
  line: number;
  /** `Quotes`: an unclosed quote swallowed the rest of the file; `Delimiter`: none could be detected; `FieldMismatch`: cell count. */
  type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
  reason: string;
}

/**
 * Read CSV (or TSV: the delimiter is detected) into rows of cells, skipping blank lines, each
 * with the file line it starts on. The one CSV reader of every table qda reads.
 * @example readCsvRows('a,b\n"x\ny",z\n\nq,r\n').rows.map((r) => r.line) // [1, 2, 5]
 */
export function readCsvRows(input: string): { rows: CsvRow[]; problems: CsvProblem[] } {
  const text = stripBom(input);
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  const lines = new LineCounter(text);
  let cursor = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    step: (result) => {
      const line = lines.lineAt(firstContent(text, cursor));
      cursor = result.meta.cursor;
      rows.push({ cells: result.data, line });
      for (const e of result.errors) problems.push({ line, type: e.type, reason: e.message });
    },
  });
  return { rows, problems };
}

function firstContent(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/** Line numbers of offsets that only increase, counted once. */
class LineCounter {
  private line = 1;
  private offset = 0;
  constructor(private readonly text: string) {}

  lineAt(offset: number): number {
    for (; this.offset < offset && this.offset < this.text.length; this.offset++) {
      const c = this.text[this.offset];
      if (c === '\n' || (c === '\r' && this.text[this.offset + 1] !== '\n')) this.line++;
    }
    return this.line;
  }
}
