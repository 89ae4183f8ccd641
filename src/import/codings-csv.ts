import Papa from 'papaparse';
import type { Coding } from '../model/coding.js';
import { message, type Message } from '../model/message.js';
import { fileStem } from '../util/file-name.js';

/** Options for reading a coding table. */
export interface CodingsCsvOptions {
  file: string;
  /** Coder name for rows without a `coder` column (default: the file name without extension). */
  coder?: string;
}

/** A coding read from a table: offsets (when given) are code points, as in our CSV. */
export interface ReadCoding extends Coding {
  /** The row's `text` cell, when present. */
  text?: string;
  /** The row's `speaker` cell, when present. */
  speaker?: string;
}

/**
 * Read a coding table: our `qda code` CSV (document,segment,speaker,code,start,end,matches,text)
 * with an optional `coder` column, or a hand-made table with at least `document`, `code` and
 * `segment` (or `start`/`end`). Bad rows are located messages; the others come through.
 * @example parseCodingsCsv('document,segment,code\na,1,x\n', { file: 'ana.csv' }).codings[0].coder // 'ana'
 */
export function parseCodingsCsv(input: string, options: CodingsCsvOptions): { codings: ReadCoding[]; messages: Message[] } {
  const file = options.file;
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const messages: Message[] = parsed.errors.map((e) =>
    message(`CSV: ${e.message}`, { file, line: (e.row ?? 0) + 1, column: 1, ruleId: 'csv-syntax', source: 'codings', fatal: false }),
  );
  const rows = parsed.data;
  if (rows.length === 0) {
    messages.push(message('coding table is empty', { file, ruleId: 'empty-file', source: 'codings', fatal: true }));
    return { codings: [], messages };
  }
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const [iDoc, iSeg, iCode, iStart, iEnd, iCoder, iMatches, iText, iSpeaker] = ['document', 'segment', 'code', 'start', 'end', 'coder', 'matches', 'text', 'speaker'].map(col);
  if (iDoc === -1 || iCode === -1 || (iSeg === -1 && (iStart === -1 || iEnd === -1))) {
    messages.push(message(`coding table needs the columns document, code and segment (or start and end); found: ${header.join(', ')}`, {
      file, line: 1, column: 1, ruleId: 'missing-columns', source: 'codings', fatal: true,
    }));
    return { codings: [], messages };
  }
  const defaultCoder = options.coder ?? fileStem(file);
  const codings: ReadCoding[] = [];
  // Papa gives no line numbers per row; rows are counted, which is exact for files without multi-line cells.
  rows.slice(1).forEach((row, r) => {
    const line = r + 2;
    const bad = (reason: string, column: number) =>
      messages.push(message(reason, { file, line, column: column + 1, ruleId: 'bad-row', source: 'codings', fatal: false, note: 'the row is skipped' }));
    const document = row[iDoc]?.trim() ?? '';
    const code = row[iCode]?.trim() ?? '';
    if (!document) return bad('row has no document', iDoc);
    if (!code) return bad('row has no code', iCode);
    const segment = iSeg === -1 ? 0 : Number(row[iSeg]);
    if (iSeg !== -1 && (!Number.isInteger(segment) || segment < 1)) return bad(`segment "${row[iSeg]}" is not a number from 1 up`, iSeg);
    const start = iStart === -1 || row[iStart] === '' ? -1 : Number(row[iStart]);
    const end = iEnd === -1 || row[iEnd] === '' ? -1 : Number(row[iEnd]);
    if (!Number.isInteger(start) || !Number.isInteger(end) || end < start) return bad(`start/end "${row[iStart]}"/"${row[iEnd]}" are not offsets with start <= end`, iStart);
    const coder = (iCoder !== -1 ? row[iCoder]?.trim() : '') || defaultCoder;
    const c: ReadCoding = {
      document, segment, code, start, end, coder,
      source: coder === 'auto' ? 'auto' : 'manual',
      matches: iMatches !== -1 && row[iMatches] ? row[iMatches].split('|') : [],
    };
    if (iText !== -1) c.text = row[iText];
    if (iSpeaker !== -1) c.speaker = row[iSpeaker];
    codings.push(c);
  });
  return { codings, messages };
}
