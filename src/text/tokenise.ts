/** A word of a text: `start`/`end` are UTF-16 offsets (end exclusive). */
export interface Token {
  start: number;
  end: number;
}

const UNKNOWN = 0;
const WORD = 1;
const OTHER = 2;
/** Lazily filled class of every BMP code unit: letters, marks and digits are word characters. */
const bmpClass = new Uint8Array(0x10000);
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;

function isWordUnit(c: number): boolean {
  let k = bmpClass[c];
  if (k === UNKNOWN) {
    k = WORD_CHAR.test(String.fromCharCode(c)) ? WORD : OTHER;
    bmpClass[c] = k;
  }
  return k === WORD;
}

/**
 * Split text into words (runs of letters, combining marks and digits), keeping offsets.
 * Hyphens and apostrophes separate words, so `teman-teman` gives two tokens.
 * Works on a slice `[from, to)` of `text` so segments need no copy.
 * @example tokenise('Ya, pacarnya!').map((t) => [t.start, t.end]) // [[0, 2], [4, 12]]
 */
export function tokenise(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  scanWords(text, from, to, (start, end) => void tokens.push({ start, end }));
  return tokens;
}

/**
 * The number of words `tokenise` finds in `[from, to)` of `text`, without building tokens.
 * @example countWords('Ya, pacarnya!') // 2
 */
export function countWords(text: string, from = 0, to = text.length): number {
  let n = 0;
  scanWords(text, from, to, () => void n++);
  return n;
}

function scanWords(text: string, from: number, to: number, word: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    let isWord: boolean;
    let width = 1;
    if (c < 0x80) {
      isWord = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const cp = text.codePointAt(i)!;
      isWord = WORD_CHAR.test(String.fromCodePoint(cp));
      width = cp > 0xffff ? 2 : 1;
    } else {
      isWord = isWordUnit(c);
    }
    if (isWord) {
      if (start === -1) start = i;
    } else if (start !== -1) {
      word(start, i);
      start = -1;
    }
    i += width - 1;
  }
  if (start !== -1) word(start, to);
}
