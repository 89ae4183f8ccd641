import type { CompiledCodebook } from '../codebook/compile.js';
import { stem } from '../text/stem.js';

const NONE: readonly number[] = [];
/** Bounds the cache on archives with millions of distinct words (names, typos). */
const MAX_CACHED_WORDS = 1 << 20;

/**
 * For each distinct word of the text (as written), the word matchers of a compiled codebook it
 * satisfies: lower-casing, stemming in every language and prefix lookups happen once per word type.
 */
export class WordCache {
  private readonly cache = new Map<string, readonly number[]>();
  private readonly allowed = new Map<string, readonly boolean[]>();
  private readonly maxPrefix: number;

  constructor(private readonly compiled: CompiledCodebook) {
    let max = 0;
    for (const p of compiled.prefixIndex.keys()) max = Math.max(max, p.length);
    this.maxPrefix = max;
  }

  /** Matcher ids satisfied by `word` (ascending). */
  matchersOf(word: string): readonly number[] {
    let ids = this.cache.get(word);
    if (ids === undefined) {
      ids = this.compute(word);
      if (this.cache.size >= MAX_CACHED_WORDS) this.cache.clear();
      this.cache.set(word, ids);
    }
    return ids;
  }

  /** Which codes may code a segment of this speaker and role (computed once per pair). */
  allowedCodes(speaker: string | null, role: string | undefined, compute: () => boolean[]): readonly boolean[] {
    const key = `${speaker ?? ''}\u0000${role ?? ''}`;
    let allowed = this.allowed.get(key);
    if (allowed === undefined) {
      allowed = compute();
      this.allowed.set(key, allowed);
    }
    return allowed;
  }

  private compute(word: string): readonly number[] {
    const { exactIndex, stemIndex, prefixIndex, languages } = this.compiled;
    const lower = word.toLowerCase();
    const found: number[] = [];
    const exact = exactIndex.get(lower);
    if (exact !== undefined) found.push(exact);
    for (const language of languages) {
      const id = stemIndex.get(`${language}:${stem(lower, language)}`);
      if (id !== undefined) found.push(id);
    }
    const limit = Math.min(this.maxPrefix, lower.length);
    for (let n = 1; n <= limit; n++) {
      const id = prefixIndex.get(lower.slice(0, n));
      if (id !== undefined) found.push(id);
    }
    if (found.length === 0) return NONE;
    return [...new Set(found)].sort((a, b) => a - b);
  }
}
