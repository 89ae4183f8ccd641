import type { CodingRow } from '../model/coding.js';
import { message, type Message } from '../model/message.js';
import { fileStem } from '../util/file-name.js';
import { readCsvRows } from '../util/csv.js';

/** Options for reading a coding table. */
export interface CodingsCsvOptions {
  file: string;
  /** Coder name for rows without a `coder` column (default: the file name without extension). */
  coder?: string;
}

/**
 * Read a coding table: our `qda code` CSV (document,segment,speaker,code,start,end,matches,text)
 * with an optional `coder` column, or a hand-made table with at least `document`, `code` and
 * `segment` (or `start`/`end`). Bad rows are located messages; the others come through.
 * @example parseCodingsCsv('document,segment,code\na,1,x\n', { file: 'ana.csv' }).codings[0].coder // 'ana'
 */
export function parseCodingsCsv(input: string, options: CodingsCsvOptions): { codings: CodingRow[]; messages: Message[] } {
  const file = options.file;
  const { rows, problems } = readCsvRows(input);
  const messages: Message[] = problems
    .filter((p) => p.type !== 'Delimiter')
    .map((p) => message(`CSV: ${p.reason}`, { file, line: p.line, column: 1, ruleId: 'csv-syntax', source: 'codings', fatal: false }));
  if (rows.length === 0) {
    messages.push(message('coding table is empty', { file, ruleId: 'empty-file', source: 'codings', fatal: true }));
    return { codings: [], messages };
  }
  const header = rows[0].cells.map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const [iDoc, iSeg, iCode, iStart, iEnd, iCoder, iMatches, iText, iSpeaker] = [
    'document',
    'segment',
    'code',
    'start',
    'end',
    'coder',
    'matches',
    'text',
    'speaker',
  ].map(col);
  if (iDoc === -1 || iCode === -1 || (iSeg === -1 && (iStart === -1 || iEnd === -1))) {
    messages.push(
      message(`coding table needs the columns document, code and segment (or start and end); found: ${header.join(', ')}`, {
        file,
        line: 1,
        column: 1,
        ruleId: 'missing-columns',
        source: 'codings',
        fatal: true,
      }),
    );
    return { codings: [], messages };
  }
  const defaultCoder = options.coder ?? fileStem(file);
  const codings: CodingRow[] = [];
  for (const { cells: row, line } of rows.slice(1)) {
    const bad = (reason: string, column: number) =>
      messages.push(
        message(reason, { file, line, column: column + 1, ruleId: 'bad-row', source: 'codings', fatal: false, note: 'the row is skipped' }),
      );
    const document = row[iDoc]?.trim() ?? '';
    const code = row[iCode]?.trim() ?? '';
    if (!document) {
      bad('row has no document', iDoc);
      continue;
    }
    if (!code) {
      bad('row has no code', iCode);
      continue;
    }
    const segmentCell = iSeg === -1 ? '' : (row[iSeg] ?? '').trim();
    const segment = segmentCell === '' ? null : Number(segmentCell);
    if (segment !== null && (!Number.isInteger(segment) || segment < 1)) {
      bad(`segment "${row[iSeg]}" is not a number from 1 up`, iSeg);
      continue;
    }
    const startCell = iStart === -1 ? '' : (row[iStart] ?? '').trim();
    const endCell = iEnd === -1 ? '' : (row[iEnd] ?? '').trim();
    const start = Number(startCell);
    const end = Number(endCell);
    const hasSpan = startCell !== '' || endCell !== '';
    if (hasSpan && (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start)) {
      bad(`start/end "${startCell}"/"${endCell}" are not offsets with 0 <= start <= end`, iStart);
      continue;
    }
    if (!hasSpan && segment === null) {
      bad('row has neither a segment number nor start/end offsets', iSeg === -1 ? iStart : iSeg);
      continue;
    }
    const coder = (iCoder !== -1 ? row[iCoder]?.trim() : '') || defaultCoder;
    const c: CodingRow = {
      document,
      code,
      coder,
      segment,
      span: hasSpan ? { start, end } : null,
      source: coder === 'auto' ? 'auto' : 'manual',
      matches: iMatches !== -1 && row[iMatches] ? row[iMatches].split('|') : [],
    };
    if (iText !== -1) c.text = row[iText];
    if (iSpeaker !== -1) c.speaker = row[iSpeaker];
    codings.push(c);
  }
  return { codings, messages };
}
