import { labelOf, type Codebook } from '../model/codebook.js';
import type { Coding, Hit } from '../model/coding.js';
import type { AttributeValue, Document } from '../model/document.js';
import type { Segment } from '../model/segment.js';
import { speakerIdentities, type SpeakerIdentity } from '../model/speaker.js';
import { segmentKey, type CodedCorpus } from './rollup.js';
import { splitSentences } from '../text/sentences.js';
import { checkInteger, checkString } from '../util/options.js';

/** A coding that may carry its matched spans (automatic codings do). */
export type EvidencedCoding = Coding & { hits?: readonly Hit[] };

/** A span that supports a coding: a rule's hit, or a span a coder chose; `mark` tells whether the quote highlights it. */
interface Evidence {
  start: number;
  end: number;
  term?: string;
  mark: boolean;
  kind: 'hit' | 'span';
}

/** A marked span of a quote's `text` (UTF-16 offsets, end exclusive). */
export interface QuoteMark {
  start: number;
  end: number;
}

/** One quote of the quote bank. */
export interface Quote {
  code: string;
  label: string;
  /** 1 for the most telling quote of the code. */
  rank: number;
  document: string;
  segment: number;
  speaker: string | null;
  timestamp: string | null;
  /** Year of the document's `date` (or `year`) attribute, null when it has none. */
  year: string | null;
  /**
   * `(Name, Year)`; `n.d.` stands for a missing year, the document id for a missing speaker; a
   * generic label (`Participant`) is cited with its document: `(Participant, teacher-01)`, or
   * `(Participant, teacher-01, 2025)` with a year.
   */
  citation: string;
  /** The excerpt, whitespace collapsed, with `…` where the segment was trimmed. */
  text: string;
  /** The matched words inside `text`. */
  marks: QuoteMark[];
  /** Distinct codebook terms that matched inside the excerpt. */
  terms: string[];
  /** The excerpt's span in the document text (UTF-16). */
  start: number;
  end: number;
}

/** Options of `quoteBank`. */
export interface QuoteOptions {
  /** Quotes per code (default 3). */
  perCode?: number;
  /** Shortest excerpt worth quoting, in words (default 12). */
  minWords?: number;
  /** Longest excerpt, in words (default 60): longer segments are trimmed to the sentences around the match. */
  maxWords?: number;
  /** Language of code labels (default: the codebook's). */
  language?: string;
}

interface Candidate {
  segment: Segment;
  order: number;
  evidence: Evidence[];
  preScore: number;
}

interface Excerpt {
  start: number;
  end: number;
  text: string;
  marks: QuoteMark[];
  terms: string[];
  words: number;
  hits: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const ELLIPSIS = '…';
const MAX_MARKED_WORDS = 4;

/**
 * The quote bank: for each code coded directly, the `perCode` most telling segments — dense and
 * varied evidence, of a quotable length (long turns trimmed to the sentences around the match),
 * no near-duplicates, spread across informants — each with its citation and marked matches.
 * @example quoteBank({ ...corpus, ...codeCorpus(corpus, codebook) }, codebook, { perCode: 3 })
 */
export function quoteBank(
  input: CodedCorpus & { codings: readonly EvidencedCoding[] },
  codebook: Codebook,
  options: QuoteOptions = {},
): Quote[] {
  checkInteger('quoteBank', 'perCode', options.perCode, { min: 0 });
  checkInteger('quoteBank', 'minWords', options.minWords, { min: 0 });
  checkInteger('quoteBank', 'maxWords', options.maxWords, { min: 1 });
  checkString('quoteBank', 'language', options.language);
  const perCode = options.perCode ?? 3;
  const minWords = options.minWords ?? 12;
  const maxWords = options.maxWords ?? 60;
  const language = options.language ?? codebook.language;
  if (perCode <= 0) return [];
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  const identity = speakerIdentities(input.documents);
  const segments = new Map<string, { segment: Segment; order: number }>();
  input.segments.forEach((s, order) => segments.set(segmentKey(s.document, s.index), { segment: s, order }));

  const byCode = new Map<string, Map<string, Candidate>>();
  for (const c of input.codings) {
    const found = segments.get(segmentKey(c.document, c.segment));
    if (!found) continue;
    let candidates = byCode.get(c.code);
    if (!candidates) {
      candidates = new Map();
      byCode.set(c.code, candidates);
    }
    const key = segmentKey(c.document, c.segment);
    let cand = candidates.get(key);
    if (!cand) {
      cand = { segment: found.segment, order: found.order, evidence: [], preScore: 0 };
      candidates.set(key, cand);
    }
    cand.evidence.push(...evidenceOf(c, found.segment));
  }

  const quotes: Quote[] = [];
  for (const code of codebook.codes) {
    const candidates = byCode.get(code.id);
    if (!candidates) continue;
    const pool = [...candidates.values()];
    for (const cand of pool) cand.preScore = 2 * distinctTerms(cand.evidence) + Math.min(cand.evidence.length, 6);
    // Trimming costs a sentence split: only the likeliest candidates are trimmed and scored in full.
    pool.sort((a, b) => b.preScore - a.preScore || a.order - b.order);
    const scored = pool.slice(0, Math.max(12, 8 * perCode)).map((cand) => {
      const doc = docs.get(cand.segment.document)!;
      const excerpt = trim(doc.text, cand, minWords, maxWords);
      const density = excerpt.words === 0 ? 0 : excerpt.hits / excerpt.words;
      const fit = excerpt.words >= minWords ? 1 : 0.5 + (0.5 * excerpt.words) / minWords;
      return { cand, excerpt, doc, score: (2 * excerpt.terms.length + Math.min(excerpt.hits, 6) + 10 * density) * fit };
    });
    scored.sort((a, b) => b.score - a.score || a.cand.order - b.cand.order);

    const chosen = pickSpread(scored, perCode, identity);
    const label = labelOf(code, language);
    chosen.forEach(({ cand, excerpt, doc }, i) => {
      const seg = cand.segment;
      quotes.push({
        code: code.id,
        label,
        rank: i + 1,
        document: seg.document,
        segment: seg.index,
        speaker: seg.speaker,
        timestamp: seg.timestamp ?? null,
        ...citationOf(doc, seg.speaker),
        text: excerpt.text,
        marks: excerpt.marks,
        terms: excerpt.terms,
        start: excerpt.start,
        end: excerpt.end,
      });
    });
  }
  return quotes;
}

/** `(Name, Year)`, or `(Participant, teacher-01[, Year])` for a speaker of one document only. */
function citation(who: SpeakerIdentity | null, document: string, year: string | null): string {
  if (who === null) return `(${document}, ${year ?? 'n.d.'})`;
  if (who.document === undefined) return `(${who.name}, ${year ?? 'n.d.'})`;
  return year === null ? `(${who.label}, ${who.document})` : `(${who.label}, ${who.document}, ${year})`;
}

/**
 * The best `perCode` excerpts, one per informant first, then filling up from informants
 * already quoted; never two near-duplicates.
 */
function pickSpread<T extends { cand: Candidate; excerpt: Excerpt }>(
  scored: readonly T[],
  perCode: number,
  identity: (document: string, speaker: string) => SpeakerIdentity,
): T[] {
  const chosen: T[] = [];
  const speakers = new Set<string>();
  for (const spread of [true, false]) {
    for (const s of scored) {
      if (chosen.length >= perCode) break;
      if (chosen.includes(s)) continue;
      const seg = s.cand.segment;
      const who = seg.speaker === null ? `\u0000${seg.document}` : identity(seg.document, seg.speaker).key;
      if (spread && speakers.has(who)) continue;
      if (chosen.some((c) => nearDuplicate(c.excerpt.text, s.excerpt.text))) continue;
      chosen.push(s);
      speakers.add(who);
    }
  }
  return chosen;
}

/** Spans that support a coding: the automatic coder's hits, else the coded span (marked only when it is part of the segment). */
function evidenceOf(c: EvidencedCoding, s: Segment): Evidence[] {
  if (c.hits && c.hits.length > 0) return c.hits.map((h) => ({ ...h, mark: true, kind: 'hit' }));
  const start = Math.max(c.start, s.start);
  const end = Math.min(c.end, s.end);
  if (c.start < 0 || end <= start) return [{ start: s.start, end: s.end, mark: false, kind: 'span' }];
  const whole = s.text.slice(0, start - s.start).trim() === '' && s.text.slice(end - s.start).trim() === '';
  return [{ start, end, mark: !whole, kind: 'span', ...(c.matches[0] ? { term: c.matches[0] } : {}) }];
}

function distinctTerms(evidence: readonly Evidence[]): number {
  return new Set(evidence.map((e) => e.term ?? '')).size;
}

/** The excerpt of a candidate: the whole segment when short enough, else the sentences around its densest evidence. */
function trim(text: string, cand: Candidate, minWords: number, maxWords: number): Excerpt {
  const seg = cand.segment;
  const sentences = splitSentences(text, seg.start, seg.end);
  if (sentences.length === 0) sentences.push({ start: seg.start, end: seg.end });
  const words = sentences.map((s) => countWords(text, s.start, s.end));
  const hits = sentences.map((s) => cand.evidence.filter((e) => e.mark && e.start < s.end && e.end > s.start).length);
  const first = sentences[0].start;
  const last = sentences[sentences.length - 1].end;
  let span: { start: number; end: number };
  if (words.reduce((a, b) => a + b, 0) <= maxWords) span = { start: first, end: last };
  else {
    let anchor = 0;
    for (let i = 1; i < hits.length; i++) if (hits[i] > hits[anchor]) anchor = i;
    if (words[anchor] > maxWords) span = wordWindow(text, sentences[anchor], cand.evidence, maxWords);
    else {
      let a = anchor;
      let b = anchor;
      let n = words[anchor];
      for (;;) {
        const options = [b + 1, a - 1].filter(
          (i) => i >= 0 && i < sentences.length && n + words[i] <= maxWords && (n < minWords || hits[i] > 0),
        );
        if (options.length === 0) break;
        const next = options.reduce((x, y) => (hits[y] > hits[x] ? y : x));
        n += words[next];
        if (next > b) b = next;
        else a = next;
      }
      span = { start: sentences[a].start, end: sentences[b].end };
    }
  }
  return excerpt(text, span, first, last, cand.evidence);
}

/** `maxWords` words of one over-long sentence, starting a little before its first match. */
function wordWindow(
  text: string,
  sentence: { start: number; end: number },
  evidence: Candidate['evidence'],
  maxWords: number,
): { start: number; end: number } {
  const tokens = [...text.slice(sentence.start, sentence.end).matchAll(WORD)].map((m) => ({
    start: sentence.start + m.index!,
    end: sentence.start + m.index! + m[0].length,
  }));
  const hit = evidence.find((e) => e.mark && e.start >= sentence.start && e.start < sentence.end);
  const at = hit
    ? Math.max(
        0,
        tokens.findIndex((t) => t.end > hit.start),
      )
    : 0;
  const from = Math.max(0, Math.min(at - Math.floor(maxWords / 3), tokens.length - maxWords));
  const to = Math.min(tokens.length, from + maxWords) - 1;
  return { start: from === 0 ? sentence.start : tokens[from].start, end: to + 1 < tokens.length ? tokens[to].end : sentence.end };
}

/** Build the quote text: whitespace collapsed, `…` at trimmed ends, marks moved into the new text. */
function excerpt(
  text: string,
  span: { start: number; end: number },
  first: number,
  last: number,
  evidence: Candidate['evidence'],
): Excerpt {
  const prefix = span.start > first ? `${ELLIPSIS} ` : '';
  let out = prefix;
  const position = new Int32Array(span.end - span.start + 1);
  let inSpace = false;
  for (let i = span.start; i < span.end; i++) {
    position[i - span.start] = out.length;
    const ch = text[i];
    if (/\s/.test(ch)) {
      if (!inSpace) out += ' ';
      inSpace = true;
    } else {
      out += ch;
      inSpace = false;
    }
  }
  position[span.end - span.start] = out.length;
  const inside = evidence.filter((e) => e.start < span.end && e.end > span.start);
  const marks: QuoteMark[] = [];
  const spans = inside
    .filter((x) => x.mark)
    .flatMap((e) => markedWords(text, e))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (const e of spans) {
    const start = position[Math.max(e.start, span.start) - span.start];
    const end = position[Math.min(e.end, span.end) - span.start];
    const prev = marks[marks.length - 1];
    if (prev && start <= prev.end) prev.end = Math.max(prev.end, end);
    else marks.push({ start, end });
  }
  if (span.end < last) out += ` ${ELLIPSIS}`;
  return {
    start: span.start,
    end: span.end,
    text: out,
    marks,
    terms: [...new Set(inside.flatMap((e) => (e.term ? [e.term] : [])))],
    words: countWords(text, span.start, span.end),
    hits: inside.filter((e) => e.mark).length,
  };
}

/**
 * A hit longer than a phrase — a `near` window, a wide regex — marks its first and last word
 * only, not the words between; a span a coder chose is marked whole.
 */
function markedWords(text: string, e: Evidence): QuoteMark[] {
  if (e.kind === 'span') return [{ start: e.start, end: e.end }];
  const words = [...text.slice(e.start, e.end).matchAll(WORD)];
  if (words.length <= MAX_MARKED_WORDS) return [{ start: e.start, end: e.end }];
  const first = words[0];
  const last = words[words.length - 1];
  return [
    { start: e.start + first.index!, end: e.start + first.index! + first[0].length },
    { start: e.start + last.index!, end: e.start + last.index! + last[0].length },
  ];
}

function countWords(text: string, from: number, to: number): number {
  let n = 0;
  for (const _ of text.slice(from, to).matchAll(WORD)) n++;
  return n;
}

/** Two excerpts are near-duplicates when most words of the shorter one occur in the other. */
function nearDuplicate(a: string, b: string): boolean {
  const wa = new Set(a.toLocaleLowerCase().match(WORD) ?? []);
  const wb = new Set(b.toLocaleLowerCase().match(WORD) ?? []);
  const smaller = wa.size <= wb.size ? wa : wb;
  const larger = smaller === wa ? wb : wa;
  if (smaller.size === 0) return larger.size === 0;
  let shared = 0;
  for (const w of smaller) if (larger.has(w)) shared++;
  return shared / smaller.size >= 0.7;
}

/**
 * The `(Name, Year)` citation of a speaker's words in a document: the year of its `date` (or
 * `year`) attribute, `n.d.` without one; the document id stands in for a missing speaker, and a
 * generic label (`Participant`) is cited with its document: `(Participant, teacher-01[, Year])`.
 * @example citationOf(doc, 'Informan 1') // { year: '2025', citation: '(Informan 1, 2025)' }
 */
export function citationOf(doc: Document, speaker: string | null): { year: string | null; citation: string } {
  const year = yearOf(doc.attributes.date) ?? yearOf(doc.attributes.year);
  const who = speaker === null ? null : speakerIdentities([doc])(doc.id, speaker);
  return { year, citation: citation(who, doc.id, year) };
}

/** The four-digit year of a date attribute (`2025-02-11`, `11/02/2025`, `2025`). */
function yearOf(value: AttributeValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  return /(?<!\d)(\d{4})(?!\d)/.exec(String(value))?.[1] ?? null;
}
