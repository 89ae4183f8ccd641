import { createHash } from 'node:crypto';
import type { Document } from '../model/document.js';
import { codePointLength } from '../text/offsets.js';
import { reanchorSpans } from './reanchor.js';
import { documentColumns, type Row } from './rows.js';

/** What adding a document does to a project that may hold an earlier version of it. */
export type DocumentUpdate =
  | { status: 'added'; columns: Row }
  | { status: 'unchanged' }
  /** `textChanged`: its codings must be re-anchored (`reanchorCodings`). */
  | { status: 'updated'; columns: Row; textChanged: boolean };

/**
 * Compares `document` with the row the project holds for its id (or null): new, the same, or
 * changed, with the columns to write.
 * @example documentUpdate(null, doc).status // 'added'
 */
export function documentUpdate(old: Row | null, document: Document): DocumentUpdate {
  const hash = createHash('sha256').update(document.text).digest('hex');
  const columns = documentColumns(document, hash, codePointLength(document.text));
  if (!old) return { status: 'added', columns };
  const same =
    old.hash === hash &&
    old.turns === columns.turns &&
    old.attributes === columns.attributes &&
    old.participants === columns.participants &&
    old.file === columns.file;
  return same ? { status: 'unchanged' } : { status: 'updated', columns, textChanged: old.hash !== hash };
}

/** Where the codings of a changed text go: moved onto the same words, or kept apart as unplaced. */
export interface Reanchoring {
  moved: Array<{ id: number; start: number; end: number }>;
  /** Rows for the `unplaced` table (without the coding's id: unplaced rows have their own), by the coding's id. */
  unplaced: Array<{ id: number; row: Row }>;
}

/**
 * Re-anchors the coding rows of a document whose text changed from `old.text` to `text`: a
 * coding whose words are still there moves onto them; one whose words are gone is kept apart
 * with the text it covered and the hash of the text it was made on.
 * @example reanchorCodings(oldRow, doc.text, codingRows).unplaced.length
 */
export function reanchorCodings(old: Row, text: string, codings: readonly Row[]): Reanchoring {
  const oldText = String(old.text);
  const spans = reanchorSpans(
    oldText,
    text,
    codings.map((r) => ({ start: Number(r.start), end: Number(r.end) })),
  );
  const chars = [...oldText];
  const result: Reanchoring = { moved: [], unplaced: [] };
  codings.forEach((r, i) => {
    const span = spans[i];
    if (span && span.start === Number(r.start) && span.end === Number(r.end)) return;
    if (span) result.moved.push({ id: Number(r.id), start: span.start, end: span.end });
    else {
      const { id, ...rest } = r;
      result.unplaced.push({
        id: Number(id),
        row: { ...rest, text: chars.slice(Number(r.start), Number(r.end)).join(''), from_hash: String(old.hash) },
      });
    }
  });
  return result;
}
