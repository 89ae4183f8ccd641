import { roleOf, type Document } from '../model/document.js';
import { UNITS, type Segment, type Unit } from '../model/segment.js';
import { splitSentences, trimSpan, type Span } from './sentences.js';
import { checkChoice } from '../util/options.js';

/**
 * Cut a document into the segments that get coded: its turns, the paragraphs of its turns
 * (split at blank lines), or their sentences. Segments are numbered from 1.
 * @example segmentDocument(doc, 'sentence')[0].index // 1
 */
export function segmentDocument(doc: Document, unit: Unit = 'turn'): Segment[] {
  checkChoice('segmentDocument', 'unit', unit, UNITS);
  const segments: Segment[] = [];
  for (const turn of doc.turns) {
    const spans = unit === 'turn' ? [{ start: turn.start, end: turn.end }] : paragraphs(doc.text, turn.start, turn.end);
    const pieces = unit === 'sentence' ? spans.flatMap((p) => splitSentences(doc.text, p.start, p.end)) : spans;
    for (const piece of pieces) {
      if (piece.end <= piece.start) continue;
      const s: Segment = {
        document: doc.id,
        index: segments.length + 1,
        speaker: turn.speaker,
        start: piece.start,
        end: piece.end,
        text: doc.text.slice(piece.start, piece.end),
      };
      const role = roleOf(doc, turn.speaker);
      if (role !== undefined) s.role = role;
      if (turn.timestamp !== undefined) s.timestamp = turn.timestamp;
      segments.push(s);
    }
  }
  return segments;
}

function paragraphs(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  const blank = /\n[ \t\u00a0]*\n/g;
  blank.lastIndex = from;
  let start = from;
  for (let m = blank.exec(text); m !== null && m.index < to; m = blank.exec(text)) {
    out.push(trimSpan(text, start, m.index));
    start = m.index + m[0].length;
  }
  out.push(trimSpan(text, start, to));
  return out;
}
