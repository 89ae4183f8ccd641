import type { Coder } from '../coding/code-corpus.js';
import { documentFromJsonLine } from '../import/json-record.js';
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
  /** Bytes of input text handled, for progress. */
  bytes: number;
}

/** How tasks are coded and formatted. */
export interface CodeTaskOptions {
  unit: Unit;
  format: CodingFormat;
  read: ReadCorpusOptions;
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
      if (document) documents.push(document);
    });
  }
  if (task.kind === 'file') for (const doc of documents) bytes += doc.text.length;
  const { output, rows } = codeAndFormat(documents, coder, options);
  return { output: Buffer.from(output), rows, messages, documents: documents.map((d) => ({ id: d.id, file: d.file })), bytes };
}

/**
 * Code documents and format their rows as `qda code` prints them: CSV rows without the header,
 * JSON lines, or for `json` each row preceded by `,\n`.
 * @example codeAndFormat(corpus.documents, createCoder(codebook), { unit: 'turn', format: 'csv' }).output
 */
export function codeAndFormat(documents: readonly Document[], coder: Coder, options: { unit: Unit; format: CodingFormat }): { output: string; rows: number } {
  let output = '';
  let rows = 0;
  for (const doc of documents) {
    const coded = coder.codeDocument(doc, { unit: options.unit });
    const table = codingRows(doc, coded.segments, coded.codings);
    rows += table.length;
    if (options.format === 'csv') output += codingRowsToCsv(table, false);
    else for (const r of table) output += options.format === 'jsonl' ? `${JSON.stringify(r)}\n` : `,\n${JSON.stringify(r)}`;
  }
  return { output, rows };
}
