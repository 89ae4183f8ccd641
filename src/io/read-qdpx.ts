import { message, type Message } from '../model/message.js';
import { qdpxFromBytes } from '../refi/archive.js';
import { emptyQdpxImport } from '../refi/read-project.js';
import type { CodingRow } from '../model/coding.js';
import { projectCodingRows } from '../refi/project-tables.js';
import type { QdpxImport } from '../refi/read-project.js';
import { readInputFile } from './read-input.js';
import { unreadableReason } from './unreadable.js';

/**
 * Read a `.qdpx` file: its documents, codebook (code ids from names, see `parseQdc`), codings
 * per user (coder = the user's name; UTF-16 offsets into the document text), cases, variables,
 * and how positions were read (`meta.positions`). Problems are located messages; a missing or
 * unreadable file is a fatal one.
 * @example const { corpus, codebook, codings, messages } = await readQdpx('project.qdpx')
 */
export async function readQdpx(file: string, options: { language?: string; maxInputSize?: number } = {}): Promise<QdpxImport> {
  let bytes: Uint8Array;
  try {
    bytes = await readInputFile(file, options.maxInputSize);
  } catch (e) {
    return emptyQdpxImport([message(unreadableReason(e), { file, ruleId: 'file-unreadable', source: 'import-qdpx', fatal: true })]);
  }
  return qdpxFromBytes(bytes, file, options);
}

/**
 * The codings of every user of a `.qdpx` as coding-table rows (see `projectCodingRows`): what
 * `qda agree` compares when given a project.
 * @example const { codings } = await readProjectCodings('coders.qdpx')
 */
export async function readProjectCodings(file: string): Promise<{ codings: CodingRow[]; messages: Message[] }> {
  const project = await readQdpx(file);
  return { codings: projectCodingRows(project), messages: project.messages };
}
