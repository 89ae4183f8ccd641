import { isStemLanguage, type StemLanguage } from '../text/stem.js';

// Words so common in a language that a page of it always has many of them, and rare in the other.
const COMMON: Record<StemLanguage, ReadonlySet<string>> = {
  en: new Set([
    'the',
    'and',
    'of',
    'to',
    'is',
    'that',
    'it',
    'was',
    'for',
    'with',
    'this',
    'you',
    'are',
    'have',
    'not',
    'they',
    'what',
    'we',
    'be',
    'there',
  ]),
  id: new Set([
    'yang',
    'dan',
    'di',
    'itu',
    'ini',
    'dengan',
    'tidak',
    'ada',
    'untuk',
    'saya',
    'dari',
    'ke',
    'juga',
    'kita',
    'kami',
    'sudah',
    'karena',
    'bisa',
    'akan',
    'jadi',
  ]),
};
/** Share of words that must be common words of a language before its stemmer is used. */
const MIN_SHARE = 0.08;

/**
 * The stemming language of a text: English or Indonesian when common words of that language
 * make up a clear share of it, else undefined (words are then used unstemmed). Projects
 * imported from other tools rarely say their language, and a wrong stemmer mangles words.
 * @example recogniseLanguage('the board and the district'.split(' ')) // 'en'
 */
export function recogniseLanguage(words: Iterable<string>): StemLanguage | undefined {
  const hits: Record<StemLanguage, number> = { en: 0, id: 0 };
  let total = 0;
  for (const w of words) {
    total++;
    if (COMMON.en.has(w)) hits.en++;
    if (COMMON.id.has(w)) hits.id++;
  }
  if (total === 0) return undefined;
  const best: StemLanguage = hits.en >= hits.id ? 'en' : 'id';
  return hits[best] / total >= MIN_SHARE ? best : undefined;
}

/** A stemming language from a language code, or undefined for a language without a stemmer. */
export function stemLanguageOf(language: string | undefined): StemLanguage | undefined {
  return language !== undefined && isStemLanguage(language) ? language : undefined;
}
