/** A word of a text: `start`/`end` are UTF-16 offsets (end exclusive). */
export interface Token {
  start: number;
  end: number;
}

const UNKNOWN = 0;
const WORD = 1;
const OTHER = 2;
/** A high surrogate: the class is that of the code point it starts. */
const HIGH_SURROGATE = 3;
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
/** Class of every BMP code unit, filled lazily: letters, marks and digits are word characters. */
const bmpClass = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) bmpClass[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? WORD : OTHER;
bmpClass.fill(HIGH_SURROGATE, 0xd800, 0xdc00);

function classify(c: number): number {
  const k = WORD_CHAR.test(String.fromCharCode(c)) ? WORD : OTHER;
  bmpClass[c] = k;
  return k;
}

/**
 * Split text into words (runs of letters, combining marks and digits), keeping offsets.
 * Hyphens and apostrophes separate words, so `teman-teman` gives two tokens.
 * Works on a slice `[from, to)` of `text` so segments need no copy.
 * @example tokenise('Ya, pacarnya!').map((t) => [t.start, t.end]) // [[0, 2], [4, 12]]
 */
export function tokenise(text: string, from = 0, to = text.length): Token[] {
  tokeniseInto(text, from, to, scratch);
  return Array.from({ length: scratch.length }, (_, i) => ({ start: scratch.starts[i], end: scratch.ends[i] }));
}

/**
 * The number of words `tokenise` finds in `[from, to)` of `text`, without building tokens.
 * @example countWords('Ya, pacarnya!') // 2
 */
export function countWords(text: string, from = 0, to = text.length): number {
  tokeniseInto(text, from, to, scratch);
  return scratch.length;
}

/**
 * Token offsets in reusable typed arrays, for tokenising millions of words without an object
 * each; with each word's FNV-1a hash of its UTF-16 code units, for lookups without a string.
 */
export class TokenBuffer {
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  hashes = new Int32Array(256);
  length = 0;

  /** Make room for more tokens. */
  grow(): this {
    const bigger = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.starts = bigger(this.starts);
    this.ends = bigger(this.ends);
    this.hashes = bigger(this.hashes);
    return this;
  }
}

/** The FNV-1a offset basis and prime of `TokenBuffer` hashes. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

const scratch = new TokenBuffer();

/**
 * `tokenise` into a reused buffer (emptied first): the same tokens, and their hashes, in one
 * pass and without objects.
 * @example const b = new TokenBuffer(); tokeniseInto('Ya, pacarnya!', 0, 13, b); [b.length, b.starts[1]] // [2, 4]
 */
export function tokeniseInto(text: string, from: number, to: number, buffer: TokenBuffer): void {
  let { starts, ends, hashes } = buffer;
  let n = 0;
  let start = -1;
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    let k = bmpClass[c];
    let second = -1;
    if (k === UNKNOWN) k = classify(c);
    else if (k === HIGH_SURROGATE) {
      // A lone surrogate at the end is no word character.
      const cp = i + 1 < to ? text.codePointAt(i)! : c;
      k = WORD_CHAR.test(String.fromCodePoint(cp)) ? WORD : OTHER;
      if (cp > 0xffff) second = text.charCodeAt(i + 1);
    }
    if (k === WORD) {
      if (start === -1) {
        start = i;
        h = FNV_OFFSET;
      }
      h = Math.imul(h ^ c, FNV_PRIME);
      if (second !== -1) h = Math.imul(h ^ second, FNV_PRIME);
    } else if (start !== -1) {
      if (n === starts.length) ({ starts, ends, hashes } = buffer.grow());
      starts[n] = start;
      ends[n] = i;
      hashes[n++] = h;
      start = -1;
    }
    if (second !== -1) i++;
  }
  if (start !== -1) {
    if (n === starts.length) ({ starts, ends, hashes } = buffer.grow());
    starts[n] = start;
    ends[n] = to;
    hashes[n++] = h;
  }
  buffer.length = n;
}
