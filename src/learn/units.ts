import { roleOf, type Document } from '../model/document.js';
import { UNITS, type Segment, type Unit } from '../model/segment.js';
import { segmentDocument } from '../text/segment.js';

/** The units a model learns from: the coding units, or the lines of the text (one comment, one answer per line). */
export type LearningUnit = Unit | 'line';

/** Every learning unit, for option checks. */
export const LEARNING_UNITS: readonly LearningUnit[] = [...UNITS, 'line'];

/**
 * The pieces of a document that get a score: its segments (`turn`, `paragraph`, `sentence`) or
 * the non-blank lines of its turns (`line`, for exports that put one comment or answer per
 * line), which keep their turn's speaker and role. `index` numbers the units from 1.
 * @example learningUnits(doc, 'line').length
 */
export function learningUnits(doc: Document, unit: LearningUnit): Segment[] {
  if (unit !== 'line') return segmentDocument(doc, unit);
  const out: Segment[] = [];
  for (const turn of doc.turns) {
    const role = roleOf(doc, turn.speaker);
    let start = turn.start;
    while (start < turn.end) {
      const newline = doc.text.indexOf('\n', start);
      const end = newline === -1 || newline > turn.end ? turn.end : newline;
      const text = doc.text.slice(start, end);
      const lead = text.length - text.trimStart().length;
      const trimmed = text.trim();
      if (trimmed !== '') {
        const s: Segment = {
          document: doc.id,
          index: out.length + 1,
          speaker: turn.speaker,
          start: start + lead,
          end: start + lead + trimmed.length,
          text: trimmed,
        };
        if (role !== undefined) s.role = role;
        out.push(s);
      }
      start = end + 1;
    }
  }
  return out;
}
