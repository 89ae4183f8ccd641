import type { Coding, Hit } from '../model/coding.js';
import type { Document } from '../model/document.js';
import type { Segment } from '../model/segment.js';
import { OffsetMap } from '../text/offsets.js';
import { toCsv, type Table } from './csv.js';

/** The fixed header of `qda code` CSV output (the CLI contract). */
export const CODING_COLUMNS = ['document', 'segment', 'speaker', 'code', 'start', 'end', 'matches', 'text'] as const;

/** One row of the coding table as `qda code` writes it, offsets in code points (read back as a `CodingRow`). */
export interface WrittenCodingRow {
  document: string;
  segment: number;
  speaker: string;
  code: string;
  start: number;
  end: number;
  matches: string[];
  text: string;
  coder?: string;
  hits?: Array<{ start: number; end: number; term: string }>;
}

/**
 * Rows of the coding table for one document: offsets converted from UTF-16 to code points.
 * @example codingRows(doc, segments, codings)[0].start
 */
export function codingRows(doc: Document, segments: readonly Segment[], codings: ReadonlyArray<Coding & { hits?: Hit[] }>): WrittenCodingRow[] {
  const offsets = new OffsetMap(doc.text);
  const byIndex = new Map(segments.map((s) => [s.index, s]));
  return codings.map((c) => {
    const segment = byIndex.get(c.segment);
    const row: WrittenCodingRow = {
      document: c.document,
      segment: c.segment,
      speaker: segment?.speaker ?? '',
      code: c.code,
      start: offsets.toCodePoint(c.start),
      end: offsets.toCodePoint(c.end),
      matches: c.matches,
      text: segment?.text ?? '',
    };
    if (c.coder !== 'auto') row.coder = c.coder;
    if (c.hits) row.hits = c.hits.map((h) => ({ start: offsets.toCodePoint(h.start), end: offsets.toCodePoint(h.end), term: h.term }));
    return row;
  });
}

/** Coding rows as CSV with the contract header (`withHeader` false for streamed chunks). */
export function codingRowsToCsv(rows: readonly WrittenCodingRow[], withHeader: boolean): string {
  const table: Table = {
    columns: [...CODING_COLUMNS],
    rows: rows.map((r) => [r.document, r.segment, r.speaker, r.code, r.start, r.end, r.matches.join('|'), r.text]),
  };
  return toCsv(table, { header: withHeader });
}
