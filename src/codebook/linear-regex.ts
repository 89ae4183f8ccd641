import { RE2JS } from 're2js';

/**
 * A codebook regex compiled for a linear-time engine (RE2): no pattern, however written, can
 * make matching take more than time proportional to the text, unlike JavaScript's backtracking
 * `RegExp`, where `(a+)+$` takes minutes on a short line.
 *
 * Patterns are written in JavaScript syntax with the flags `iu`, and match what JavaScript
 * matches: `\s`, `\S` and `.` are translated to JavaScript's (Unicode) sets; `ſ` (long s) and
 * `K` (Kelvin sign), which JavaScript's `iu` counts as word characters, are matched as `s` and
 * `K` (the same length, so offsets do not move). Lookbehinds run in RE2's linear-time
 * lookbehind mode. RE2 has no lookaheads: a lookahead becomes an empty marker group, and a
 * match whose marker position fails the lookahead is dropped and the search goes on from the
 * next character. JavaScript would first try other paths from the same start; the two differ
 * only when one start can match along several paths that end the lookahead's prefix at
 * different places (e.g. `\s+(?!x)` on two spaces). Backreferences cannot run in linear time
 * and are refused.
 */
export interface LinearRegex {
  /** The pattern as written. */
  readonly source: string;
  /**
   * Every non-empty, non-overlapping match in `text` as `[start, end)` UTF-16 offsets, from
   * left to right, as a global JavaScript `exec` loop finds them.
   */
  matches(text: string): Array<[number, number]>;
}

/** A pattern that this engine cannot run, with the reason. */
export class UnsupportedRegexError extends Error {
  constructor(
    readonly pattern: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'UnsupportedRegexError';
  }
}

/**
 * Thrown when dropped lookahead candidates on one text cost more than `LOOKAHEAD_WORK_PER_CHAR`
 * characters of re-scanning per character of text (a pathological lookahead pattern).
 */
export class RegexWorkLimitError extends Error {
  constructor(
    readonly pattern: string,
    readonly limit: number,
  ) {
    super(`the regex /${pattern}/ rejected lookahead candidates over more than ${limit} characters of this text; simplify its lookahead`);
    this.name = 'RegexWorkLimitError';
  }
}

/** Characters of re-scanning allowed per character of text for dropped lookahead candidates. */
export const LOOKAHEAD_WORK_PER_CHAR = 64;

/** JavaScript's `\s`: WhiteSpace and LineTerminator code points. */
const JS_SPACE = '\\t\\n\\x{0B}\\f\\r\\x{FEFF}\\x{2028}\\x{2029}\\p{Zs}';
/** JavaScript's `\w` (long s and the Kelvin sign are replaced in the text before matching). */
const JS_WORD = '0-9A-Za-z_';
/** JavaScript's `.` without the `s` flag. */
const JS_DOT = '[^\\n\\r\\x{2028}\\x{2029}]';

interface Lookahead {
  /** Capture group number of the marker in the translated pattern. */
  group: number;
  negative: boolean;
  /** The lookahead's body, anchored; `withContext` has one character before it for `\b`. */
  atStart: RE2JS;
  withContext: RE2JS;
}

interface Translation {
  source: string;
  lookaheads: Array<{ group: number; negative: boolean; body: string }>;
  hasLookbehind: boolean;
  nestedQuantifier: boolean;
}

/**
 * Compile a codebook regex (JavaScript syntax, case-insensitive) for linear-time matching.
 * Throws `UnsupportedRegexError` with a readable reason when it is invalid or cannot run here.
 * @example compileLinearRegex('\\btakut\\b').matches('Saya takut.') // [[5, 10]]
 */
export function compileLinearRegex(pattern: string): LinearRegex {
  const t = translate(pattern, true);
  const main = compileRe2(pattern, t.source, t.hasLookbehind);
  const lookaheads: Lookahead[] = t.lookaheads.map((l) => {
    const body = translate(l.body, false);
    return {
      group: l.group,
      negative: l.negative,
      atStart: compileRe2(pattern, `(?:${body.source})`, body.hasLookbehind),
      withContext: compileRe2(pattern, `(?s:.)(?:${body.source})`, body.hasLookbehind),
    };
  });
  return { source: pattern, matches: (text) => findAll(pattern, main, lookaheads, text) };
}

/**
 * Whether a pattern repeats, without bound, a group that itself contains an unbounded
 * repetition — `(a+)+`, `(\w+\s?)*` — the shape that makes backtracking engines (other QDA
 * tools, spreadsheets, JavaScript) take exponential time. Null when the pattern cannot be read.
 * @example hasNestedQuantifier('^(\\w+\\s?)*$') // true
 */
export function hasNestedQuantifier(pattern: string): boolean | null {
  try {
    return translate(pattern, true).nestedQuantifier;
  } catch {
    return null;
  }
}

function compileRe2(pattern: string, source: string, lookbehind: boolean): RE2JS {
  try {
    return RE2JS.compile(source, RE2JS.CASE_INSENSITIVE | (lookbehind ? RE2JS.LOOKBEHINDS : 0));
  } catch (e) {
    throw new UnsupportedRegexError(pattern, (e as Error).message.replace(/^error parsing regexp: /, ''));
  }
}

function findAll(pattern: string, main: RE2JS, lookaheads: readonly Lookahead[], text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  text = asciiFolded(text);
  // The boolean test runs on RE2's lazy DFA, much faster than finding positions: most texts have no match.
  if (!main.test(text)) return out;
  const matcher = main.matcher(text);
  const limit = LOOKAHEAD_WORK_PER_CHAR * (text.length + 1);
  let work = 0;
  let from = 0;
  while (from <= text.length && matcher.find(from)) {
    const start = matcher.start();
    const end = matcher.end();
    if (!lookaheads.every((l) => holds(l, matcher.start(l.group), text))) {
      work += end - start + 1;
      if (work > limit) throw new RegexWorkLimitError(pattern, limit);
      from = start + charLength(text, start);
      continue;
    }
    if (end > start) out.push([start, end]);
    from = end > start ? end : start + charLength(text, start);
  }
  return out;
}

/** Whether a lookahead holds at `at` (-1: its marker took no part in the match). */
function holds(l: Lookahead, at: number, text: string): boolean {
  if (at < 0) return true;
  const found = at === 0 ? l.atStart.matcher(text).lookingAt() : l.withContext.matcher(text.slice(at - 1)).lookingAt();
  return found !== l.negative;
}

/**
 * `ſ` → `s` and Kelvin `K` → `K`: under case-insensitive matching they are the same letters,
 * and this makes RE2's ASCII `\b` and `\w` agree with JavaScript's `iu` ones.
 */
function asciiFolded(text: string): string {
  return /[ſ\u212A]/.test(text) ? text.replace(/ſ/g, 's').replace(/\u212A/g, 'K') : text;
}

function charLength(text: string, at: number): number {
  const c = text.codePointAt(at);
  return c !== undefined && c > 0xffff ? 2 : 1;
}

interface Group {
  /** Unbounded repetition somewhere inside. */
  unbounded: boolean;
  lookahead: boolean;
}

/**
 * Translate JavaScript regex syntax to RE2 syntax, collecting lookaheads (replaced by empty
 * marker groups) when `top`; a lookahead's own body may not contain one.
 */
function translate(pattern: string, top: boolean): Translation {
  const fail = (reason: string): never => {
    throw new UnsupportedRegexError(pattern, reason);
  };
  let out = '';
  let captures = 0;
  let hasLookbehind = false;
  let nestedQuantifier = false;
  const lookaheads: Translation['lookaheads'] = [];
  const stack: Group[] = [{ unbounded: false, lookahead: false }];
  let i = 0;

  const quantifierAt = (at: number): { text: string; unbounded: boolean } | null => {
    const c = pattern[at];
    if (c === '*' || c === '+') return { text: c, unbounded: true };
    if (c === '?') return { text: c, unbounded: false };
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(at));
      if (m) return { text: m[0], unbounded: m[2] !== undefined && m[3] === '' };
    }
    return null;
  };

  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\') {
      const [text, length] = escape(pattern, i, false, fail);
      out += text;
      i += length;
    } else if (c === '[') {
      const [text, length] = characterClass(pattern, i, fail);
      out += text;
      i += length;
    } else if (c === '.') {
      out += JS_DOT;
      i++;
    } else if (c === '(') {
      const rest = pattern.slice(i);
      if (rest.startsWith('(?=') || rest.startsWith('(?!')) {
        if (!top) fail('a lookahead inside a lookahead is not supported');
        const close = closingParen(pattern, i, fail);
        captures++;
        lookaheads.push({ group: captures, negative: rest[2] === '!', body: pattern.slice(i + 3, close) });
        for (const g of stack) g.lookahead = true;
        out += '()';
        i = close + 1;
        if (quantifierAt(i)) fail('a lookahead cannot be repeated');
        continue;
      }
      if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) {
        hasLookbehind = true;
        out += rest.slice(0, 4);
        i += 4;
      } else if (rest.startsWith('(?<')) {
        captures++;
        out += '(?P<';
        i += 3;
      } else if (rest.startsWith('(?:')) {
        out += '(?:';
        i += 3;
      } else if (rest.startsWith('(?')) {
        fail(`the group syntax ${rest.slice(0, 3)} is not supported`);
      } else {
        captures++;
        out += '(';
        i++;
      }
      stack.push({ unbounded: false, lookahead: false });
      continue;
    } else if (c === ')') {
      if (stack.length === 1) fail('unmatched )');
      const group = stack.pop()!;
      out += ')';
      i++;
      const q = quantifierAt(i);
      if (q && group.lookahead && q.text !== '?') fail('a lookahead inside a repeated group is not supported');
      if (q?.unbounded && group.unbounded) nestedQuantifier = true;
      if (group.unbounded || q?.unbounded) stack[stack.length - 1].unbounded = true;
      continue;
    } else {
      const q = quantifierAt(i);
      if (q) {
        out += q.text;
        i += q.text.length;
        if (pattern[i] === '?') {
          out += '?';
          i++;
        }
        if (q.unbounded) stack[stack.length - 1].unbounded = true;
        continue;
      }
      out += c;
      i++;
    }
  }
  if (stack.length > 1) fail('missing )');
  return { source: out, lookaheads, hasLookbehind, nestedQuantifier };
}

/** The index of the `)` that closes the group opened at `open`. */
function closingParen(pattern: string, open: number, fail: (reason: string) => never): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '[') i += characterClass(pattern, i, fail)[1] - 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return fail('missing )');
}

/** A bracketed class from `at`, translated, and its length in the pattern. */
function characterClass(pattern: string, at: number, fail: (reason: string) => never): [string, number] {
  let i = at + 1;
  const negated = pattern[i] === '^';
  if (negated) i++;
  if (pattern[i] === ']') {
    // JavaScript: `[]` matches nothing, `[^]` any character.
    return [negated ? '[\\x{0}-\\x{10FFFF}]' : '[^\\x{0}-\\x{10FFFF}]', i + 1 - at];
  }
  let body = '';
  /** `\S` and `\W` in a class: RE2 cannot put a negated set inside brackets, so they become alternatives. */
  const complements: string[] = [];
  while (i < pattern.length && pattern[i] !== ']') {
    const shorthand = pattern[i] === '\\' ? pattern[i + 1] : undefined;
    if (shorthand === 'S' || shorthand === 'W') {
      if (negated) fail(`\\${shorthand} inside [^...] is not supported; write the class without it`);
      complements.push(`[^${shorthand === 'S' ? JS_SPACE : JS_WORD}]`);
      i += 2;
    } else if (pattern[i] === '\\') {
      const [text, length] = escape(pattern, i, true, fail);
      body += text;
      i += length;
    } else if (pattern[i] === '[') {
      body += '\\[';
      i++;
    } else {
      body += pattern[i];
      i++;
    }
  }
  if (i >= pattern.length) fail('missing ]');
  const own = `[${negated ? '^' : ''}${body}]`;
  if (complements.length === 0) return [own, i + 1 - at];
  return [`(?:${[...(body === '' ? [] : [own]), ...complements].join('|')})`, i + 1 - at];
}

/** An escape sequence from `at`, translated, and its length in the pattern. */
function escape(pattern: string, at: number, inClass: boolean, fail: (reason: string) => never): [string, number] {
  const c = pattern[at + 1];
  if (c === undefined) return fail('\\ at end of pattern');
  if (/[1-9]/.test(c) || (c === 'k' && pattern[at + 2] === '<')) {
    return fail('backreferences (\\1, \\k<name>) need a backtracking engine and are not supported');
  }
  const setOrNegation = (set: string, negate: boolean, name: string): [string, number] => {
    if (!inClass) return [`[${negate ? '^' : ''}${set}]`, 2];
    if (negate) return fail(`\\${name} inside [...] is not supported`);
    return [set, 2];
  };
  switch (c) {
    case 's':
      return setOrNegation(JS_SPACE, false, 's');
    case 'S':
      return setOrNegation(JS_SPACE, true, 'S');
    case 'w':
      return setOrNegation(JS_WORD, false, 'w');
    case 'W':
      return setOrNegation(JS_WORD, true, 'W');
    case 'b':
      return inClass ? ['\\x{8}', 2] : ['\\b', 2];
    case '0':
      return ['\\x{0}', 2];
    case '/':
      return ['/', 2];
    case 'c': {
      const letter = pattern[at + 2];
      if (letter === undefined || !/[A-Za-z]/.test(letter)) return fail('\\c needs a letter');
      return [`\\x{${(letter.charCodeAt(0) % 32).toString(16)}}`, 3];
    }
    case 'u': {
      const braced = /^\\u\{([0-9A-Fa-f]{1,6})\}/.exec(pattern.slice(at));
      if (braced) return [`\\x{${braced[1]}}`, braced[0].length];
      const four = /^\\u([0-9A-Fa-f]{4})/.exec(pattern.slice(at));
      if (four) return [`\\x{${four[1]}}`, 6];
      return fail('\\u needs four hex digits or {hex}');
    }
    case 'p':
    case 'P': {
      const m = /^\\[pP]\{(?:(?:Script|sc|Script_Extensions|scx)=)?([A-Za-z_]+)\}/.exec(pattern.slice(at));
      if (!m) return fail(`\\${c} needs a property name in braces`);
      return [`\\${c}{${m[1]}}`, m[0].length];
    }
    default:
      return [`\\${c}`, 2];
  }
}
