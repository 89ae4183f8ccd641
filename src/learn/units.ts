import { roleOf, type Document } from '../model/document.js';
import type { Segment } from '../model/segment.js';
import { UNITS, type Unit } from '../model/segment.js';
import { segmentDocument } from '../text/segment.js';

/** The units a model learns from: the coding units, or the lines of the text (one comment, one answer per line). */
export type LearningUnit = Unit | 'line';

/** Every learning unit, for option checks. */
export const LEARNING_UNITS: readonly LearningUnit[] = [...UNITS, 'line'];

/**
 * The pieces of a document that get a score: its segments (`turn`, `paragraph`, `sentence`) or
 * its non-blank lines (`line`, for exports that put one comment or answer per line). A line
 * takes the speaker and role of the turn it starts in; `index` numbers the units from 1.
 * @example learningUnits(doc, 'line').length
 */
export function learningUnits(doc: Document, unit: LearningUnit): Segment[] {
  if (unit !== 'line') return segmentDocument(doc, unit);
  const out: Segment[] = [];
  let start = 0;
  let t = 0;
  while (start <= doc.text.length) {
    const newline = doc.text.indexOf('\n', start);
    const end = newline === -1 ? doc.text.length : newline;
    const text = doc.text.slice(start, end);
    if (text.trim() !== '') {
      while (t < doc.turns.length && doc.turns[t].end <= start) t++;
      const turn = doc.turns[t];
      const speaker = turn !== undefined && turn.start <= start ? turn.speaker : null;
      const s: Segment = { document: doc.id, index: out.length + 1, speaker, start, end, text };
      const role = roleOf(doc, speaker);
      if (role !== undefined) s.role = role;
      out.push(s);
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return out;
}
