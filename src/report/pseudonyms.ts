import type { QuoteMark } from '../analysis/quotes.js';
import { foldText } from '../text/fold.js';
import { message, type Message } from '../model/message.js';
import type { TableFile } from '../model/table-file.js';

/** One entry of a pseudonym key: a real name (or another form of it, such as a nickname) and what replaces it. */
export interface Pseudonym {
  name: string;
  pseudonym: string;
}

/** Replaces real names with pseudonyms in texts. */
export interface Pseudonymiser {
  /** The text with every name replaced. */
  text(text: string): string;
  /** The text with every name replaced, and marked spans moved to where their words went. */
  marked(text: string, marks: readonly QuoteMark[]): { text: string; marks: QuoteMark[] };
}

// Indonesian enclitics glue onto names, and stack ("Nurlailanyalah"); digits too ("Nurlaila2").
// They stay after the pseudonym.
const SUFFIX = '(?:ku|mu|nya|lah|kah|pun){0,3}\\p{N}*';
const WORD_CHAR = '[\\p{L}\\p{N}]';
/** Between the words of a name: spaces or hyphens ("Fauzan-Hidayat"). */
const NAME_GAP = '[\\s\\p{Pd}]+';

/**
 * The pattern that finds the names of a key in folded text (see `foldText`): whole words, longest
 * first, any spaces or hyphens between a name's words, then enclitics and digits.
 * @example namePattern(['fauzan hidayat', 'fauzan']).test('fauzan-hidayatnya') // true
 */
export function namePattern(foldedNames: readonly string[]): RegExp {
  const names = [...new Set(foldedNames)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const alternatives = names.map((n) => n.split(' ').map(escapeRegExp).join(NAME_GAP)).join('|');
  return new RegExp(`(?<!${WORD_CHAR})(${alternatives})(${SUFFIX})(?!${WORD_CHAR})`, 'gu');
}

/**
 * A name as the matcher compares it: folded (`foldText`: compatibility forms, accents, case,
 * invisible characters), with spaces and hyphens between its words made one space.
 * @example nameKey(' Fauzan-Hidayat ') // 'fauzan hidayat'
 */
export function nameKey(name: string): string {
  return foldText(name).text.trim().split(/[\s\p{Pd}]+/u).filter(Boolean).join(' ');
}

/**
 * A pseudonymiser for a key: names are matched as whole words on folded text (fullwidth
 * letters, accents, case, soft hyphens and zero-width characters do not hide a name), longest
 * first (so `Fauzan Hidayat` wins over `Fauzan`), with spaces or hyphens between the words of a
 * name, and with Indonesian enclitics (`-ku`, `-mu`, `-nya`, `-lah`, `-kah`, `-pun`, stacked)
 * and digits kept after the pseudonym.
 * @example pseudonymiser([{ name: 'Nurlaila', pseudonym: 'Informan A' }]).text('Kata nurlailanyalah.') // 'Kata Informan A-nyalah.'
 */
export function pseudonymiser(key: readonly Pseudonym[]): Pseudonymiser {
  const byName = new Map<string, string>();
  for (const p of key) {
    const k = nameKey(p.name);
    if (k !== '' && !byName.has(k)) byName.set(k, p.pseudonym);
  }
  if (byName.size === 0) return { text: (t) => t, marked: (text, marks) => ({ text, marks: marks.map((m) => ({ ...m })) }) };
  const pattern = namePattern([...byName.keys()]);
  const replacement = (name: string, suffix: string) => {
    const p = byName.get(nameKey(name))!;
    return suffix === '' ? p : `${p}${/\s/.test(p) ? '-' : ''}${suffix}`;
  };
  const marked = (text: string, marks: readonly QuoteMark[]) => {
    const folded = foldText(text);
    const edits: Array<{ start: number; end: number; out: string }> = [];
    for (const m of folded.text.matchAll(pattern)) {
      const last = m.index + m[0].length - 1;
      edits.push({ start: folded.from[m.index], end: folded.to[last], out: replacement(m[1], m[2]) });
    }
    if (edits.length === 0) return { text, marks: marks.map((m) => ({ ...m })) };
    let out = '';
    let at = 0;
    for (const e of edits) {
      out += text.slice(at, e.start) + e.out;
      at = e.end;
    }
    out += text.slice(at);
    const move = (p: number, isEnd: boolean) => {
      let shift = 0;
      for (const e of edits) {
        if (p <= e.start) break;
        if (p < e.end) return e.start + shift + (isEnd ? e.out.length : 0);
        shift += e.out.length - (e.end - e.start);
      }
      return p + shift;
    };
    return { text: out, marks: marks.map((m) => ({ start: move(m.start, false), end: move(m.end, true) })) };
  };
  return { text: (t) => marked(t, []).text, marked };
}

/**
 * Replace names everywhere in plain data: every string of arrays and objects, and in objects
 * with a `text` and `marks` (quotes) the marks follow the text. Inputs are not mutated.
 * @example pseudonymise({ citation: '(Nurlaila, 2025)' }, key) // { citation: '(Informan A, 2025)' }
 */
export function pseudonymise<T>(value: T, key: readonly Pseudonym[] | Pseudonymiser): T {
  const p = 'text' in key ? key : pseudonymiser(key);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return p.text(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = walk(x);
    if (typeof o.text === 'string' && Array.isArray(o.marks)) {
      const moved = p.marked(o.text, o.marks as QuoteMark[]);
      out.text = moved.text;
      out.marks = moved.marks;
    }
    return out;
  };
  return walk(value) as T;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const NAME_COLUMNS = ['name', 'real', 'real_name', 'real name', 'nama'];
const PSEUDONYM_COLUMNS = ['pseudonym', 'pseudonim', 'alias', 'code name'];

/**
 * A pseudonym key from a table with the columns `name` and `pseudonym`, one row per form of a
 * name (full name, first name, nickname). Blank and contradictory rows are reported at their
 * line; a key without those columns is fatal, so no report leaks a name by mistake.
 * @example pseudonymsFromTable({ header: ['name', 'pseudonym'], rows: [{ line: 2, cells: ['Nurlaila', 'Informan A'] }] }, 'key.csv').key
 */
export function pseudonymsFromTable(table: TableFile, file: string): { key: Pseudonym[] | null; messages: Message[] } {
  const messages: Message[] = [];
  const lower = table.header.map((h) => h.toLowerCase());
  const nameCol = lower.findIndex((h) => NAME_COLUMNS.includes(h));
  const pseudonymCol = lower.findIndex((h) => PSEUDONYM_COLUMNS.includes(h));
  if (nameCol === -1 || pseudonymCol === -1) {
    messages.push(message(`a pseudonym key needs the columns name and pseudonym; found: ${table.header.join(', ')}`, { file, line: 1, column: 1, ruleId: 'missing-columns', source: 'pseudonyms', fatal: true }));
    return { key: null, messages };
  }
  const key: Pseudonym[] = [];
  const seen = new Map<string, { pseudonym: string; line: number }>();
  for (const row of table.rows) {
    const name = String(row.cells[nameCol] ?? '').trim();
    const pseudonym = String(row.cells[pseudonymCol] ?? '').trim();
    if (!name || !pseudonym) {
      messages.push(message(`row has ${name ? 'no pseudonym' : 'no name'}; skipped`, { file, line: row.line, column: (name ? pseudonymCol : nameCol) + 1, ruleId: 'empty-pseudonym', source: 'pseudonyms' }));
      continue;
    }
    // Compared as the pseudonymiser compares names: "Fauzan-Hidayat" and "FAUZAN HIDAYAT" are one name.
    const normal = nameKey(name);
    const first = seen.get(normal);
    if (first) {
      if (first.pseudonym !== pseudonym) {
        messages.push(message(`"${name}" already has the pseudonym "${first.pseudonym}" (line ${first.line}); this row is ignored`, { file, line: row.line, column: pseudonymCol + 1, ruleId: 'conflicting-pseudonym', source: 'pseudonyms' }));
      }
      continue;
    }
    seen.set(normal, { pseudonym, line: row.line });
    key.push({ name, pseudonym });
  }
  return { key, messages };
}
