import type { Attributes, Document, Participant } from '../model/document.js';
import { message, type Message } from '../model/message.js';
import { fileStem } from '../util/file-name.js';
import { cellAttribute, cellText, chosenColumn, COLUMN_NAMES, findColumn, type TableRow } from './table-columns.js';
import type { TableImportOptions } from './table.js';
import { documentFromUtterances, type Utterance } from './utterances.js';
import { uniqueName } from '../util/unique-name.js';

/**
 * A survey table (one row per respondent, one column per open question) as one document per
 * question: each answer is a turn whose speaker is the respondent (the respondent column, or
 * `R1`, `R2`… by row), and the other, closed columns become the respondents' attributes.
 * Question columns are `options.textColumn` (comma-separated) or, by default, those whose
 * header ends with `?` or whose answers average four words or more.
 * @example surveyDocuments(header, rows, { file: 's.csv', format: 'csv', survey: true }).documents.map((d) => d.attributes.question)
 */
export function surveyDocuments(
  header: TableRow,
  rows: readonly TableRow[],
  options: TableImportOptions,
): { documents: Document[]; messages: Message[] } {
  const { file, format } = options;
  const source = `import-${format}`;
  const messages: Message[] = [];
  const atHeader = (reason: string, ruleId: string, fatal: boolean) =>
    message(reason, { file, line: header.line, column: 1, ruleId, source, fatal });
  const listed = header.cells.map((c) => `"${cellText(c)}"`).join(', ');
  for (const [flag, value] of [
    ['--time-col', options.timeColumn],
    ['--doc-col', options.documentColumn],
  ] as const) {
    if (value !== undefined)
      messages.push(atHeader(`${flag} is not used with --survey: each question column becomes a document`, 'unused-option', false));
  }
  const respondent =
    options.speakerColumn === undefined
      ? findColumn(header.cells, COLUMN_NAMES.respondent)
      : chosenColumn(header.cells, options.speakerColumn);
  if (respondent === -1 && options.speakerColumn !== undefined) {
    messages.push(
      atHeader(`--speaker-col "${options.speakerColumn}" is not a column of this table; its columns are ${listed}`, 'unknown-column', true),
    );
    return { documents: [], messages };
  }
  const questions = questionColumns(header, rows, respondent, options.textColumn);
  if (typeof questions === 'string') {
    messages.push(atHeader(`--text-col "${questions}" is not a column of this table; its columns are ${listed}`, 'unknown-column', true));
    return { documents: [], messages };
  }
  if (questions.length === 0) {
    messages.push(
      atHeader(
        `no open-question column found (a header ending in "?" or answers of several words); name them with --text-col "Q1,Q2"; the columns are ${listed}`,
        'no-text-column',
        true,
      ),
    );
    return { documents: [], messages };
  }

  const ids = respondentIds(rows, respondent, (row, id) =>
    messages.push(
      message(`respondent "${id}" appears on more than one row; their answers are all kept under this name`, {
        file,
        line: row.line,
        column: respondent + 1,
        ruleId: 'duplicate-respondent',
        source,
      }),
    ),
  );
  const closed = header.cells.map((_, i) => i).filter((i) => i !== respondent && !questions.includes(i));
  const people: Participant[] = rows.map((row, r) => {
    const attributes: Attributes = {};
    for (const i of closed) {
      const name = cellText(header.cells[i]).trim();
      if (name) attributes[name] = cellAttribute(row.cells[i]);
    }
    return { name: ids[r], attributes };
  });

  const fileId = fileStem(file);
  const taken = new Set<string>();
  const documents: Document[] = [];
  for (const q of questions) {
    const question = cellText(header.cells[q]).trim();
    const utterances: Utterance[] = [];
    const answered: Participant[] = [];
    rows.forEach((row, r) => {
      const answer = cellText(row.cells[q]);
      if (answer.trim() === '') return;
      utterances.push({ speaker: ids[r], text: answer });
      if (!answered.some((p) => p.name === ids[r])) answered.push(people[r]);
    });
    if (utterances.length === 0) {
      messages.push(
        message(`nobody answered "${question}"; it gives no document`, {
          file,
          line: header.line,
          column: q + 1,
          ruleId: 'empty-document',
          source,
        }),
      );
      continue;
    }
    const id = uniqueName(`${fileId}-${slug(question) || `col${q + 1}`}`, taken);
    documents.push(
      documentFromUtterances(utterances, {
        id,
        file,
        format,
        attributes: { question },
        participants: answered,
        ...(options.language ? { language: options.language } : {}),
      }),
    );
  }
  return { documents, messages };
}

function questionColumns(header: TableRow, rows: readonly TableRow[], respondent: number, choice: string | undefined): number[] | string {
  if (choice !== undefined) {
    const whole = chosenColumn(header.cells, choice);
    if (whole !== -1) return [whole];
    const parts = choice
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p.length > 0);
    const indexes: number[] = [];
    for (const part of parts) {
      const i = chosenColumn(header.cells, part);
      if (i === -1) return part;
      if (!indexes.includes(i)) indexes.push(i);
    }
    return indexes;
  }
  return header.cells
    .map((_, i) => i)
    .filter(
      (i) =>
        i !== respondent &&
        isOpenQuestion(
          cellText(header.cells[i]),
          rows.map((r) => r.cells[i]),
        ),
    );
}

function isOpenQuestion(header: string, values: ReadonlyArray<TableRow['cells'][number] | undefined>): boolean {
  if (header.trim().endsWith('?')) return true;
  const answers = values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (answers.length === 0 || answers.length < values.filter((v) => cellText(v ?? null).trim() !== '').length) return false;
  const words = answers.reduce((n, a) => n + a.trim().split(/\s+/).length, 0);
  return words / answers.length >= 4;
}

function respondentIds(rows: readonly TableRow[], column: number, duplicate: (row: TableRow, id: string) => void): string[] {
  const seen = new Set<string>();
  return rows.map((row, r) => {
    const id = (column === -1 ? '' : cellText(row.cells[column]).trim()) || `R${r + 1}`;
    if (seen.has(id)) duplicate(row, id);
    seen.add(id);
    return id;
  });
}

/** A question as part of a document id: lower-case ASCII words joined by `-`, at most about 40 characters. */
function slug(text: string): string {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  let out = '';
  for (const w of words) {
    if (out.length > 0 && out.length + 1 + w.length > 40) break;
    out = out ? `${out}-${w}` : w.slice(0, 40);
  }
  return out;
}
