import type { Coder } from '../coding/code-corpus.js';
import { documentFromJsonLine } from '../import/json-record.js';
import { joinCases, type Cases } from '../import/cases.js';
import { withReadDefaults } from '../import/read-defaults.js';
import { pseudonymiser, type Pseudonym } from '../report/pseudonyms.js';
import type { Document } from '../model/document.js';
import type { Message } from '../model/message.js';
import type { Unit } from '../model/segment.js';
import { codingRows, codingRowsToCsv } from '../report/coding-table.js';
import { readTranscript, type ReadCorpusOptions } from './read-corpus.js';

/** Output formats of `qda code`. */
export type CodingFormat = 'csv' | 'json' | 'jsonl';

/** A piece of coding work: one transcript file, or a batch of lines of a JSONL corpus. */
export type CodeTask =
  | { kind: 'file'; file: string }
  | { kind: 'lines'; file: string; firstLine: number; text: string };

/**
 * What a task gives back: its rows, formatted and encoded as UTF-8 — CSV rows without the
 * header, JSON lines, or for `json` each row preceded by `,\n` (the writer drops the first comma).
 */
export interface CodeTaskResult {
  output: Uint8Array;
  rows: number;
  messages: Message[];
  documents: Array<{ id: string; file: string }>;
  /** Distinct roles of the coded segments' speakers, for checking the codebook's role filters. */
  roles: string[];
  /** Bytes of input text handled, for progress. */
  bytes: number;
}

/** How tasks are coded and formatted. */
export interface CodeTaskOptions {
  unit: Unit;
  format: CodingFormat;
  read: ReadCorpusOptions;
  /** A cases file to join onto each document (roles decide what role-filtered codes code). */
  cases?: Cases;
  /** Real names → pseudonyms in the `speaker` and `text` columns (offsets still point into the original text). */
  pseudonyms?: Pseudonym[];
}

/**
 * Run one coding task with a coder: read, segment, code and format. Pure apart from reading
 * the task's file.
 * @example await runCodeTask({ kind: 'file', file: 'a.md' }, coder, { unit: 'turn', format: 'csv', read: {} })
 */
export async function runCodeTask(task: CodeTask, coder: Coder, options: CodeTaskOptions): Promise<CodeTaskResult> {
  const documents: Document[] = [];
  const messages: Message[] = [];
  let bytes = 0;
  if (task.kind === 'file') {
    const result = await readTranscript(task.file, options.read);
    messages.push(...result.messages);
    documents.push(...result.corpus.documents);
  } else {
    bytes = task.text.length;
    const lines = task.text.split('\n');
    lines.forEach((line, i) => {
      if (line.trim().length === 0) return;
      const { document, messages: m } = documentFromJsonLine(line, task.file, task.firstLine + i);
      for (const x of m) messages.push(x);
      if (document) documents.push(withReadDefaults(document, options.read));
    });
  }
  if (task.kind === 'file') for (const doc of documents) bytes += doc.text.length;
  const { output, rows, roles } = codeAndFormat(documents, coder, options);
  return { output: Buffer.from(output), rows, messages, documents: documents.map((d) => ({ id: d.id, file: d.file })), roles, bytes };
}

/**
 * Code documents and format their rows as `qda code` prints them: CSV rows without the header,
 * JSON lines, or for `json` each row preceded by `,\n`; with the distinct roles of the coded
 * segments' speakers. `cases` is joined onto each document first; `pseudonyms` replace names
 * in the `speaker` and `text` columns.
 * @example codeAndFormat(corpus.documents, createCoder(codebook), { unit: 'turn', format: 'csv' }).output
 */
export function codeAndFormat(documents: readonly Document[], coder: Coder, options: Pick<CodeTaskOptions, 'unit' | 'format' | 'cases' | 'pseudonyms'>): { output: string; rows: number; roles: string[] } {
  let output = '';
  let rows = 0;
  const roles = new Set<string>();
  const names = options.pseudonyms && options.pseudonyms.length > 0 ? pseudonymiser(options.pseudonyms) : null;
  for (const read of documents) {
    // Unmatched cases are reported once by the command, not by every task.
    const doc = options.cases ? joinCases({ documents: [read] }, options.cases).corpus.documents[0] : read;
    const coded = coder.codeDocument(doc, { unit: options.unit });
    for (const s of coded.segments) if (s.role !== undefined) roles.add(s.role);
    const rowsOfDoc = codingRows(doc, coded.segments, coded.codings);
    const table = names ? rowsOfDoc.map((r) => ({ ...r, speaker: names.text(r.speaker), text: names.text(r.text) })) : rowsOfDoc;
    rows += table.length;
    if (options.format === 'csv') output += codingRowsToCsv(table, false);
    else for (const r of table) output += options.format === 'jsonl' ? `${JSON.stringify(r)}\n` : `,\n${JSON.stringify(r)}`;
  }
  return { output, rows, roles: [...roles] };
}
