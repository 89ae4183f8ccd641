import type { Coding, CodingRow } from '../model/coding.js';
import type { OffsetMap } from '../text/offsets.js';

/**
 * A placed coding (UTF-16 span) as a coding-table row: its span in code points through the
 * document's offset map, and `text`, the text the row shows.
 * @example codingRowOf(coding, new OffsetMap(doc.text), segment.text).span
 */
export function codingRowOf(coding: Coding, offsets: OffsetMap, text: string): CodingRow {
  return {
    document: coding.document,
    code: coding.code,
    coder: coding.coder,
    source: coding.source,
    matches: coding.matches,
    segment: coding.segment,
    span: { start: offsets.toCodePoint(coding.start), end: offsets.toCodePoint(coding.end) },
    text,
  };
}
