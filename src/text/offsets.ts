/**
 * Converts UTF-16 offsets of one text into Unicode code-point offsets and back, in O(log n)
 * per lookup after one O(n) pass. Texts without astral characters convert for free.
 * @example new OffsetMap('😀a').toCodePoint(2) // 1
 */
export class OffsetMap {
  /** UTF-16 offsets of the low surrogates of astral characters, ascending. */
  private readonly lowSurrogates: number[] = [];

  constructor(text: string) {
    for (let i = 0; i + 1 < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) this.lowSurrogates.push(++i);
      }
    }
  }

  /** Code-point offset of a UTF-16 offset. */
  toCodePoint(utf16: number): number {
    if (this.lowSurrogates.length === 0) return utf16;
    return utf16 - countLess(this.lowSurrogates, utf16);
  }

  /** UTF-16 offset of a code-point offset. */
  toUtf16(codePoint: number): number {
    if (this.lowSurrogates.length === 0) return codePoint;
    // The k-th astral character (0-based) starts at code point lowSurrogates[k] - 1 - k.
    let lo = 0;
    let hi = this.lowSurrogates.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.lowSurrogates[mid] - 1 - mid < codePoint) lo = mid + 1;
      else hi = mid;
    }
    return codePoint + lo;
  }
}

/**
 * How many numbers of an ascending array are below `limit` (binary search).
 * @example countLess([1, 3, 5], 4) // 2
 */
export function countLess(sorted: readonly number[], limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of code points in a string. */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
