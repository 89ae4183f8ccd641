import type { EvidencedCoding } from '../analysis/quotes.js';
import { createCoder } from '../coding/code-corpus.js';
import { codingRowOf } from '../coding/coding-row.js';
import { placeCodings } from '../coding/place-codings.js';
import type { AutoCoding, Coding, CodingRow } from '../model/coding.js';
import type { Document } from '../model/document.js';
import { message, QdaError, type Message } from '../model/message.js';
import type { Segment, Unit } from '../model/segment.js';
import { OffsetMap } from '../text/offsets.js';
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
export function newCodings(
  codings: readonly (Coding | AutoCoding)[],
  documents: readonly Document[],
  origin: CodingOrigin,
  status: CodingStatus,
): NewCoding[] {
  const offsets = new DocumentOffsets(new Map(documents.map((d) => [d.id, d])));
  return codings.flatMap((c) => {
    const map = offsets.get(c.document);
    if (!map) return [];
    const hits = 'hits' in c ? c.hits.map((h) => ({ start: map.toCodePoint(h.start), end: map.toCodePoint(h.end), term: h.term })) : [];
    return [
      {
        document: c.document,
        start: map.toCodePoint(c.start),
        end: map.toCodePoint(c.end),
        code: c.code,
        coder: c.coder,
        origin,
        status,
        matches: c.matches,
        hits,
      },
    ];
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
export async function codeProject(
  store: ProjectStore,
  actor: string,
  options: { unit?: Unit; onDocument?: (index: number, total: number, id: string) => void } = {},
): Promise<CodeProjectResult> {
  const current = await store.currentCodebook();
  if (!current)
    throw new QdaError([
      message('the project has no codebook yet', {
        file: store.location,
        ruleId: 'no-codebook',
        source: 'project',
        fatal: true,
        note: 'add one with `qda project add FILE --codebook cb.yaml`',
      }),
    ]);
  const documents = await store.getDocuments();
  // Only the machine's own reviewed codings: a team coder's copy of a suggestion is their decision,
  // and the suggestion stays for the other coders.
  const reviewedKeys = new Set(
    (await store.listCodings({ origin: 'auto', coder: AUTO_CODER, status: ['accepted', 'rejected'] })).map(codingKey),
  );
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

/**
 * Stored codings as coding-table rows: spans in code points, no segment number (place them
 * with `placeCodings`).
 * @example placeCodings(storedRows(codings), documents, { file: 'study.qda' })
 */
export function storedRows(stored: readonly StoredCoding[]): CodingRow[] {
  return stored.map((c) => ({
    document: c.document,
    code: c.code,
    coder: c.coder,
    source: c.origin === 'auto' ? 'auto' : 'manual',
    matches: c.matches,
    segment: null,
    span: { start: c.start, end: c.end },
  }));
}

/**
 * Stored codings on the segments of `unit`, as the report and validation count them (see
 * `placeCodings`: a span across two segments codes both), UTF-16 offsets, with the automatic
 * codings' hits so quotes can mark the matched words.
 * @example placeStoredCodings(codings, documents, 'turn', 'study.qda').codings
 */
export function placeStoredCodings(
  stored: readonly StoredCoding[],
  documents: readonly Document[],
  unit: Unit,
  file: string,
): { codings: EvidencedCoding[]; segments: Map<string, Segment[]>; messages: Message[] } {
  const placed = placeCodings(storedRows(stored), documents, { unit, file });
  const key = (c: Coding) => `${c.document}\u0000${c.code}\u0000${c.coder}\u0000${c.start}\u0000${c.end}`;
  const hits = new Map(
    modelCodings(stored, documents)
      .filter((c) => c.hits && c.hits.length > 0)
      .map((c) => [key(c), c.hits!]),
  );
  const codings = placed.codings.map((c): EvidencedCoding => {
    const h = hits.get(key(c));
    return h ? { ...c, hits: h } : c;
  });
  return { codings, segments: placed.segments, messages: placed.messages };
}

/**
 * Stored codings as the rows of a coding table, for `qda agree`: each whole span (code points)
 * filed under the turn it overlaps most, with that turn's text.
 * @example segmentCodings(await store.listCodings(), documents, 'study.qda')
 */
export function segmentCodings(stored: readonly StoredCoding[], documents: readonly Document[], file: string): CodingRow[] {
  const placed = placeCodings(storedRows(stored), documents, { unit: 'turn', mode: 'span', file });
  const offsets = new DocumentOffsets(new Map(documents.map((d) => [d.id, d])));
  return placed.codings.map((c) => codingRowOf(c, offsets.get(c.document)!, placed.segments.get(c.document)![c.segment - 1]!.text));
}

/**
 * Coding-table rows (spans in code points, or only a segment number of `unit`) as codings to
 * store: each whole span (a row with only a segment number takes the segment's span), origin
 * `import`, status `accepted`, coder from the table. Rows that cannot be placed are messages.
 * @example tableCodings((await readCodings(['ana.csv'])).codings, documents, 'turn', 'ana.csv')
 */
export function tableCodings(
  rows: readonly CodingRow[],
  documents: readonly Document[],
  unit: Unit,
  file: string,
): { codings: NewCoding[]; messages: Message[] } {
  const placed = placeCodings(rows, documents, { unit, mode: 'span', file });
  return { codings: newCodings(placed.codings, documents, 'import', 'accepted'), messages: placed.messages };
}
