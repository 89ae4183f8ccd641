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
  // An open-addressing table keyed by the word's characters in the text, so that a word seen
  // before is found without cutting it out of the text (no string, no garbage per word).
  private keys: Array<string | undefined> = new Array<string | undefined>(1 << 12);
  private hashes = new Int32Array(1 << 12);
  private values: Array<readonly number[]> = new Array<readonly number[]>(1 << 12);
  private size = 0;
  private readonly allowed = new Map<string, readonly boolean[]>();
  private readonly maxPrefix: number;

  constructor(private readonly compiled: CompiledCodebook) {
    let max = 0;
    for (const p of compiled.prefixIndex.keys()) max = Math.max(max, p.length);
    this.maxPrefix = max;
  }

  /**
   * Matcher ids satisfied by the word `text[start, end)` (ascending); `h` is its hash as
   * `tokeniseInto` computes it.
   * @example cache.matchersAt('dirujuk ke psikolog', 11, 19, tokens.hashes[2]) // [3]
   */
  matchersAt(text: string, start: number, end: number, h: number): readonly number[] {
    const mask = this.keys.length - 1;
    const length = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const key = this.keys[slot];
      if (key === undefined) break;
      if (this.hashes[slot] === h && key.length === length && sameChars(key, text, start)) return this.values[slot];
    }
    const word = text.slice(start, end);
    const ids = this.compute(word);
    if (this.size >= MAX_CACHED_WORDS) this.resize(1 << 12, false);
    else if (2 * (this.size + 1) > this.keys.length) this.resize(this.keys.length * 2, true);
    this.insert(word, h, ids);
    return ids;
  }

  private insert(word: string, h: number, ids: readonly number[]): void {
    const mask = this.keys.length - 1;
    let slot = h & mask;
    while (this.keys[slot] !== undefined) slot = (slot + 1) & mask;
    this.keys[slot] = word;
    this.hashes[slot] = h;
    this.values[slot] = ids;
    this.size++;
  }

  /** A table of `capacity` slots, with the words of the old one when `keep`. */
  private resize(capacity: number, keep: boolean): void {
    const { keys, hashes, values } = this;
    this.keys = new Array<string | undefined>(capacity);
    this.hashes = new Int32Array(capacity);
    this.values = new Array<readonly number[]>(capacity);
    this.size = 0;
    if (keep) keys.forEach((k, i) => k !== undefined && this.insert(k, hashes[i], values[i]));
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

function sameChars(word: string, text: string, start: number): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
