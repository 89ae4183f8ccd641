import type { EvidencedCoding } from '../analysis/quotes.js';
import { createCoder } from '../coding/code-corpus.js';
import type { AutoCoding, Coding } from '../model/coding.js';
import type { Document } from '../model/document.js';
import { message, QdaError } from '../model/message.js';
import type { Unit } from '../model/segment.js';
import { OffsetMap } from '../text/offsets.js';
import { segmentDocument } from '../text/segment.js';
import { AUTO_CODER, type CodingOrigin, type CodingStatus, type NewCoding, type ProjectStore, type StoredCoding } from './store.js';

/** Offset maps per document, made on first use. */
class DocumentOffsets {
  private readonly maps = new Map<string, OffsetMap>();
  constructor(private readonly documents: ReadonlyMap<string, Document>) {}
  get(id: string): OffsetMap | undefined {
    let map = this.maps.get(id);
    const doc = this.documents.get(id);
    if (!map && doc) this.maps.set(id, (map = new OffsetMap(doc.text)));
    return map;
  }
}

/**
 * Stored codings (code points) as model codings (UTF-16) with their hits, for the analyses and
 * reports. Their `segment` is -1: place them on segments with `alignCodings`. Codings of
 * unknown documents are left out.
 * @example modelCodings(await store.listCodings({ status: ['suggested', 'accepted'] }), documents)
 */
export function modelCodings(stored: readonly StoredCoding[], documents: readonly Document[]): EvidencedCoding[] {
  const offsets = new DocumentOffsets(new Map(documents.map((d) => [d.id, d])));
  const out: EvidencedCoding[] = [];
  for (const c of stored) {
    const map = offsets.get(c.document);
    if (!map) continue;
    out.push({
      document: c.document,
      segment: -1,
      code: c.code,
      start: map.toUtf16(c.start),
      end: map.toUtf16(c.end),
      coder: c.coder,
      source: c.origin === 'auto' ? 'auto' : 'manual',
      matches: c.matches,
      hits: c.hits.map((h) => ({ start: map.toUtf16(h.start), end: map.toUtf16(h.end), term: h.term })),
    });
  }
  return out;
}

/**
 * Model codings (UTF-16) as codings to store (code points), with the origin and status given;
 * automatic codings keep their hits.
 * @example newCodings(qdpx.codings, qdpx.corpus.documents, 'import', 'accepted')
 */
export function newCodings(codings: readonly (Coding | AutoCoding)[], documents: readonly Document[], origin: CodingOrigin, status: CodingStatus): NewCoding[] {
  const offsets = new DocumentOffsets(new Map(documents.map((d) => [d.id, d])));
  return codings.flatMap((c) => {
    const map = offsets.get(c.document);
    if (!map) return [];
    const hits = 'hits' in c ? c.hits.map((h) => ({ start: map.toCodePoint(h.start), end: map.toCodePoint(h.end), term: h.term })) : [];
    return [{ document: c.document, start: map.toCodePoint(c.start), end: map.toCodePoint(c.end), code: c.code, coder: c.coder, origin, status, matches: c.matches, hits }];
  });
}

/** What `codeProject` did. */
export interface CodeProjectResult {
  /** Unreviewed suggestions of the previous run, removed. */
  removed: number;
  /** New suggestions. */
  added: number;
  /** Suggestions not added because a person already accepted or rejected the same coding. */
  reviewed: number;
}

/**
 * Code every document of a project with its current codebook, as one change: the machine's
 * unreviewed suggestions (origin `auto`, status `suggested`) are replaced; codings people
 * accepted or rejected stay, and the same suggestion is not made again.
 * @example await codeProject(store, 'ana', { unit: 'turn' })
 */
export async function codeProject(store: ProjectStore, actor: string, options: { unit?: Unit; onDocument?: (index: number, total: number, id: string) => void } = {}): Promise<CodeProjectResult> {
  const current = await store.currentCodebook();
  if (!current) throw new QdaError([message('the project has no codebook yet', { file: store.location, ruleId: 'no-codebook', source: 'project', fatal: true, note: 'add one with `qda project add FILE --codebook cb.yaml`' })]);
  const documents = await store.getDocuments();
  const reviewedKeys = new Set((await store.listCodings({ origin: 'auto', status: ['accepted', 'rejected'] })).map(codingKey));
  const coder = createCoder(current.codebook);
  const fresh: NewCoding[] = [];
  let reviewed = 0;
  documents.forEach((doc, i) => {
    options.onDocument?.(i + 1, documents.length, doc.id);
    const coded = coder.codeDocument(doc, { unit: options.unit ?? 'turn' }).codings;
    for (const c of newCodings(coded, [doc], 'auto', 'suggested')) {
      if (reviewedKeys.has(codingKey(c))) reviewed++;
      else fresh.push({ ...c, coder: AUTO_CODER });
    }
  });
  return store.change(actor, `automatic coding with codebook version ${current.version}`, async (tx) => {
    const removed = await tx.deleteCodings({ origin: 'auto', status: 'suggested' });
    const added = await tx.addCodings(fresh);
    return { removed, added, reviewed };
  });
}

function codingKey(c: { document: string; start: number; end: number; code: string }): string {
  return `${c.document}\u0000${c.start}\u0000${c.end}\u0000${c.code}`;
}

/** A stored coding on a segment, offsets in code points, with the segment's text (for agreement tables). */
export interface SegmentCoding {
  document: string;
  segment: number;
  code: string;
  coder: string;
  start: number;
  end: number;
  text: string;
}

/**
 * Stored codings on the segments of a unit, as coding tables give them to `qda agree`: with
 * `split`, one row per segment a coding overlaps (its span cut to the segment); without, one
 * row per coding on the segment where it starts, its span whole. Offsets stay code points.
 * @example segmentCodings(await store.listCodings(), documents, 'turn', true)
 */
export function segmentCodings(stored: readonly StoredCoding[], documents: readonly Document[], unit: Unit, split: boolean): SegmentCoding[] {
  const segments = new Map(documents.map((d) => [d.id, segmentDocument(d, unit)]));
  const offsets = new DocumentOffsets(new Map(documents.map((d) => [d.id, d])));
  const out: SegmentCoding[] = [];
  for (const c of modelCodings(stored, documents)) {
    const list = segments.get(c.document)!;
    const map = offsets.get(c.document)!;
    const touched = list.filter((s) => s.start < Math.max(c.end, c.start + 1) && s.end > c.start);
    for (const s of split ? touched : touched.slice(0, 1)) {
      const [start, end] = split ? [Math.max(c.start, s.start), Math.min(c.end, s.end)] : [c.start, c.end];
      out.push({ document: c.document, segment: s.index, code: c.code, coder: c.coder, start: map.toCodePoint(start), end: map.toCodePoint(end), text: s.text });
    }
  }
  return out;
}

/**
 * Codings from coding tables (code-point offsets, or -1 and a segment number of `unit`) as
 * codings to store: origin `import`, status `accepted`, coder from the table. Rows of unknown
 * documents or outside their text are counted, not stored.
 * @example tableCodings((await readCodings(['ana.csv'])).codings, documents, 'turn')
 */
export function tableCodings(rows: readonly Coding[], documents: readonly Document[], unit: Unit): { codings: NewCoding[]; unknownDocuments: Set<string>; outside: number } {
  const docs = new Map(documents.map((d) => [d.id, d]));
  const offsets = new DocumentOffsets(docs);
  const segments = new Map<string, ReturnType<typeof segmentDocument>>();
  const codings: NewCoding[] = [];
  const unknownDocuments = new Set<string>();
  let outside = 0;
  for (const c of rows) {
    const doc = docs.get(c.document);
    if (!doc) {
      unknownDocuments.add(c.document);
      continue;
    }
    const map = offsets.get(c.document)!;
    let span: { start: number; end: number } | null = null;
    if (c.start >= 0 && c.end >= c.start) span = map.toUtf16(c.end) <= doc.text.length ? { start: c.start, end: c.end } : null;
    else {
      if (!segments.has(doc.id)) segments.set(doc.id, segmentDocument(doc, unit));
      const s = segments.get(doc.id)![c.segment - 1];
      span = s ? { start: map.toCodePoint(s.start), end: map.toCodePoint(s.end) } : null;
    }
    if (!span) outside++;
    else codings.push({ document: c.document, ...span, code: c.code, coder: c.coder, origin: 'import', status: 'accepted', matches: c.matches });
  }
  return { codings, unknownDocuments, outside };
}
