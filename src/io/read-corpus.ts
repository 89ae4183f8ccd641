import type { Corpus, Document } from '../model/document.js';
import { message, type Message } from '../model/message.js';
import { withReadDefaults } from '../import/read-defaults.js';
import { formatOfPath, maxInputSizeOf, TRANSCRIPT_READERS, type FormatReader, type ReadOptions } from '../import/formats.js';
import { InputRefusedError, readInputFile } from './read-input.js';
import { unreadableReason } from './unreadable.js';
import { checkBoolean, checkChoice, checkInteger, checkList, checkString } from '../util/options.js';

/**
 * Readers by format name: every transcript format, and the sources of a REFI-QDA project (its
 * codings are for `qda qdpx import`, `qda agree`), loaded on demand as the zip and XML code is
 * not needed otherwise.
 */
export const READERS: Record<string, FormatReader> = {
  ...TRANSCRIPT_READERS,
  qdpx: async (bytes, file, options) => (await import('../refi/archive.js')).qdpxFromBytes(bytes, file, maxInputSizeOf(options)),
};

/** Options for reading transcripts from files. */
export interface ReadCorpusOptions extends ReadOptions {
  /** Force one format for every file instead of guessing from the extension. */
  inputFormat?: string;
  /** Most bytes to read from one file, and to inflate from a zipped one (default `DEFAULT_MAX_INPUT_SIZE`). */
  maxInputSize?: number;
}

// Document formats people keep transcripts in that qda does not read: --input-format would not
// help (it reads the bytes as another format), saving them as .docx or .txt does.
const DOCUMENT_FORMATS: Record<string, string> = {
  pdf: 'PDF',
  odt: 'OpenDocument (.odt)',
  rtf: 'Rich Text (.rtf)',
  doc: 'old Word (.doc)',
  pages: 'Apple Pages',
  wpd: 'WordPerfect',
  docm: 'macro-enabled Word (.docm)',
};

/**
 * Read one transcript file (any supported format) into documents and messages. Missing,
 * unreadable, binary and empty files give a fatal located message, never an exception.
 * Documents get the defaults of `withReadDefaults` (language, interviewer roles).
 * @example const { corpus, messages } = await readTranscript('data-sample/transcripts/informan-01.md')
 */
export async function readTranscript(file: string, options: ReadCorpusOptions = {}): Promise<{ corpus: Corpus; messages: Message[] }> {
  checkChoice('readTranscript', 'inputFormat', options.inputFormat, Object.keys(READERS));
  checkString('readTranscript', 'language', options.language);
  checkList('readTranscript', 'interviewerLabels', options.interviewerLabels);
  checkInteger('readTranscript', 'maxInputSize', options.maxInputSize, { min: 1 });
  for (const column of ['speakerCol', 'textCol', 'timeCol', 'docCol'])
    checkString('readTranscript', column, options[column], { nonEmpty: true });
  checkBoolean('readTranscript', 'survey', options.survey);
  const extension = /\.([^./\\]+)$/.exec(file)?.[1];
  // A file without an extension is read as plain text; an unknown extension (.pdf, .odt) is
  // more likely a format we cannot read than a transcript.
  const format = options.inputFormat ?? formatOfPath(file) ?? (extension === undefined ? 'txt' : undefined);
  const reader = format === undefined ? undefined : READERS[format];
  if (!reader && extension !== undefined && DOCUMENT_FORMATS[extension.toLowerCase()] && options.inputFormat === undefined) {
    return fail(
      file,
      `qda cannot read ${DOCUMENT_FORMATS[extension.toLowerCase()]} files: open it and save it as .docx (Word) or .txt (plain text), then give that file`,
      'save-as-docx',
    );
  }
  if (!reader) {
    const what = format === undefined ? `files ending in .${extension}` : `input format "${format}"`;
    return fail(
      file,
      `cannot read ${what}; known formats: ${Object.keys(READERS).join(', ')} (choose one with --input-format)`,
      'unknown-format',
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await readInputFile(file, options.maxInputSize);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EISDIR')
      return fail(file, 'is a folder, not a file (use a glob such as folder/*.md)', 'is-directory');
    return fail(file, unreadableReason(e), e instanceof InputRefusedError ? e.code : 'file-unreadable');
  }
  try {
    const result = await reader(bytes, file, options);
    return { corpus: { documents: result.corpus.documents.map((d) => withReadDefaults(d, options)) }, messages: result.messages };
  } catch (e) {
    return fail(file, `cannot read this ${format} file: ${(e as Error).message}`, 'unreadable-content');
  }
}

/**
 * Read many transcript files, in order. Document ids must be unique across files.
 * @example const { corpus } = await readCorpus(['a.md', 'b.vtt'])
 */
export async function readCorpus(
  files: readonly string[],
  options: ReadCorpusOptions = {},
): Promise<{ corpus: Corpus; messages: Message[] }> {
  const documents: Document[] = [];
  const messages: Message[] = [];
  const ids = new DocumentIds();
  for (const file of files) {
    const result = await readTranscript(file, options);
    messages.push(...result.messages);
    for (const doc of result.corpus.documents) {
      const clash = ids.claim(doc);
      if (clash) messages.push(clash);
      else documents.push(doc);
    }
  }
  return { corpus: { documents }, messages };
}

/** Remembers document ids and reports a second document with the same id. */
export class DocumentIds {
  private readonly seen = new Map<string, string>();

  /** Record a document; returns a fatal message when its id is taken. */
  claim(doc: Pick<Document, 'id' | 'file'>): Message | null {
    const first = this.seen.get(doc.id);
    if (first !== undefined) {
      return message(`document id "${doc.id}" is already used by ${first}; give one of them another \`id:\` in its front matter`, {
        file: doc.file,
        ruleId: 'duplicate-document-id',
        source: 'import',
        fatal: true,
      });
    }
    this.seen.set(doc.id, doc.file);
    return null;
  }
}

function fail(file: string, reason: string, ruleId: string): { corpus: Corpus; messages: Message[] } {
  return { corpus: { documents: [] }, messages: [message(reason, { file, ruleId, source: 'import', fatal: true })] };
}
