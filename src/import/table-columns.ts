import type { AttributeValue } from '../model/document.js';
import { clockFromSeconds } from './clock.js';
import { normaliseTimestamp, TIMESTAMP_PATTERN } from './timestamp.js';

/** A spreadsheet or CSV cell as the parsers give it. */
export type Cell = string | number | boolean | Date | null;

/** A row of a table and where it is: the file line (CSV) or the sheet row (XLSX), 1-based. */
export interface TableRow {
  cells: Cell[];
  line: number;
}

/** The columns a table reader looks for, with the header names that identify them (English and Indonesian). */
export const COLUMN_NAMES = {
  speaker: ['speaker', 'speaker name', 'name', 'participant', 'pembicara', 'penutur', 'nama', 'nama pembicara', 'narasumber'],
  text: [
    'text',
    'utterance',
    'transcript',
    'transcription',
    'content',
    'message',
    'teks',
    'ujaran',
    'tuturan',
    'isi',
    'transkrip',
    'kalimat',
  ],
  time: ['time', 'timestamp', 'start', 'start time', 'waktu', 'jam', 'mulai', 'waktu mulai', 'stempel waktu'],
  document: [
    'document',
    'document id',
    'doc',
    'doc id',
    'interview',
    'interview id',
    'transcript id',
    'file',
    'dokumen',
    'id dokumen',
    'wawancara',
    'berkas',
  ],
  role: ['role', 'speaker role', 'peran'],
  respondent: [
    'respondent',
    'respondent id',
    'responden',
    'id responden',
    'id',
    'participant',
    'participant id',
    'peserta',
    'informan',
    'name',
    'nama',
  ],
} as const;

/**
 * A header as compared: lower case, `_`, `-` and `.` as spaces, spaces collapsed.
 * @example headerKey(' Speaker_Name ') // 'speaker name'
 */
export function headerKey(header: Cell): string {
  return cellText(header)
    .normalize('NFC')
    .toLocaleLowerCase()
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The index of the column whose header is one of `names`, or -1.
 * @example findColumn(['Pembicara', 'Teks'], COLUMN_NAMES.text) // 1
 */
export function findColumn(header: readonly Cell[], names: readonly string[]): number {
  const keys = header.map(headerKey);
  for (const name of names) {
    const i = keys.indexOf(name);
    if (i !== -1) return i;
  }
  return -1;
}

/**
 * The column a user chose (`--text-col`): a header (case-insensitive), a 1-based number or a
 * spreadsheet letter (`B`); -1 when it matches none.
 * @example chosenColumn(['speaker', 'teks'], 'Teks') // 1
 */
export function chosenColumn(header: readonly Cell[], choice: string): number {
  const byName = header.map(headerKey).indexOf(headerKey(choice));
  if (byName !== -1) return byName;
  const trimmed = choice.trim();
  if (/^\d+$/.test(trimmed)) {
    const n = Number(trimmed);
    return n >= 1 && n <= header.length ? n - 1 : -1;
  }
  if (/^[A-Z]{1,2}$/.test(trimmed)) {
    const n = [...trimmed].reduce((acc, ch) => acc * 26 + ch.charCodeAt(0) - 64, 0);
    return n <= header.length ? n - 1 : -1;
  }
  return -1;
}

/**
 * A cell as text: dates as ISO dates, numbers as written by JavaScript, null as empty.
 * @example cellText(new Date(Date.UTC(2025, 2, 14))) // '2025-03-14'
 */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell);
}

/**
 * A cell as an attribute value: numbers and booleans stay, dates become ISO dates, blanks null.
 * @example cellAttribute('  ') // null
 */
export function cellAttribute(cell: Cell | undefined): AttributeValue {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number' || typeof cell === 'boolean') return cell;
  const text = cellText(cell).trim();
  return text === '' ? null : text;
}

const WHOLE_TIMESTAMP = new RegExp(`^${TIMESTAMP_PATTERN}$`);

/**
 * A time cell as a turn timestamp: `12:03`, `00:12:03.5` as written; a number (`83.5`)
 * counts seconds; a spreadsheet time gives its time of day. Undefined when blank, null when unreadable.
 * @example cellTimestamp('1:02:03') // '01:02:03'
 */
export function cellTimestamp(cell: Cell | undefined): string | null | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    const seconds = cell.getUTCHours() * 3600 + cell.getUTCMinutes() * 60 + cell.getUTCSeconds() + cell.getUTCMilliseconds() / 1000;
    const clock = clockFromSeconds(seconds);
    return cell.getUTCMilliseconds() === 0 ? clock.slice(0, 8) : clock;
  }
  if (typeof cell === 'number') return Number.isFinite(cell) && cell >= 0 ? clockFromSeconds(cell) : null;
  if (typeof cell === 'boolean') return null;
  const text = cell.trim();
  if (text === '') return undefined;
  if (/^\d+(?:\.\d+)?$/.test(text)) return clockFromSeconds(Number(text));
  return WHOLE_TIMESTAMP.test(text) ? normaliseTimestamp(text) : null;
}
