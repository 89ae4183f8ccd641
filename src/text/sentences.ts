/** A span of text: UTF-16 offsets, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

// Abbreviations after which a period never ends a sentence (titles, "for example", Indonesian short forms).
const NEVER_END = new Set([
  'dr',
  'drs',
  'dra',
  'prof',
  'ir',
  'h',
  'hj',
  'kh',
  'bpk',
  'bp',
  'ibu',
  'sdr',
  'sdri',
  'yth',
  'mr',
  'mrs',
  'ms',
  'st',
  'jl',
  'no',
  'hlm',
  'mis',
  'misal',
  'spt',
  'tsb',
  'krn',
  'pd',
  'sbg',
  'dgn',
  'utk',
  'yg',
  'vs',
  'cf',
  'e.g',
  'i.e',
  'eg',
  'ie',
  'approx',
  'fig',
  'vol',
  'pp',
  'ca',
  'al',
  's.sos',
  's.psi',
  'm.si',
  'm.psi',
  'ph.d',
]);
// List closers (`dll.`, `dsb.`, `dst.`, `etc.`) are not listed: like any period they end the
// sentence only when a capitalised word follows.

const TERMINATOR = /[.!?…]+["'”’)\]]*/g;

/**
 * Split `text[from, to)` into sentences, knowing Indonesian and English abbreviations
 * (`dll.`, `dsb.`, `Dr.`, `e.g.`). Spans are trimmed of surrounding whitespace; blank lines
 * always end a sentence.
 * @example splitSentences('Ada genogram, ecomap, dll. Lalu kami rencanakan.').length // 2
 */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  let start = from;
  const push = (end: number) => {
    const s = trimSpan(text, start, end);
    if (s.end > s.start) spans.push(s);
  };
  const slice = text.slice(from, to);
  const breaks: number[] = [];
  for (const m of slice.matchAll(TERMINATOR)) {
    const at = from + m.index! + m[0].length;
    if (isBoundary(text, from + m.index!, at, to)) breaks.push(at);
  }
  for (const m of slice.matchAll(/\n[ \t\u00a0]*\n/g)) breaks.push(from + m.index!);
  breaks.sort((a, b) => a - b);
  for (const b of breaks) {
    if (b <= start) continue;
    push(b);
    start = b;
  }
  push(to);
  return spans;
}

function isBoundary(text: string, dotAt: number, after: number, to: number): boolean {
  if (after >= to) return false;
  const next = text.charCodeAt(after);
  if (!isSpace(next)) return false;
  let j = after;
  while (j < to && isSpace(text.charCodeAt(j))) j++;
  if (j >= to) return false;
  const nextChar = text[j];
  const followerStartsSentence = /[\p{Lu}\p{N}"'“‘(\[]/u.test(nextChar);
  if (text[dotAt] !== '.') return followerStartsSentence || /\p{Ll}/u.test(nextChar);
  const word = wordBefore(text, dotAt).toLowerCase();
  if (word.length === 0) return followerStartsSentence;
  if (NEVER_END.has(word)) return false;
  if (/^\p{L}$/u.test(word)) return false; // an initial: "A. Rahman"
  return followerStartsSentence;
}

function wordBefore(text: string, dotAt: number): string {
  let i = dotAt;
  while (i > 0 && /[\p{L}\p{N}.]/u.test(text[i - 1])) i--;
  return text.slice(i, dotAt);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 0xa0 || c === 13 || c === 0x2009 || c === 0x202f;
}

/** The span `[start, end)` of `text` without leading and trailing whitespace. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}
