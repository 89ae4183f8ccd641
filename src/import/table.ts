import type { Attributes, Document, ImportResult, Participant } from '../model/document.js';
import { message, type Message } from '../model/message.js';
import { fileStem } from '../util/file-name.js';
import { surveyDocuments } from './table-survey.js';
import {
  cellAttribute,
  cellText,
  cellTimestamp,
  chosenColumn,
  COLUMN_NAMES,
  findColumn,
  type Cell,
  type TableRow,
} from './table-columns.js';
import { documentFromUtterances, type Utterance } from './utterances.js';
import { zipBombCheck } from './zip-limits.js';
import { readCsvRows } from '../util/csv.js';
import { checkReaderOptions } from './reader-options.js';
import { checkBoolean, checkChoice, checkString } from '../util/options.js';

/** Options of the CSV and XLSX readers (`--speaker-col`, `--text-col`, `--time-col`, `--doc-col`, `--survey`). */
export interface TableImportOptions {
  file: string;
  format: 'csv' | 'xlsx';
  speakerColumn?: string;
  /** In survey mode, the question columns: one header or a comma-separated list. */
  textColumn?: string;
  timeColumn?: string;
  documentColumn?: string;
  /** One row per respondent, one column per open question. */
  survey?: boolean;
  language?: string;
  /** Most bytes an .xlsx may unpack to (see `zipLimitsFor`); default 64 MB. */
  maxInputSize?: number;
}

/**
 * Read an utterance table (one row per utterance) or, with `survey`, a survey table (one row
 * per respondent, one column per open question) into documents. Columns are found by header
 * (`speaker`/`pembicara`, `text`/`teks`, `time`/`waktu`, `document`/`dokumen`, `role`/`peran`) or
 * chosen in the options. Rows are located by `line` in messages.
 * @example fromTableRows([{ cells: ['speaker', 'text'], line: 1 }, { cells: ['Ani', 'Halo.'], line: 2 }], { file: 'a.csv', format: 'csv' }).corpus.documents[0].turns.length // 1
 */
export function fromTableRows(rows: readonly TableRow[], options: TableImportOptions): ImportResult {
  checkTableOptions('fromTableRows', options);
  const { file, format } = options;
  const meta = { format };
  const source = `import-${format}`;
  const content = rows.filter((r) => r.cells.some((c) => cellText(c).trim() !== ''));
  if (content.length === 0) {
    return {
      corpus: { documents: [] },
      messages: [message('the table is empty', { file, ruleId: 'empty-file', source, fatal: true })],
      meta,
    };
  }
  const [header, ...body] = content;
  if (options.survey) {
    const { documents, messages } = surveyDocuments(header, body, options);
    return { corpus: { documents }, messages, meta };
  }
  const messages: Message[] = [];
  const at = (row: TableRow, column: number) => ({ file, line: row.line, column: column + 1, source });
  const columns = utteranceColumns(header, options, (reason, ruleId) =>
    messages.push(message(reason, { ...at(header, 0), ruleId, fatal: true })),
  );
  if (!columns) return { corpus: { documents: [] }, messages, meta };

  const defaultId = fileStem(file);
  const groups = new Map<string, TableRow[]>();
  let currentId = defaultId;
  for (const row of body) {
    // A blank document cell continues the document above, as in sheets with merged cells.
    if (columns.document !== -1) currentId = cellText(row.cells[columns.document]).trim() || currentId;
    if (!groups.has(currentId)) groups.set(currentId, []);
    groups.get(currentId)!.push(row);
  }
  const documents: Document[] = [];
  for (const [id, group] of groups) {
    const utterances: Utterance[] = [];
    const roles = new Map<string, string>();
    for (const row of group) {
      const text = cellText(row.cells[columns.text]);
      const speaker = columns.speaker === -1 ? '' : cellText(row.cells[columns.speaker]).trim();
      if (text.trim() === '') {
        if (speaker !== '')
          messages.push(message('the row has a speaker but no text; it is skipped', { ...at(row, columns.text), ruleId: 'empty-text' }));
        continue;
      }
      const u: Utterance = { speaker: speaker || null, text };
      if (columns.time !== -1) {
        const timestamp = cellTimestamp(row.cells[columns.time]);
        if (timestamp === null) {
          messages.push(
            message(`"${cellText(row.cells[columns.time])}" is not a time such as 00:12:03; the turn has no timestamp`, {
              ...at(row, columns.time),
              ruleId: 'bad-timestamp',
            }),
          );
        } else if (timestamp !== undefined) u.timestamp = timestamp;
      }
      if (columns.role !== -1 && speaker !== '' && !roles.has(speaker)) {
        const role = cellText(row.cells[columns.role]).trim();
        if (role) roles.set(speaker, role);
      }
      utterances.push(u);
    }
    const participants: Participant[] = [...roles].map(([name, role]) => ({ name, role, attributes: {} }));
    const doc = documentFromUtterances(utterances, {
      id,
      file,
      format,
      attributes: constantColumns(header, group, columns),
      participants,
      ...(options.language ? { language: options.language } : {}),
    });
    if (doc.turns.length > 0) documents.push(doc);
    else
      messages.push(
        message(`document "${id}" has no text in column "${cellText(header.cells[columns.text])}"`, {
          ...at(group[0], columns.text),
          ruleId: 'empty-document',
        }),
      );
  }
  if (documents.length === 0) messages.push(message('no row of the table has text', { file, ruleId: 'empty-file', source, fatal: true }));
  return { corpus: { documents }, messages, meta };
}

interface UtteranceColumns {
  speaker: number;
  text: number;
  time: number;
  document: number;
  role: number;
}

function utteranceColumns(
  header: TableRow,
  options: TableImportOptions,
  fail: (reason: string, ruleId: string) => void,
): UtteranceColumns | null {
  const listed = header.cells.map((c) => `"${cellText(c)}"`).join(', ');
  let ok = true;
  const pick = (choice: string | undefined, flag: string, names: readonly string[]) => {
    if (choice === undefined) return findColumn(header.cells, names);
    const i = chosenColumn(header.cells, choice);
    if (i === -1) {
      fail(`${flag} "${choice}" is not a column of this table; its columns are ${listed}`, 'unknown-column');
      ok = false;
    }
    return i;
  };
  const columns: UtteranceColumns = {
    speaker: pick(options.speakerColumn, '--speaker-col', COLUMN_NAMES.speaker),
    text: pick(options.textColumn, '--text-col', COLUMN_NAMES.text),
    time: pick(options.timeColumn, '--time-col', COLUMN_NAMES.time),
    document: pick(options.documentColumn, '--doc-col', COLUMN_NAMES.document),
    role: findColumn(header.cells, COLUMN_NAMES.role),
  };
  if (!ok) return null;
  if (columns.text === -1) {
    fail(
      `no text column: name one "text" or "teks" (or utterance, ujaran…), or choose it with --text-col; this table's columns are ${listed}. For one row per respondent and one column per question, use --survey`,
      'no-text-column',
    );
    return null;
  }
  return columns;
}

/** Other columns with one value throughout a document describe the document: they become its attributes. */
function constantColumns(header: TableRow, rows: readonly TableRow[], columns: UtteranceColumns): Attributes {
  const used = new Set(Object.values(columns));
  const attributes: Attributes = {};
  header.cells.forEach((cell, i) => {
    const name = cellText(cell).trim();
    if (used.has(i) || name === '') return;
    const values = new Set(rows.map((r) => JSON.stringify(cellAttribute(r.cells[i]))));
    if (values.size === 1) attributes[name] = cellAttribute(rows[0].cells[i]);
  });
  return attributes;
}

/**
 * Read a CSV (or TSV: the delimiter is detected) transcript table; see `fromTableRows`.
 * Messages give the file line where each row starts.
 * @example fromCsv('pembicara,teks\nAni,Halo.\n', { file: 'a.csv', format: 'csv' }).corpus.documents[0].turns[0].speaker // 'Ani'
 */
export function fromCsv(input: string, options: TableImportOptions): ImportResult {
  checkTableOptions('fromCsv', options);
  const { rows, problems } = readCsvRows(input);
  const messages: Message[] = problems
    .filter((p) => p.type === 'Quotes')
    .map((p) =>
      message(`CSV: ${p.reason.toLowerCase()}; the rest of the file is read as one cell`, {
        file: options.file,
        line: p.line,
        column: 1,
        ruleId: 'csv-quotes',
        source: 'import-csv',
        fatal: true,
      }),
    );
  if (messages.length > 0) return { corpus: { documents: [] }, messages, meta: { format: options.format } };
  return fromTableRows(rows, options);
}

/**
 * Read the first sheet of an XLSX workbook as a transcript table; see `fromTableRows`.
 * Messages give sheet row and column numbers.
 * @example const { corpus } = await fromXlsx(bytes, { file: 'interview.xlsx', format: 'xlsx' })
 */
export async function fromXlsx(bytes: Uint8Array, options: TableImportOptions): Promise<ImportResult> {
  checkTableOptions('fromXlsx', options);
  const meta = { format: options.format };
  const bomb = zipBombCheck(bytes, options.file, 'import-xlsx', options.maxInputSize);
  if (bomb) return { corpus: { documents: [] }, messages: [bomb], meta };
  let sheets: Array<{ sheet: string; data: Cell[][] }>;
  try {
    // Loaded on first use, like mammoth: most runs read no spreadsheet.
    const { default: readXlsxFile } = await import('read-excel-file/universal');
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    sheets = (await readXlsxFile(buffer)) as unknown as Array<{ sheet: string; data: Cell[][] }>;
  } catch (e) {
    const reason = `not a readable .xlsx workbook (${(e as Error).message.replace(/\s+/g, ' ').trim()}); old .xls files must be saved as .xlsx first`;
    return {
      corpus: { documents: [] },
      messages: [message(reason, { file: options.file, ruleId: 'xlsx-unreadable', source: 'import-xlsx', fatal: true })],
      meta,
    };
  }
  const [first, ...others] = sheets;
  const result = fromTableRows(
    (first?.data ?? []).map((cells, i) => ({ cells, line: i + 1 })),
    options,
  );
  const ignored = others.filter((s) => s.data.some((row) => row.some((c) => cellText(c).trim() !== ''))).map((s) => `"${s.sheet}"`);
  if (ignored.length > 0) {
    result.messages.push(
      message(`only the first sheet "${first.sheet}" is read; not read: ${ignored.join(', ')}`, {
        file: options.file,
        ruleId: 'other-sheets',
        source: 'import-xlsx',
      }),
    );
  }
  return result;
}

/** The options of the table readers, checked as every library function checks its own. */
function checkTableOptions(fn: string, options: TableImportOptions): void {
  checkReaderOptions(fn, options);
  checkChoice(fn, 'format', options.format, ['csv', 'xlsx'], { required: true });
  for (const column of ['speakerColumn', 'textColumn', 'timeColumn', 'documentColumn'] as const)
    checkString(fn, column, options[column], { nonEmpty: true });
  checkBoolean(fn, 'survey', options.survey);
}
