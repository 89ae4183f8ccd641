import type { Coding, CodingRow } from '../model/coding.js';
import type { Document } from '../model/document.js';
import { message, type Message } from '../model/message.js';
import { UNITS, type Segment, type Unit } from '../model/segment.js';
import { OffsetMap } from '../text/offsets.js';
import { segmentDocument } from '../text/segment.js';
import { checkChoice } from '../util/options.js';
import { counted } from '../util/plural.js';

/**
 * How a placed coding relates to the segments:
 * - `segments`: it lands on every segment its span overlaps, clipped to each (what counting,
 *   the report and validation need: a span across two turns codes both);
 * - `span`: it keeps its whole span, filed under the segment it overlaps most (what REFI-QDA
 *   export and import need: a selection stays one selection).
 */
export type PlacementMode = 'segments' | 'span';

/** The placement modes, for option checks. */
export const PLACEMENT_MODES: readonly PlacementMode[] = ['segments', 'span'];

/** Options of `placeCodings`. */
export interface PlaceOptions {
  /** The segmentation to place on (default `turn`). */
  unit?: Unit;
  /** See `PlacementMode` (default `segments`). */
  mode?: PlacementMode;
  /** What the rows' spans count: code points (coding tables, default) or UTF-16 units (REFI-QDA import). */
  offsets?: 'code-points' | 'utf16';
  /** Codes that exist (a codebook's): rows with other codes are left out with a warning. Default: all kept. */
  codes?: ReadonlySet<string>;
  /** The table's name, for messages. */
  file: string;
}

/** Placed codings (UTF-16 offsets, segment numbers of `unit`), the segments, and what was left out. */
export interface Placement {
  codings: Coding[];
  /** The segments of every document, by document id. */
  segments: Map<string, Segment[]>;
  messages: Message[];
}

/**
 * Put human codings on the segments of a segmentation: the one way every command places a
 * coding-table row or a REFI-QDA selection. A row with a span is placed by its span (a
 * segment number beside it is only what it was under the table's own unit); a row with only a
 * segment number covers that segment. Rows of unknown documents or codes, and rows that fit no
 * segment, are left out with one warning each kind.
 * @example placeCodings(rows, corpus.documents, { unit: 'sentence', file: 'ana.csv' }).codings
 */
export function placeCodings(rows: readonly CodingRow[], documents: readonly Document[], options: PlaceOptions): Placement {
  checkChoice('placeCodings', 'unit', options.unit, UNITS);
  checkChoice('placeCodings', 'mode', options.mode, PLACEMENT_MODES);
  checkChoice('placeCodings', 'offsets', options.offsets, ['code-points', 'utf16']);
  const unit = options.unit ?? 'turn';
  const mode = options.mode ?? 'segments';
  const offsets = options.offsets ?? 'code-points';

  const docs = new Map(documents.map((d) => [d.id, d]));
  const segments = new Map(documents.map((d) => [d.id, segmentDocument(d, unit)]));
  const maps = new Map<string, OffsetMap>();
  const toUtf16 = (doc: Document, position: number) => {
    if (offsets === 'utf16') return position;
    let map = maps.get(doc.id);
    if (!map) maps.set(doc.id, (map = new OffsetMap(doc.text)));
    return map.toUtf16(position);
  };
  const unknownDocuments = new Map<string, number>();
  const unknownCodes = new Map<string, number>();
  let misplaced = 0;
  const codings: Coding[] = [];
  for (const row of rows) {
    const doc = docs.get(row.document);
    if (doc === undefined) {
      unknownDocuments.set(row.document, (unknownDocuments.get(row.document) ?? 0) + 1);
      continue;
    }
    if (options.codes !== undefined && !options.codes.has(row.code)) {
      unknownCodes.set(row.code, (unknownCodes.get(row.code) ?? 0) + 1);
      continue;
    }
    const list = segments.get(doc.id)!;
    const base = { document: doc.id, code: row.code, coder: row.coder, source: row.source, matches: row.matches };
    const placed: Coding[] = [];
    if (row.span !== null) {
      const start = toUtf16(doc, row.span.start);
      const end = toUtf16(doc, row.span.end);
      if (start <= end && end <= doc.text.length) {
        if (mode === 'span') {
          const segment = segmentOfSpan(list, start, end);
          if (segment !== null) placed.push({ ...base, segment, start, end });
        } else {
          // An empty span codes the segment it sits in.
          for (const s of list)
            if (s.start < Math.max(end, start + 1) && s.end > start)
              placed.push({ ...base, segment: s.index, start: Math.max(start, s.start), end: Math.min(end, s.end) });
        }
      }
    } else if (row.segment !== null && row.segment >= 1 && row.segment <= list.length) {
      const s = list[row.segment - 1];
      placed.push({ ...base, segment: s.index, start: s.start, end: s.end });
    }
    if (placed.length === 0) misplaced++;
    for (const c of placed) codings.push(c);
  }

  const messages: Message[] = [];
  const warn = (reason: string, ruleId: string) => messages.push(message(reason, { file: options.file, ruleId, source: 'codings' }));
  const codings_ = (n: number) => counted(n, 'coding');
  for (const [id, n] of unknownDocuments)
    warn(`${codings_(n)} name document "${id}", which is not among the transcripts; skipped`, 'unknown-document');
  for (const [code, n] of unknownCodes) warn(`code "${code}" (${codings_(n)}) is not in the codebook; skipped`, 'unknown-code');
  if (misplaced > 0)
    warn(
      `${codings_(misplaced)} fit no ${unit} of their document (a span beyond the text, or a segment number out of range; is the unit the one the table was made with?); skipped`,
      'coding-out-of-range',
    );
  return { codings, segments, messages };
}

/** The segment a span overlaps most; else (an empty span, or one between turns) the segment it sits in, else the next one. */
function segmentOfSpan(segments: readonly Segment[], start: number, end: number): number | null {
  let best: Segment | undefined;
  let bestOverlap = 0;
  for (const s of segments) {
    const overlap = Math.min(end, s.end) - Math.max(start, s.start);
    if (overlap > bestOverlap) {
      best = s;
      bestOverlap = overlap;
    }
  }
  if (best !== undefined) return best.index;
  return (
    (segments.find((s) => s.start <= start && start < s.end) ?? segments.find((s) => s.start >= start) ?? segments[segments.length - 1])
      ?.index ?? null
  );
}
