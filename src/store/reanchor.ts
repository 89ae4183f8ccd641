import type { CodePointSpan } from '../model/coding.js';
import { OffsetMap } from '../text/offsets.js';

/**
 * Where spans of an old version of a text lie in a new version, by exact text: a span whose
 * text is still at the same place stays; otherwise it moves to the occurrence of its text
 * nearest to its old relative position; null when the text no longer occurs (the caller keeps
 * such a coding apart, never drops it). Offsets are code points.
 * @example reanchorSpans('ab cd', 'x ab cd', [{ start: 3, end: 5 }]) // [{ start: 5, end: 7 }]
 */
export function reanchorSpans(oldText: string, newText: string, spans: readonly CodePointSpan[]): Array<CodePointSpan | null> {
  const oldMap = new OffsetMap(oldText);
  const newMap = new OffsetMap(newText);
  return spans.map((span) => {
    const from = oldMap.toUtf16(span.start);
    const to = oldMap.toUtf16(span.end);
    const piece = oldText.slice(from, to);
    if (to > oldText.length || piece.length === 0) return null;
    if (newText.slice(from, to) === piece) return { start: span.start, end: span.end };
    const wanted = oldText.length === 0 ? 0 : (from / oldText.length) * newText.length;
    let best = -1;
    for (let i = newText.indexOf(piece); i !== -1; i = newText.indexOf(piece, i + 1)) {
      if (best === -1 || Math.abs(i - wanted) < Math.abs(best - wanted)) best = i;
    }
    if (best === -1) return null;
    return { start: newMap.toCodePoint(best), end: newMap.toCodePoint(best + piece.length) };
  });
}
