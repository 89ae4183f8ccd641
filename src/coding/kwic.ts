import { parseTerm } from '../codebook/parse-term.js';
import { emptyRules, type Codebook } from '../model/codebook.js';
import type { Hit } from '../model/coding.js';
import type { KwicLine } from '../model/kwic.js';
import type { Document } from '../model/document.js';
import { UNITS, type Segment, type Unit } from '../model/segment.js';
import { tokenise } from '../text/tokenise.js';
import { createCoder, type Coder } from './code-corpus.js';
import { checkChoice, checkInteger } from '../util/options.js';

export type { KwicLine };

/** What to look for: a term written as in a codebook (`pacar`, `=CBT`, `trauma*`, a phrase), or a code's rules (with its descendants). */
export type KwicQuery = { term: string; language?: string } | { code: string; codebook: Codebook };

/** Options of `kwic`. */
export interface KwicOptions {
  /** Words of context on each side (default 8). */
  window?: number;
  /** Segment unit; context never crosses a segment (default `turn`). */
  unit?: Unit;
}

/**
 * Keyword in context: every match of a term (stemmed in each document's language, like a
 * codebook term) or of a code's rules, with `window` words on each side, in corpus order.
 * @example kwic(corpus.documents, { term: 'pacar' }, { window: 8 })[0].keyword // 'pacarnya'
 */
export function kwic(documents: readonly Document[], query: KwicQuery, options: KwicOptions = {}): KwicLine[] {
  checkInteger('kwic', 'window', options.window, { min: 0 });
  checkChoice('kwic', 'unit', options.unit, UNITS);
  const window = options.window ?? 8;
  const unit = options.unit ?? 'turn';
  const coders = new Map<string, Coder>();
  const coderFor = (doc: Document): Coder => {
    const language = 'term' in query ? (doc.language ?? query.language ?? 'id') : '';
    let coder = coders.get(language);
    if (!coder) {
      coder = createCoder('term' in query ? termCodebook(query.term, language) : query.codebook);
      coders.set(language, coder);
    }
    return coder;
  };
  const wanted = (code: string) => 'term' in query || code === query.code || code.startsWith(`${query.code}/`);
  const lines: KwicLine[] = [];
  for (const doc of documents) {
    const coded = coderFor(doc).codeDocument(doc, { unit });
    const byIndex = new Map(coded.segments.map((s) => [s.index, s]));
    const seen = new Set<string>();
    const found: Array<{ segment: Segment; hit: Hit }> = [];
    for (const c of coded.codings) {
      if (!wanted(c.code)) continue;
      for (const hit of c.hits) {
        const key = `${hit.start}:${hit.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        found.push({ segment: byIndex.get(c.segment)!, hit });
      }
    }
    found.sort((a, b) => a.hit.start - b.hit.start || a.hit.end - b.hit.end);
    for (const { segment, hit } of found) lines.push(line(doc.text, segment, hit, window));
  }
  return lines;
}

/** A codebook of one code whose only rule is the term, stemmed in `language`. */
function termCodebook(raw: string, language: string): Codebook {
  const term = parseTerm(raw, language);
  const rules = emptyRules();
  if (term) rules.terms.push(term);
  return { language, codes: [{ id: 'term', parent: null, labels: {}, examples: [], rules }] };
}

function line(text: string, segment: Segment, hit: Hit, window: number): KwicLine {
  const tokens = tokenise(text, segment.start, segment.end);
  const before = tokens.filter((t) => t.end <= hit.start);
  const after = tokens.filter((t) => t.start >= hit.end);
  const leftFrom = window === 0 ? hit.start : before.length > window ? before[before.length - window].start : segment.start;
  const rightTo = window === 0 ? hit.end : after.length > window ? after[window - 1].end : segment.end;
  return {
    document: segment.document,
    segment: segment.index,
    speaker: segment.speaker,
    timestamp: segment.timestamp ?? null,
    left: flat(text.slice(leftFrom, hit.start)),
    keyword: flat(text.slice(hit.start, hit.end)),
    right: flat(text.slice(hit.end, rightTo)),
    term: hit.term,
    start: hit.start,
    end: hit.end,
  };
}

function flat(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
