import Papa from 'papaparse';
import { parseCodingsCsv } from '../import/codings-csv.js';
import type { CodingRow } from '../model/coding.js';
import { message, type Message } from '../model/message.js';
import { readTableFile } from './read-cases.js';
import { readInputFile } from './read-input.js';
import { unreadableReason } from './unreadable.js';

/**
 * Read coding tables: our CSV (see `parseCodingsCsv`), the same columns in an `.xlsx` (first
 * sheet), or the codings of every user of a REFI-QDA project (`.qdpx`). Offsets stay in code
 * points. A binary file that is none of these is a fatal message, never printed.
 * @example const { codings } = await readCodings(['ana.csv', 'budi.xlsx', 'team.qdpx'])
 */
export async function readCodings(
  files: readonly string[],
  options: { coder?: string } = {},
): Promise<{ codings: CodingRow[]; messages: Message[] }> {
  const codings: CodingRow[] = [];
  const messages: Message[] = [];
  for (const file of files) {
    const result = await readOneTable(file, options.coder);
    for (const c of result.codings) codings.push(c);
    messages.push(...result.messages);
  }
  return { codings, messages };
}

async function readOneTable(file: string, coder: string | undefined): Promise<{ codings: CodingRow[]; messages: Message[] }> {
  const csvOptions = { file, ...(coder ? { coder } : {}) };
  if (/\.qdpx$/i.test(file)) {
    const { readProjectCodings } = await import('./read-qdpx.js');
    const project = await readProjectCodings(file);
    return coder ? { codings: project.codings.map((c) => ({ ...c, coder })), messages: project.messages } : project;
  }
  if (/\.xlsx$/i.test(file)) {
    const { table, messages } = await readTableFile(file, 'codings');
    if (!table) return { codings: [], messages };
    // Rows keep their sheet row numbers, so messages point at the row in the spreadsheet.
    const grid: string[][] = [table.header];
    for (const row of table.rows) {
      while (grid.length < row.line - 1) grid.push([]);
      grid.push(row.cells.map((c) => (c === null ? '' : String(c))));
    }
    const result = parseCodingsCsv(Papa.unparse(grid, { newline: '\n' }), csvOptions);
    return { codings: result.codings, messages: [...messages, ...result.messages] };
  }
  let bytes: Buffer;
  try {
    bytes = await readInputFile(file);
  } catch (e) {
    return {
      codings: [],
      messages: [message(unreadableReason(e, 'coding table'), { file, ruleId: 'file-unreadable', source: 'codings', fatal: true })],
    };
  }
  if (bytes.includes(0) || bytes.subarray(0, 2).toString('latin1') === 'PK') {
    return {
      codings: [],
      messages: [
        message('this is a binary file, not a coding table: give a .csv, an .xlsx or a .qdpx', {
          file,
          ruleId: 'binary-file',
          source: 'codings',
          fatal: true,
        }),
      ],
    };
  }
  return parseCodingsCsv(bytes.toString('utf8'), csvOptions);
}
