// Word edges of a text, for snapping selections and moving by word (UTF-16 offsets).

const WORD_CHAR = /[\p{L}\p{M}\p{N}'’_-]/u;

function isWordChar(text: string, i: number): boolean {
  return i >= 0 && i < text.length && WORD_CHAR.test(text[i]);
}

/**
 * Widen a span to whole words and trim surrounding spaces and punctuation: one-character slips
 * of the mouse never cut a word. Returns null when nothing but spaces was selected.
 * @example snapToWords('the cat sat', 5, 9) // { start: 4, end: 11 }
 */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (s >= e) return null;
  while (s > 0 && isWordChar(text, s - 1) && isWordChar(text, s)) s--;
  while (e < text.length && isWordChar(text, e) && isWordChar(text, e - 1)) e++;
  return { start: s, end: e };
}

/** The start of the next word after `from` (or the end of the text). */
export function nextWordStart(text: string, from: number, limit = text.length): number {
  let i = from;
  while (i < limit && isWordChar(text, i)) i++;
  while (i < limit && !isWordChar(text, i)) i++;
  return i;
}

/** The end of the word at or after `from` (for extending a selection forwards). */
export function nextWordEnd(text: string, from: number, limit = text.length): number {
  let i = from;
  while (i < limit && !isWordChar(text, i)) i++;
  while (i < limit && isWordChar(text, i)) i++;
  return i;
}

/** The start of the word before `from`. */
export function previousWordStart(text: string, from: number, limit = 0): number {
  let i = from;
  while (i > limit && !isWordChar(text, i - 1)) i--;
  while (i > limit && isWordChar(text, i - 1)) i--;
  return i;
}
