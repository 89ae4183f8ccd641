import type { CompiledCodebook } from '../codebook/compile.js';
import { RegexWorkLimitError, type LinearRegex } from '../codebook/linear-regex.js';
import { passes } from '../model/codebook.js';
import { message, QdaError } from '../model/message.js';
import type { AutoCoding, Hit } from '../model/coding.js';
import type { Segment } from '../model/segment.js';
import { countWords, TokenBuffer, tokeniseInto } from '../text/tokenise.js';
import type { WordCache } from './word-cache.js';

export type { AutoCoding, Hit };

interface CodeEvidence {
  hits: Hit[];
  vetoed: boolean;
  /** Per near rule, per term: token positions (start, end) of its occurrences. */
  near?: Array<Array<Array<[number, number]>>>;
}

// Reused from segment to segment: the tokens of the segment being coded and their matchers.
const tokens = new TokenBuffer();
const words: Array<readonly number[]> = [];

/**
 * Code one segment of `text` (the whole document text) with a compiled codebook: one pass
 * over its words for every term of every code, then near rules, regexes, vetoes and filters.
 * @example codeSegment(compiled, cache, doc.text, segment)
 */
export function codeSegment(compiled: CompiledCodebook, cache: WordCache, text: string, segment: Segment): AutoCoding[] {
  return codeAndCountSegment(compiled, cache, text, segment).codings;
}

/**
 * `codeSegment`, also giving the segment's number of words (tokens), which counting needs for
 * every segment, coded or not.
 * @example codeAndCountSegment(compiled, cache, doc.text, segment).words // 42
 */
export function codeAndCountSegment(
  compiled: CompiledCodebook,
  cache: WordCache,
  text: string,
  segment: Segment,
): { codings: AutoCoding[]; words: number } {
  const allowed = cache.allowedCodes(segment.speaker, segment.role, () =>
    compiled.codes.map((c) => c.hasRules && passes(c.speakerFilter, segment.speaker) && passes(c.roleFilter, segment.role)),
  );
  if (!allowed.includes(true)) return { codings: [], words: countWords(text, segment.start, segment.end) };
  tokeniseInto(text, segment.start, segment.end, tokens);
  const { starts, ends, hashes, length } = tokens;
  for (let i = 0; i < length; i++) words[i] = cache.matchersAt(text, starts[i], ends[i], hashes[i]);
  const evidence = new Map<number, CodeEvidence>();
  const evidenceOf = (code: number): CodeEvidence => {
    let e = evidence.get(code);
    if (!e) {
      e = { hits: [], vetoed: false };
      evidence.set(code, e);
    }
    return e;
  };

  for (let i = 0; i < length; i++) {
    const matchers = words[i];
    for (let m = 0; m < matchers.length; m++) {
      const first = matchers[m];
      for (const p of compiled.byFirstWord[first]) {
        const pattern = compiled.patterns[p];
        const last = i + pattern.words.length - 1;
        if (last >= length || !continues(pattern.words, words, i)) continue;
        const start = starts[i];
        const end = ends[last];
        for (const role of pattern.roles) {
          if (!allowed[role.code]) continue;
          const e = evidenceOf(role.code);
          if (role.kind === 'term') e.hits.push({ start, end, term: pattern.label });
          else if (role.kind === 'not') e.vetoed = true;
          else {
            e.near ??= compiled.codes[role.code].nearSizes.map((n) => Array.from({ length: n }, () => []));
            e.near[role.rule][role.term].push([i, last]);
          }
        }
      }
    }
  }

  let body: string | undefined;
  let present: Uint8Array | undefined;
  compiled.codes.forEach((c, code) => {
    if (!allowed[code] || c.regexes.length === 0) return;
    body ??= text.slice(segment.start, segment.end);
    for (const { re, literals } of c.regexes) {
      if (literals) {
        // A regex runs only where a literal it needs occurs. Under its case-insensitive Unicode
        // matching "s" also matches "ſ" (long s), hence the replacement.
        present ??= compiled.regexLiterals.find(body.toLowerCase().replace(/ſ/g, 's'));
        if (!literals.some((id) => present![id] === 1)) continue;
      }
      for (const [start, end] of regexMatches(re, body, segment, c.code.id)) {
        evidenceOf(code).hits.push({ start: segment.start + start, end: segment.start + end, term: `/${re.source}/` });
      }
    }
  });

  const codings: AutoCoding[] = [];
  for (const [code, e] of [...evidence].sort((a, b) => a[0] - b[0])) {
    if (e.vetoed) continue;
    const c = compiled.codes[code];
    e.near?.forEach((occurrences, rule) => {
      const window = nearWindow(occurrences, c.nearWithin[rule]);
      if (window) e.hits.push({ start: starts[window[0]], end: ends[window[1]], term: c.nearLabels[rule] });
    });
    if (e.hits.length === 0) continue;
    e.hits.sort((a, b) => a.start - b.start || a.end - b.end);
    const matches = [...new Set(e.hits.map((h) => h.term))];
    codings.push({
      document: segment.document,
      segment: segment.index,
      code: c.code.id,
      start: e.hits[0].start,
      end: Math.max(...e.hits.map((h) => h.end)),
      coder: 'auto',
      source: 'auto',
      matches,
      hits: e.hits,
    });
  }
  return { codings, words: length };
}

/** A regex's matches in a segment; a pathological lookahead becomes a message naming the rule. */
function regexMatches(re: LinearRegex, body: string, segment: Segment, code: string): Array<[number, number]> {
  try {
    return re.matches(body);
  } catch (e) {
    if (!(e instanceof RegexWorkLimitError)) throw e;
    const reason = `code "${code}": ${e.message} (segment ${segment.index})`;
    throw new QdaError([message(reason, { file: segment.document, ruleId: 'regex-work-limit', source: 'code', fatal: true })]);
  }
}

function continues(pattern: readonly number[], words: ReadonlyArray<readonly number[]>, at: number): boolean {
  for (let k = 1; k < pattern.length; k++) if (!words[at + k].includes(pattern[k])) return false;
  return true;
}

/**
 * The first token window in which every term of a near rule occurs, with at most `within`
 * words between the first and the last; null when there is none.
 */
export function nearWindow(occurrences: Array<Array<[number, number]>>, within: number): [number, number] | null {
  if (occurrences.some((o) => o.length === 0)) return null;
  const events = occurrences.flatMap((list, term) => list.map(([s, e]) => ({ s, e, term }))).sort((a, b) => a.s - b.s);
  const counts = new Array<number>(occurrences.length).fill(0);
  let covered = 0;
  let left = 0;
  for (let right = 0; right < events.length; right++) {
    if (counts[events[right].term]++ === 0) covered++;
    while (events[right].s - events[left].s > within) {
      if (--counts[events[left].term] === 0) covered--;
      left++;
    }
    if (covered === occurrences.length) {
      let end = 0;
      for (let k = left; k <= right; k++) end = Math.max(end, events[k].e);
      return [events[left].s, end];
    }
  }
  return null;
}
