import indonesian from 'natural/lib/natural/stemmers/indonesian/stemmer_id.js';
import porter from 'natural/lib/natural/stemmers/porter_stemmer.js';

/** Languages with a stemmer. */
export const STEM_LANGUAGES = ['id', 'en'] as const;
export type StemLanguage = (typeof STEM_LANGUAGES)[number];

/** True when the language has a stemmer. */
export function isStemLanguage(language: string): language is StemLanguage {
  return (STEM_LANGUAGES as readonly string[]).includes(language);
}

// The stemmers cost ~14 µs a word: each distinct lower-cased word is stemmed once per process.
const caches: Record<StemLanguage, Map<string, string>> = { id: new Map(), en: new Map() };

/**
 * The stem of a lower-cased word. Indonesian uses natural's Sastrawi port, English Porter.
 * Stems of words the stemmer would empty are the word itself.
 * @example stem('pacarnya', 'id') // 'pacar'
 */
export function stem(word: string, language: StemLanguage): string {
  const cache = caches[language];
  let s = cache.get(word);
  if (s === undefined) {
    s = stemUncached(word, language);
    cache.set(word, s);
  }
  return s;
}

function stemUncached(word: string, language: StemLanguage): string {
  // Digits and very short words carry no affixes worth stripping.
  if (word.length < 3 || /\d/.test(word)) return word;
  const s = language === 'id' ? indonesian.stem(word) : porter.stem(word);
  return s.length > 0 ? s : word;
}
