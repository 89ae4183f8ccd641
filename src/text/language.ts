import { tokenise } from './tokenise.js';

/** Languages `detectLanguage` tells apart. */
export type DetectedLanguage = 'id' | 'en';

/** What `detectLanguage` found: the language (null when it cannot tell) and the evidence. */
export interface LanguageGuess {
  language: DetectedLanguage | null;
  /** Function words of each language counted in the text. */
  counts: Record<DetectedLanguage, number>;
}

// Frequent function words that do not exist, or are rare, in the other language.
const FUNCTION_WORDS: Record<DetectedLanguage, ReadonlySet<string>> = {
  id: new Set([
    'yang',
    'dan',
    'di',
    'ke',
    'dari',
    'itu',
    'ini',
    'tidak',
    'nggak',
    'gak',
    'enggak',
    'saya',
    'aku',
    'kami',
    'kita',
    'dengan',
    'untuk',
    'ada',
    'juga',
    'karena',
    'jadi',
    'sudah',
    'udah',
    'akan',
    'bisa',
    'dalam',
    'pada',
    'atau',
    'tapi',
    'kalau',
    'kalo',
    'apa',
    'mereka',
    'dia',
    'ya',
    'adalah',
    'sangat',
    'lebih',
    'seperti',
    'belum',
    'masih',
    'harus',
    'bagaimana',
    'kenapa',
    'gimana',
    'sih',
    'kok',
    'dong',
    'nya',
    'banyak',
    'lagi',
    'sama',
    'saat',
    'ketika',
    'oleh',
    'bahwa',
  ]),
  en: new Set([
    'the',
    'and',
    'of',
    'to',
    'in',
    'is',
    'it',
    'that',
    'was',
    'for',
    'with',
    'you',
    'i',
    'we',
    'they',
    'she',
    'he',
    'this',
    'are',
    'be',
    'have',
    'has',
    'had',
    'not',
    'but',
    'what',
    'so',
    'my',
    'our',
    'at',
    'on',
    'about',
    'because',
    'would',
    'can',
    'there',
    'do',
    'did',
    'were',
    'been',
    'from',
    'their',
    'them',
    'which',
    'when',
    'how',
    'if',
    'or',
    'me',
    'your',
  ]),
};

/** Fewer function words than this: too little text to tell. */
const MIN_EVIDENCE = 5;

/**
 * Tell Indonesian from English by counting function words (`yang`, `dan`, `tidak` against
 * `the`, `and`, `is`): the language with at least twice the other's count, given enough text;
 * null for too little or evenly mixed text. Reads at most the first 20,000 characters.
 * @example detectLanguage('I think the colleagues were there for her.').language // 'en'
 */
export function detectLanguage(text: string, from = 0, to = text.length): LanguageGuess {
  const end = Math.min(to, from + 20_000);
  const counts: Record<DetectedLanguage, number> = { id: 0, en: 0 };
  for (const t of tokenise(text, from, end)) {
    const word = text.slice(t.start, t.end).toLowerCase();
    if (FUNCTION_WORDS.id.has(word)) counts.id++;
    if (FUNCTION_WORDS.en.has(word)) counts.en++;
  }
  const language =
    counts.id + counts.en < MIN_EVIDENCE ? null : counts.en >= 2 * counts.id ? 'en' : counts.id >= 2 * counts.en ? 'id' : null;
  return { language, counts };
}
