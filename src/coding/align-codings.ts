import type { Coding } from '../model/coding.js';
import type { Document } from '../model/document.js';
import { message, type Message } from '../model/message.js';
import type { Segment } from '../model/segment.js';
import { OffsetMap } from '../text/offsets.js';

/**
 * Put codings read from a table (offsets in code points, -1 when the table has none) onto the
 * segments of the current segmentation, with UTF-16 offsets. A coding with offsets lands on
 * every segment its span overlaps (so it survives a change of `--unit`); one without offsets
 * keeps its segment number. Codings that fit nowhere are dropped with a warning.
 * @example alignCodings(readCodings, corpus.documents, segmentsByDocument, 'ana.csv').codings
 */
export function alignCodings(
  codings: readonly Coding[],
  documents: readonly Document[],
  segments: ReadonlyMap<string, readonly Segment[]>,
  file: string,
): { codings: Coding[]; messages: Message[] } {
  const docs = new Map(documents.map((d) => [d.id, d]));
  const offsets = new Map<string, OffsetMap>();
  const out: Coding[] = [];
  const messages: Message[] = [];
  const unknownDocs = new Map<string, number>();
  let misplaced = 0;
  for (const c of codings) {
    const doc = docs.get(c.document);
    const list = segments.get(c.document);
    if (!doc || !list) {
      unknownDocs.set(c.document, (unknownDocs.get(c.document) ?? 0) + 1);
      continue;
    }
    const placed: Coding[] = [];
    if (c.start >= 0 && c.end >= 0) {
      let map = offsets.get(doc.id);
      if (!map) {
        map = new OffsetMap(doc.text);
        offsets.set(doc.id, map);
      }
      const start = map.toUtf16(c.start);
      const end = map.toUtf16(c.end);
      if (end <= doc.text.length) {
        for (const s of list) {
          if (s.start < Math.max(end, start + 1) && s.end > start) placed.push({ ...c, segment: s.index, start: Math.max(start, s.start), end: Math.min(end, s.end) });
        }
      }
    }
    if (placed.length === 0 && c.segment >= 1 && c.segment <= list.length) {
      const s = list[c.segment - 1];
      placed.push({ ...c, start: s.start, end: s.end });
    }
    if (placed.length === 0) misplaced++;
    for (const p of placed) out.push(p);
  }
  for (const [id, n] of unknownDocs) {
    messages.push(message(`${n} coding${n === 1 ? '' : 's'} name document "${id}", which is not among the transcripts; skipped`, { file, ruleId: 'unknown-document', source: 'codings' }));
  }
  if (misplaced > 0) {
    messages.push(message(`${misplaced} coding${misplaced === 1 ? '' : 's'} fit no segment of their document (offsets beyond the text, or segment number out of range); skipped`, { file, ruleId: 'coding-out-of-range', source: 'codings' }));
  }
  return { codings: out, messages };
}
