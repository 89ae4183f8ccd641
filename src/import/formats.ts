import type { ImportResult } from '../model/document.js';
import { message } from '../model/message.js';
import type { CaptionFormat } from './caption-cues.js';
import { fromCaptions } from './captions.js';
import { fromDocx } from './docx.js';
import { fromJsonl } from './jsonl.js';
import { fromCsv, fromXlsx, type TableImportOptions } from './table.js';
import { fromText } from './text.js';
import { decodeBytes } from '../text/decode.js';
import { fileExtension } from '../util/file-name.js';

/** Options every transcript reader accepts from the command line. */
export interface ReadOptions {
  /** Language when the file does not say (else it is detected from the text). */
  language?: string;
  /** Speaker labels that get role `interviewer` when no role is given (`[]` for none). */
  interviewerLabels?: readonly string[];
  /** Extra reader options by name (e.g. column choices of table readers). */
  [option: string]: unknown;
}

/** Reads one file's bytes into documents. */
export type FormatReader = (bytes: Uint8Array, file: string, options: ReadOptions) => ImportResult | Promise<ImportResult>;

/** Decode bytes as text, warning when they were not UTF-8/UTF-16 and failing on binary files. */
export function decodeOrFail(bytes: Uint8Array, file: string, source: string): { text: string; encoding: string } | ImportResult {
  const decoded = decodeBytes(bytes);
  if (decoded.binary) {
    return {
      corpus: { documents: [] },
      messages: [
        message('this is a binary file, not a text transcript (it contains NUL bytes); check the file or pass --input-format', {
          file,
          ruleId: 'binary-file',
          source,
          fatal: true,
        }),
      ],
      meta: { format: 'binary' },
    };
  }
  return { text: decoded.text, encoding: decoded.encoding };
}

/**
 * A reader of a text format: decodes the bytes (UTF-8 with or without BOM, UTF-16 with BOM,
 * else Windows-1252 with a warning naming the file), then reads the text.
 */
function textReader(source: string, read: (text: string, file: string, options: ReadOptions) => ImportResult): FormatReader {
  return (bytes, file, options) => {
    const decoded = decodeOrFail(bytes, file, source);
    if ('corpus' in decoded) return decoded;
    const result = read(decoded.text, file, options);
    if (decoded.encoding === 'windows-1252') {
      result.messages.unshift(
        message('file is not valid UTF-8; read it as Windows-1252 — check accented letters', { file, ruleId: 'encoding-fallback', source }),
      );
    }
    result.meta.encoding = decoded.encoding;
    return result;
  };
}

function captionReader(format: CaptionFormat): FormatReader {
  return textReader(`import-${format}`, (text, file) => fromCaptions(text, { file, format }));
}

/** The table options of the command line (`--speaker-col`, `--text-col`, `--time-col`, `--doc-col`, `--survey`). */
function tableReaderOptions(file: string, format: 'csv' | 'xlsx', options: ReadOptions): TableImportOptions {
  const table: TableImportOptions = { file, format, ...maxInputSizeOf(options) };
  const chosen = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const columns = {
    speakerColumn: chosen(options.speakerCol),
    textColumn: chosen(options.textCol),
    timeColumn: chosen(options.timeCol),
    documentColumn: chosen(options.docCol),
  };
  for (const [key, value] of Object.entries(columns)) if (value !== undefined) table[key as keyof typeof columns] = value;
  if (options.survey === true) table.survey = true;
  return table;
}

/**
 * `maxInputSize` of the reader options, when given.
 * @example maxInputSizeOf({ maxInputSize: 1e6 }) // { maxInputSize: 1000000 }
 */
export function maxInputSizeOf(options: ReadOptions): { maxInputSize?: number } {
  return typeof options.maxInputSize === 'number' ? { maxInputSize: options.maxInputSize } : {};
}

/**
 * A transcript in which no speaker label was found is one unnamed speaker: say so, as every
 * count by speaker and every citation then lacks a name.
 */
function withSpeakerCheck(result: ImportResult): ImportResult {
  for (const doc of result.corpus.documents) {
    if (doc.turns.length === 0 || doc.turns.some((t) => t.speaker !== null)) continue;
    result.messages.push(
      message(
        'no speaker label found: the text is read as one unnamed speaker; start each turn with a label such as "Name:", or "Speaker 1  0:00" on its own line (docs/formats.md)',
        {
          file: doc.file,
          ruleId: 'no-speakers',
          source: 'import-text',
        },
      ),
    );
  }
  return result;
}

/**
 * The transcript readers by format name; file extensions map to these names. The reader of
 * REFI-QDA projects (`qdpx`) joins them in `io/read-corpus.ts`: `refi/` builds on this layer.
 */
export const TRANSCRIPT_READERS: Record<string, FormatReader> = {
  txt: textReader('import-text', (text, file) => withSpeakerCheck(fromText(text, { file, format: 'txt' }))),
  md: textReader('import-text', (text, file) => withSpeakerCheck(fromText(text, { file, format: 'md' }))),
  docx: async (bytes, file, options) => withSpeakerCheck(await fromDocx(bytes, { file, ...maxInputSizeOf(options) })),
  vtt: captionReader('vtt'),
  srt: captionReader('srt'),
  sbv: captionReader('sbv'),
  csv: textReader('import-csv', (text, file, options) => fromCsv(text, tableReaderOptions(file, 'csv', options))),
  xlsx: async (bytes, file, options) => fromXlsx(bytes, tableReaderOptions(file, 'xlsx', options)),
  jsonl: textReader('import-jsonl', (text, file) => fromJsonl(text, { file })),
};

/** Format names by file extension (lower case, without the dot); `qdpx` is read in `io/`. */
export const EXTENSIONS: Record<string, string> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  docx: 'docx',
  vtt: 'vtt',
  webvtt: 'vtt',
  srt: 'srt',
  sbv: 'sbv',
  csv: 'csv',
  tsv: 'csv',
  xlsx: 'xlsx',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  qdpx: 'qdpx',
};

/** The format of a file by its extension, or undefined when unknown. */
export function formatOfPath(file: string): string | undefined {
  const extension = fileExtension(file);
  return extension === '' ? undefined : EXTENSIONS[extension];
}
