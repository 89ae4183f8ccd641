import { labelOf, type Codebook } from '../model/codebook.js';
import { citationOf, type Quote } from './quotes.js';
import { segmentKey, type CodedCorpus } from './rollup.js';

/** What to retrieve: the segments of a code, optionally also coded `and`, in documents with an attribute value. */
export interface RetrievalQuery {
  /** A code id; its sub-codes count as it. */
  code: string;
  /** A second code that must be coded in the same segment. */
  and?: string;
  /** Only documents whose attribute `name` has this value (compared as text). */
  attribute?: { name: string; value: string };
  /** Language of code labels (default: the codebook's). */
  language?: string;
}

/**
 * Every coded passage of a code, as quotes with `(Name, Year)` citations, in document order. With
 * `and`, every segment where both codes were applied: the whole segment, with both codes' spans
 * marked. Identical spans coded by several coders appear once.
 * @example retrieve(coded, codebook, { code: 'help', and: 'barrier' }).length
 */
export function retrieve(coded: CodedCorpus, codebook: Codebook, query: RetrievalQuery): Quote[] {
  const code = codebook.codes.find((c) => c.id === query.code);
  if (!code) throw new TypeError(`retrieve: code "${query.code}" is not in the codebook`);
  if (query.and !== undefined && !codebook.codes.some((c) => c.id === query.and))
    throw new TypeError(`retrieve: code "${query.and}" is not in the codebook`);
  const label = labelOf(code, query.language ?? codebook.language) + (query.and ? ` + ${query.and}` : '');
  const within = (id: string, root: string) => id === root || id.startsWith(`${root}/`);
  const docs = new Map(coded.documents.map((d) => [d.id, d]));
  const wanted = (documentId: string) => {
    if (!query.attribute) return true;
    const value = docs.get(documentId)?.attributes[query.attribute.name];
    return value !== undefined && value !== null && String(value) === query.attribute.value;
  };
  const segments = new Map(coded.segments.map((s) => [segmentKey(s.document, s.index), s]));
  const order = new Map(coded.documents.map((d, i) => [d.id, i]));
  const quotes: Quote[] = [];
  const seen = new Set<string>();

  type Coding = CodedCorpus['codings'][number];
  type Segment = CodedCorpus['segments'][number];
  const quoteOf = (c: Coding, seg: Segment, text: string, marks: Quote['marks'], start: number, end: number): Quote => ({
    code: query.code,
    label,
    rank: 0,
    document: c.document,
    segment: c.segment,
    speaker: seg.speaker,
    timestamp: seg.timestamp ?? null,
    ...citationOf(docs.get(c.document)!, seg.speaker),
    text,
    marks,
    terms: [],
    start,
    end,
  });
  const bySegment = (codings: Coding[]) => {
    const groups = new Map<string, Coding[]>();
    for (const c of codings) {
      const key = segmentKey(c.document, c.segment);
      const group = groups.get(key);
      if (group) group.push(c);
      else groups.set(key, [c]);
    }
    return groups;
  };

  const first = coded.codings.filter((c) => within(c.code, query.code) && wanted(c.document));
  if (query.and === undefined) {
    for (const c of first) {
      const doc = docs.get(c.document);
      const seg = segments.get(segmentKey(c.document, c.segment));
      const key = `${c.document}\u0000${c.start}\u0000${c.end}`;
      if (!doc || !seg || seen.has(key)) continue;
      seen.add(key);
      quotes.push(quoteOf(c, seg, doc.text.slice(c.start, c.end), [], c.start, c.end));
    }
  } else {
    const firstBySegment = bySegment(first);
    const secondBySegment = bySegment(coded.codings.filter((c) => within(c.code, query.and!) && wanted(c.document)));
    for (const c of first) {
      const key = segmentKey(c.document, c.segment);
      const both = secondBySegment.get(key);
      const seg = segments.get(key);
      if (!both || !docs.has(c.document) || !seg || seen.has(key)) continue;
      seen.add(key);
      const spans = [...firstBySegment.get(key)!, ...both]
        .map((s) => ({ start: Math.max(s.start, seg.start) - seg.start, end: Math.min(s.end, seg.end) - seg.start }))
        .sort((a, b) => a.start - b.start);
      const marks: Quote['marks'] = [];
      for (const s of spans) {
        const last = marks[marks.length - 1];
        if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
        else marks.push({ ...s });
      }
      quotes.push(quoteOf(c, seg, seg.text, marks, seg.start, seg.end));
    }
  }
  quotes.sort((a, b) => order.get(a.document)! - order.get(b.document)! || a.start - b.start);
  quotes.forEach((q, i) => (q.rank = i + 1));
  return quotes;
}
