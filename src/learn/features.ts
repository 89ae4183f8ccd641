import type { StemLanguage } from '../text/stem.js';
import { stem } from '../text/stem.js';
import { tokenise } from '../text/tokenise.js';

/** What a feature is: a word (stemmed when the language has a stemmer), two words in a row, a codebook rule that fired, the speaker's role. */
export type FeatureKind = 'word' | 'phrase' | 'rule' | 'role';

/** The kind of a feature name (`w:`, `p:`, `r:`, `role:`). */
export function featureKind(name: string): FeatureKind {
  if (name.startsWith('w:')) return 'word';
  if (name.startsWith('p:')) return 'phrase';
  if (name.startsWith('r:')) return 'rule';
  return 'role';
}

/** The words of a text: lower-cased, without one-letter words and numbers, each with its stem. */
export interface TextWords {
  /** Lower-cased words as written. */
  surfaces: string[];
  /** Their stems (the words themselves without a stemmer). */
  stems: string[];
}

/**
 * The words of `text[from, to)` with their stems, in order.
 * @example textWords('The boards met', 0, 14, 'en').stems // ['the', 'board', 'met']
 */
export function textWords(text: string, from: number, to: number, language: StemLanguage | undefined): TextWords {
  const surfaces: string[] = [];
  const stems: string[] = [];
  for (const t of tokenise(text, from, to)) {
    const word = text.slice(t.start, t.end).toLocaleLowerCase();
    if (word.length < 2 || /^\d+$/.test(word)) continue;
    surfaces.push(word);
    stems.push(language === undefined ? word : stem(word, language));
  }
  return { surfaces, stems };
}

/**
 * The distinct word and phrase features of a unit's words, and the surface form each came
 * from (the first one seen), so an explanation can show `fears` rather than the stem `fear`.
 * @example textFeatures(textWords('Fear of fear', 0, 12, 'en')).names // ['w:fear', 'w:of', 'p:fear of', 'p:of fear']
 */
export function textFeatures(words: TextWords): { names: string[]; surfaces: Map<string, string> } {
  const surfaces = new Map<string, string>();
  const add = (name: string, surface: string): void => {
    if (!surfaces.has(name)) surfaces.set(name, surface);
  };
  const { stems, surfaces: written } = words;
  for (let i = 0; i < stems.length; i++) add(`w:${stems[i]}`, written[i]);
  for (let i = 0; i + 1 < stems.length; i++) add(`p:${stems[i]} ${stems[i + 1]}`, `${written[i]} ${written[i + 1]}`);
  return { names: [...surfaces.keys()], surfaces };
}

/** The feature of a codebook rule that fired in a unit. */
export const ruleFeature = (code: string): string => `r:${code}`;

/** The feature of a speaker's role. */
export const roleFeature = (role: string): string => `role:${role.toLocaleLowerCase()}`;

/**
 * How a feature reads in "suggested because: …": the word or phrase as written, `rule <code>`,
 * `role <role>`.
 * @example featureLabel('r:factor/attachment') // 'rule factor/attachment'
 */
export function featureLabel(name: string, surface?: string): string {
  switch (featureKind(name)) {
    case 'word':
    case 'phrase':
      return surface ?? name.slice(2);
    case 'rule':
      return `rule ${name.slice(2)}`;
    case 'role':
      return `role ${name.slice(5)}`;
  }
}
