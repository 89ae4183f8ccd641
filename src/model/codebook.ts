/** A term to match: stemmed by default; `exact` skips stemming; `prefix` matches any word starting with it (`trauma*`). */
export interface TermRule {
  text: string;
  /** Language used to stem it (`id`, `en`); falls back to the code's or codebook's language. */
  language?: string;
  exact: boolean;
  prefix: boolean;
}

/** Two or more terms within `within` words of each other in one segment. */
export interface NearRule {
  terms: TermRule[];
  within: number;
}

/** The rules for automatic coding of one code. Empty arrays mean "no rule of this kind". */
export interface CodeRules {
  terms: TermRule[];
  near: NearRule[];
  regex: string[];
  /** Terms that veto the code in a segment. */
  not: TermRule[];
  /** Code only turns of these speakers (case-insensitive); empty = everyone. */
  speakers: string[];
  /** Code only turns whose speaker has one of these roles; empty = every role. */
  roles: string[];
}

/** One code of the tree. `id` is a `/`-separated path; its parent is the path without the last part. */
export interface Code {
  id: string;
  parent: string | null;
  /** Labels per language, e.g. `{ id: 'faktor kedekatan', en: 'proximity' }`. */
  labels: Record<string, string>;
  definition?: string;
  include?: string;
  exclude?: string;
  examples: string[];
  color?: string;
  rules: CodeRules;
}

/** A tree of codes, parents listed before their children. */
export interface Codebook {
  name?: string;
  description?: string;
  /** Default language of terms (`id`, `en`). */
  language: string;
  codes: Code[];
}

/** Empty rules. */
export function emptyRules(): CodeRules {
  return { terms: [], near: [], regex: [], not: [], speakers: [], roles: [] };
}

/** The parent id of a code id, or null for a top-level code. */
export function parentId(id: string): string | null {
  const i = id.lastIndexOf('/');
  return i === -1 ? null : id.slice(0, i);
}

/** All ancestors of a code id, nearest first: `a/b/c` → `['a/b', 'a']`. */
export function ancestors(id: string): string[] {
  const out: string[] = [];
  for (let p = parentId(id); p !== null; p = parentId(p)) out.push(p);
  return out;
}

/**
 * The label of a code in a language, else English, else any, else `fallback` (its id).
 * @example labelOf({ id: 'stage/assessment', labels: { id: 'asesmen' } } as Code, 'en') // 'asesmen'
 */
export function labelOf(code: Code, language = 'en', fallback = code.id): string {
  return code.labels[language] ?? code.labels.en ?? Object.values(code.labels)[0] ?? fallback;
}
