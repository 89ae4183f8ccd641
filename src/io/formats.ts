import type { ImportResult } from '../model/document.js';
import { message } from '../model/message.js';
import { fromText } from '../import/text.js';
import { decodeBytes } from '../text/decode.js';

/** Options every transcript reader accepts from the command line. */
export interface ReadOptions {
  /** Language when the file does not say. */
  language?: string;
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
      messages: [message('this is a binary file, not a text transcript (it contains NUL bytes); check the file or pass --input-format', { file, ruleId: 'binary-file', source, fatal: true })],
      meta: { format: 'binary' },
    };
  }
  return { text: decoded.text, encoding: decoded.encoding };
}

function textReader(format: 'txt' | 'md'): FormatReader {
  return (bytes, file, options) => {
    const decoded = decodeOrFail(bytes, file, 'import-text');
    if ('corpus' in decoded) return decoded;
    const result = fromText(decoded.text, { file, format, ...(options.language ? { language: options.language } : {}) });
    if (decoded.encoding === 'windows-1252') {
      result.messages.unshift(message('file is not valid UTF-8; read it as Windows-1252 — check accented letters', { file, ruleId: 'encoding-fallback', source: 'import-text' }));
    }
    result.meta.encoding = decoded.encoding;
    return result;
  };
}

/** Readers by format name; file extensions map to these names. */
export const READERS: Record<string, FormatReader> = {
  txt: textReader('txt'),
  md: textReader('md'),
};

/** Format names by file extension (lower case, without the dot). */
export const EXTENSIONS: Record<string, string> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
};

/** The format of a file by its extension, or undefined when unknown. */
export function formatOfPath(file: string): string | undefined {
  const m = /\.([^./\\]+)$/.exec(file);
  return m ? EXTENSIONS[m[1].toLowerCase()] : undefined;
}
