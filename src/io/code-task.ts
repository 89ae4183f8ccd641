import { CodeCountsBuilder, type CodeCounts, type CountedCode } from '../analysis/code-counts.js';
import type { Grouping } from '../analysis/frequencies.js';
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

/** A piece of work: one transcript file, or a batch of lines of a JSONL corpus (UTF-8 bytes). */
export type CodeTask = { kind: 'file'; file: string } | { kind: 'lines'; file: string; firstLine: number; bytes: Uint8Array };

/** What every task gives back besides its output. */
interface TaskOutcome {
  messages: Message[];
  documents: Array<{ id: string; file: string }>;
  /** Bytes of input text handled, for progress. */
  bytes: number;
}

/**
 * What a coding task gives back: its rows, formatted and encoded as UTF-8 — CSV rows without
 * the header, JSON lines, or for `json` each row preceded by `,\n` (the writer drops the first comma).
 */
export interface CodeTaskResult extends TaskOutcome {
  output: Uint8Array;
  rows: number;
  /** Distinct roles of the coded segments' speakers, for checking the codebook's role filters. */
  roles: string[];
}

/** What a counting task gives back: the count table of its documents (small, whatever their size). */
export interface CountTaskResult extends TaskOutcome {
  counts: CodeCounts;
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

/** How tasks are counted. */
export interface CountTaskOptions {
  unit: Unit;
  by: Grouping;
  codes: CountedCode[];
  read: ReadCorpusOptions;
  /** A cases file to join onto each document (attributes to group by, roles). */
  cases?: Cases;
}

/** The work a task pool does on each task: code (rows) or count (tables). */
export type TaskWork = { kind: 'code'; options: CodeTaskOptions } | { kind: 'count'; options: CountTaskOptions };

/** The result of a task for a kind of work. */
export type TaskResultOf<W extends TaskWork> = W extends { kind: 'code' } ? CodeTaskResult : CountTaskResult;

/**
 * Run one task with a coder: read, segment, code, then format rows or count. Pure apart from
 * reading the task's file.
 * @example await runTask({ kind: 'file', file: 'a.md' }, coder, { kind: 'code', options: { unit: 'turn', format: 'csv', read: {} } })
 */
export async function runTask<W extends TaskWork>(task: CodeTask, coder: Coder, work: W): Promise<TaskResultOf<W>> {
  const { documents, messages, bytes } = await readTask(task, work.options.read);
  const outcome = { messages, documents: documents.map((d) => ({ id: d.id, file: d.file })), bytes };
  const result: CodeTaskResult | CountTaskResult =
    work.kind === 'count'
      ? { ...outcome, counts: countDocuments(documents, coder, work.options) }
      : { ...outcome, ...encoded(codeAndFormat(documents, coder, work.options)) };
  return result as TaskResultOf<W>;
}

function countDocuments(documents: readonly Document[], coder: Coder, { unit, by, codes, cases }: CountTaskOptions): CodeCounts {
  const counts = new CodeCountsBuilder([...codes], by);
  for (const read of documents) {
    const doc = withCases(read, cases);
    counts.addDocument(doc, coder.countDocument(doc, { unit }));
  }
  return counts.table();
}

/** A document with the cases joined; unmatched cases are reported once by the command, not by every task. */
function withCases(doc: Document, cases: Cases | undefined): Document {
  return cases ? joinCases({ documents: [doc] }, cases).corpus.documents[0] : doc;
}

function encoded({ output, rows, roles }: { output: string; rows: number; roles: string[] }): {
  output: Uint8Array;
  rows: number;
  roles: string[];
} {
  return { output: Buffer.from(output), rows, roles };
}

/**
 * Code documents and format their rows as `qda code` prints them: CSV rows without the header,
 * JSON lines, or for `json` each row preceded by `,\n`; with the distinct roles of the coded
 * segments' speakers. `cases` is joined onto each document first; `pseudonyms` replace names
 * in the `speaker` and `text` columns.
 * @example codeAndFormat(corpus.documents, createCoder(codebook), { unit: 'turn', format: 'csv' }).output
 */
export function codeAndFormat(
  documents: readonly Document[],
  coder: Coder,
  options: Pick<CodeTaskOptions, 'unit' | 'format' | 'cases' | 'pseudonyms'>,
): { output: string; rows: number; roles: string[] } {
  let output = '';
  let rows = 0;
  const roles = new Set<string>();
  const names = options.pseudonyms && options.pseudonyms.length > 0 ? pseudonymiser(options.pseudonyms) : null;
  for (const read of documents) {
    const doc = withCases(read, options.cases);
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

const decoder = new TextDecoder('utf-8');

/** The documents of a task, its messages and the size of its text. */
async function readTask(task: CodeTask, read: ReadCorpusOptions): Promise<{ documents: Document[]; messages: Message[]; bytes: number }> {
  const documents: Document[] = [];
  const messages: Message[] = [];
  if (task.kind === 'file') {
    const result = await readTranscript(task.file, read);
    for (const d of result.corpus.documents) documents.push(d);
    return { documents, messages: result.messages, bytes: documents.reduce((n, d) => n + d.text.length, 0) };
  }
  const lines = decoder.decode(task.bytes).split('\n');
  lines.forEach((line, i) => {
    if (line.trim().length === 0) return;
    const { document, messages: m } = documentFromJsonLine(line, task.file, task.firstLine + i);
    for (const x of m) messages.push(x);
    if (document) documents.push(withReadDefaults(document, read));
  });
  return { documents, messages, bytes: task.bytes.length };
}
