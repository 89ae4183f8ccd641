/**
 * Literal texts of which every match of a regex contains at least one, lower-cased; null when
 * no such set is known. The coder runs a regex only on segments that contain one of them
 * (a plain substring search), which skips most of the work of an escape-hatch rule without
 * changing what it matches. Only ASCII letters, digits and simple punctuation count as literal;
 * anything unusual in the pattern makes the answer null, never wrong.
 * @example requiredLiterals('\\b(?:tidak|nggak)\\s+berdaya\\b') // ['berdaya']
 */
export function requiredLiterals(source: string): string[] | null {
  try {
    const parser = new Parser(source);
    const req = parser.alternation();
    if (parser.pos !== source.length) return null;
    return req && req.every((l) => l.length >= MIN_LENGTH) ? [...new Set(req)] : null;
  } catch {
    return null;
  }
}

/** Literals shorter than this occur in nearly every segment: no use as a filter. */
const MIN_LENGTH = 3;
const LITERAL_CHAR = /^[A-Za-z0-9 '’,;:!"%&@#=~`_<>-]$/;

type Req = string[] | null;

interface Element {
  req: Req;
  /** A single unquantified literal character, which merges with its neighbours into a word. */
  char?: string;
}

class Parser {
  pos = 0;
  constructor(private readonly s: string) {}

  alternation(): Req {
    const branches: Req[] = [this.sequence()];
    while (this.s[this.pos] === '|') {
      this.pos++;
      branches.push(this.sequence());
    }
    if (branches.some((b) => b === null)) return null;
    return branches.flat() as string[];
  }

  private sequence(): Req {
    const elements: Element[] = [];
    while (this.pos < this.s.length && this.s[this.pos] !== '|' && this.s[this.pos] !== ')') {
      const atom = this.atom();
      const min = this.quantifier();
      if (min === null) elements.push(atom);
      else elements.push({ req: min === 0 ? null : atom.char !== undefined ? [atom.char] : atom.req });
    }
    return best(mergeRuns(elements));
  }

  private atom(): Element {
    const c = this.s[this.pos++];
    if (c === '(') {
      let lookaround = false;
      if (this.s.startsWith('?:', this.pos)) this.pos += 2;
      else if (/^\?<?[=!]/.test(this.s.slice(this.pos, this.pos + 3))) {
        lookaround = true;
        this.pos += this.s[this.pos + 1] === '<' ? 3 : 2;
      } else if (this.s.startsWith('?<', this.pos)) this.pos = this.s.indexOf('>', this.pos) + 1;
      else if (this.s[this.pos] === '?') throw new Error('unknown group');
      const inner = this.alternation();
      if (this.s[this.pos++] !== ')') throw new Error('unclosed group');
      return { req: lookaround ? null : inner };
    }
    if (c === '[') {
      if (this.s[this.pos] === ']') this.pos++;
      while (this.pos < this.s.length && this.s[this.pos] !== ']') this.pos += this.s[this.pos] === '\\' ? 2 : 1;
      if (this.s[this.pos++] !== ']') throw new Error('unclosed class');
      return { req: null };
    }
    if (c === '\\') {
      const e = this.s[this.pos++];
      if (e === undefined) throw new Error('trailing backslash');
      if (/[pPk]/.test(e) && /[{<]/.test(this.s[this.pos])) this.pos = this.s.indexOf(e === 'k' ? '>' : '}', this.pos) + 1;
      else if (e === 'u' && this.s[this.pos] === '{') this.pos = this.s.indexOf('}', this.pos) + 1;
      else if (e === 'u') this.pos += 4;
      else if (e === 'x') this.pos += 2;
      else if (e === 'c') this.pos += 1;
      else if (/[.\-\\/()[\]{}|?*+^$]/.test(e)) return { req: null, char: e };
      return { req: null };
    }
    if (c === '.' || c === '^' || c === '$') return { req: null };
    if (c === ')' || c === '|') throw new Error('unexpected');
    return LITERAL_CHAR.test(c) ? { req: null, char: c.toLowerCase() } : { req: null };
  }

  /** The least number of repetitions of a following quantifier, or null when there is none. */
  private quantifier(): number | null {
    const c = this.s[this.pos];
    let min: number | null = null;
    if (c === '*' || c === '?') min = 0;
    else if (c === '+') min = 1;
    else if (c === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(this.s.slice(this.pos));
      if (!m) return null;
      this.pos += m[0].length - 1;
      min = Number(m[1]);
    }
    if (min === null) return null;
    this.pos++;
    if (this.s[this.pos] === '?') this.pos++;
    return min;
  }
}

/** Consecutive literal characters become one literal word. */
function mergeRuns(elements: Element[]): Element[] {
  const out: Element[] = [];
  let run = '';
  for (const e of elements) {
    if (e.char !== undefined) {
      run += e.char;
      continue;
    }
    if (run) out.push({ req: [run] });
    run = '';
    out.push(e);
  }
  if (run) out.push({ req: [run] });
  return out;
}

/** The most selective requirement of a sequence: the one whose shortest literal is longest. */
function best(elements: Element[]): Req {
  let chosen: Req = null;
  let score = 0;
  for (const e of elements) {
    if (e.req === null || e.req.length === 0) continue;
    const s = Math.min(...e.req.map((l) => l.length));
    if (s > score) {
      chosen = e.req;
      score = s;
    }
  }
  return chosen;
}
