import readExcelFile from 'read-excel-file/node';
import { casesFromTable, type Cases } from '../import/cases.js';
import type { AttributeValue } from '../model/document.js';
import type { TableFile } from '../model/table-file.js';
import { message, type Message } from '../model/message.js';
import { unreadableReason } from './unreadable.js';
import { readInputFile } from './read-input.js';
import { readCsvRows } from '../util/csv.js';

/**
 * Read a CSV (UTF-8, BOM allowed) or XLSX (first sheet) file as a header and rows. A missing,
 * unreadable or empty file gives a fatal located message.
 * @example const { table } = await readTableFile('data-sample/cases.csv', 'cases')
 */
export async function readTableFile(file: string, source: string): Promise<{ table: TableFile | null; messages: Message[] }> {
  let bytes: Buffer;
  try {
    bytes = await readInputFile(file);
  } catch (e) {
    return fail(file, source, unreadableReason(e), 'file-unreadable');
  }
  let grid: Array<{ line: number; cells: AttributeValue[] }>;
  const messages: Message[] = [];
  if (/\.xlsx$/i.test(file)) {
    try {
      const sheets = await readExcelFile(bytes);
      grid = (sheets[0]?.data ?? []).map((row, i) => ({
        line: i + 1,
        cells: row.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v as AttributeValue))),
      }));
    } catch (e) {
      return fail(file, source, `cannot read this XLSX file: ${(e as Error).message}`, 'unreadable-content');
    }
  } else {
    const parsed = readCsvRows(bytes.toString('utf8'));
    // A one-column file has no delimiter to detect; that is not a problem of the file.
    for (const p of parsed.problems.filter((x) => x.type !== 'Delimiter'))
      messages.push(message(`CSV: ${p.reason}`, { file, line: p.line, column: 1, ruleId: 'csv-syntax', source }));
    grid = parsed.rows.map((row) => ({ line: row.line, cells: row.cells.map(cellValue) }));
  }
  const rows = grid.filter((r) => r.cells.some((c) => c !== null && c !== ''));
  if (rows.length === 0) return fail(file, source, 'file is empty: expected a header row and one row per entry', 'empty-file');
  return { table: { header: rows[0].cells.map((c) => String(c ?? '').trim()), rows: rows.slice(1) }, messages };
}

/**
 * Read a cases file (`.csv` or `.xlsx`; see `casesFromTable`).
 * @example const { cases, messages } = await readCases('data-sample/cases.csv')
 */
export async function readCases(file: string): Promise<{ cases: Cases | null; messages: Message[] }> {
  const { table, messages } = await readTableFile(file, 'cases');
  if (!table) return { cases: null, messages };
  const read = casesFromTable(table, file);
  return { cases: read.cases, messages: [...messages, ...read.messages] };
}

function cellValue(raw: string): AttributeValue {
  const v = raw.trim();
  if (v === '') return null;
  return /^-?\d+(?:\.\d+)?$/.test(v) && !/^-?0\d/.test(v) ? Number(v) : v;
}

function fail(file: string, source: string, reason: string, ruleId: string): { table: null; messages: Message[] } {
  return { table: null, messages: [message(reason, { file, ruleId, source, fatal: true })] };
}
