import { nameFilter, type Code, type Codebook, type NameFilter, type TermRule } from '../model/codebook.js';
import { isStemLanguage, stem, type StemLanguage } from '../text/stem.js';
import { LiteralAutomaton } from '../text/literal-automaton.js';
import { requiredLiterals } from './regex-literals.js';
import { compileLinearRegex, type LinearRegex } from './linear-regex.js';

/** What a phrase pattern is for: a code's term, a veto, or one term of a `near` rule. */
export type PatternRole =
  { kind: 'term'; code: number } | { kind: 'not'; code: number } | { kind: 'near'; code: number; rule: number; term: number };

/** A term compiled to a sequence of word matchers (ids into `CompiledCodebook.matchers`). */
export interface Pattern {
  words: number[];
  label: string;
  roles: PatternRole[];
}

/** How one word of a term is compared with a word of the text. */
export interface WordMatcher {
  kind: 'exact' | 'stem' | 'prefix';
  /** Lower-cased word (exact), stem (stem) or lower-cased prefix (prefix). */
  key: string;
  language?: StemLanguage;
}

/** A codebook ready for matching: every distinct word matcher and phrase pattern of every code, once. */
export interface CompiledCodebook {
  codebook: Codebook;
  matchers: WordMatcher[];
  patterns: Pattern[];
  /** Patterns by the matcher of their first word. */
  byFirstWord: number[][];
  /** Languages whose stems the text's words need. */
  languages: StemLanguage[];
  exactIndex: Map<string, number>;
  stemIndex: Map<string, number>;
  prefixIndex: Map<string, number>;
  /** Per code: its near rules' labels and sizes, regexes, and speaker/role filters. */
  codes: CompiledCode[];
  /** Every literal that some regex needs, found in one pass over a segment's lower-cased text. */
  regexLiterals: LiteralAutomaton;
}

/** The per-code part of a compiled codebook. */
export interface CompiledCode {
  code: Code;
  nearLabels: string[];
  nearSizes: number[];
  nearWithin: number[];
  /** Each regex with the ids (in `regexLiterals`) of literals one of which every match contains; null: always run it. */
  regexes: Array<{ re: LinearRegex; literals: number[] | null }>;
  speakerFilter: NameFilter;
  roleFilter: NameFilter;
  hasRules: boolean;
}

/**
 * Compile a codebook once for the automatic coder: terms of all codes become one dictionary
 * of word matchers, so a text is matched against every code in a single pass.
 * @example compileCodebook(codebook).patterns.length
 */
export function compileCodebook(codebook: Codebook): CompiledCodebook {
  const compiled: CompiledCodebook = {
    codebook,
    matchers: [],
    patterns: [],
    byFirstWord: [],
    languages: [],
    exactIndex: new Map(),
    stemIndex: new Map(),
    prefixIndex: new Map(),
    codes: [],
    regexLiterals: new LiteralAutomaton([]),
  };
  const literalIds = new Map<string, number>();
  const literalId = (l: string) => {
    let id = literalIds.get(l);
    if (id === undefined) literalIds.set(l, (id = literalIds.size));
    return id;
  };
  const patternIndex = new Map<string, number>();
  const languages = new Set<StemLanguage>();

  const matcherFor = (word: string, term: TermRule, last: boolean): number => {
    const lower = word.toLowerCase();
    const language = term.language ?? codebook.language;
    let m: WordMatcher;
    let index: Map<string, number>;
    let key: string;
    if (term.prefix && last) {
      m = { kind: 'prefix', key: lower };
      index = compiled.prefixIndex;
      key = lower;
    } else if (term.exact || !isStemLanguage(language)) {
      m = { kind: 'exact', key: lower };
      index = compiled.exactIndex;
      key = lower;
    } else {
      languages.add(language);
      const s = stem(lower, language);
      m = { kind: 'stem', key: s, language };
      index = compiled.stemIndex;
      key = `${language}:${s}`;
    }
    let id = index.get(key);
    if (id === undefined) {
      id = compiled.matchers.length;
      compiled.matchers.push(m);
      compiled.byFirstWord.push([]);
      index.set(key, id);
    }
    return id;
  };

  const addPattern = (term: TermRule, role: PatternRole): void => {
    const words = term.text
      .toLowerCase()
      .split(/[^\p{L}\p{M}\p{N}]+/u)
      .filter(Boolean);
    if (words.length === 0) return;
    const ids = words.map((w, i) => matcherFor(w, term, i === words.length - 1));
    const key = ids.join(' ');
    let p = patternIndex.get(key);
    if (p === undefined) {
      p = compiled.patterns.length;
      compiled.patterns.push({ words: ids, label: matchLabel(term), roles: [] });
      compiled.byFirstWord[ids[0]].push(p);
      patternIndex.set(key, p);
    }
    compiled.patterns[p].roles.push(role);
  };

  codebook.codes.forEach((code, c) => {
    for (const t of code.rules.terms) addPattern(t, { kind: 'term', code: c });
    for (const t of code.rules.not) addPattern(t, { kind: 'not', code: c });
    code.rules.near.forEach((rule, r) => rule.terms.forEach((t, i) => addPattern(t, { kind: 'near', code: c, rule: r, term: i })));
    compiled.codes.push({
      code,
      nearLabels: code.rules.near.map((rule) => rule.terms.map(matchLabel).join(` NEAR/${rule.within} `)),
      nearSizes: code.rules.near.map((rule) => rule.terms.length),
      nearWithin: code.rules.near.map((rule) => rule.within),
      regexes: code.rules.regex.map((r) => ({ re: compileLinearRegex(r), literals: requiredLiterals(r)?.map(literalId) ?? null })),
      speakerFilter: nameFilter(code.rules.speakers),
      roleFilter: nameFilter(code.rules.roles),
      hasRules: code.rules.terms.length + code.rules.near.length + code.rules.regex.length > 0,
    });
  });
  compiled.languages = [...languages];
  compiled.regexLiterals = new LiteralAutomaton([...literalIds.keys()]);
  return compiled;
}

/** How a term is named in a coding's `matches`: its text, with `*` for a prefix (no `=`, which spreadsheets read as a formula). */
function matchLabel(term: TermRule): string {
  return term.prefix ? `${term.text}*` : term.text;
}
