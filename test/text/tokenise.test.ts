import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/analysis/agreement/random.js';
import { countWords, tokenise } from '../../src/text/tokenise.js';

const words = (t: string) => tokenise(t).map((k) => t.slice(k.start, k.end));

describe('tokenise', () => {
  it.each([
    ['Ya, pacarnya!', ['Ya', 'pacarnya']],
    ['teman-teman kliennya', ['teman', 'teman', 'kliennya']],
    ['café naïve\u00a0CBT', ['café', 'naïve', 'CBT']],
    ['saya 😀 senang🙏ok', ['saya', 'senang', 'ok']],
    ['tab\there 2025', ['tab', 'here', '2025']],
    ['', []],
  ])('%j', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it('tokenises a slice without copying offsets', () => {
    const t = 'abc def ghi';
    expect(tokenise(t, 4, 7)).toEqual([{ start: 4, end: 7 }]);
  });

  it('countWords finds as many words as tokenise, on any slice of any text (seeded)', () => {
    const rand = seededRandom(5);
    const alphabet = ['a', 'Z', '9', ' ', '-', ',', '\n', 'é', '\u0301', '😀', 'ß', '\u00a0', '日', '\ud800'];
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: Math.floor(rand() * 40) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      const from = Math.floor(rand() * (text.length + 1));
      const to = from + Math.floor(rand() * (text.length - from + 1));
      expect(countWords(text, from, to), JSON.stringify([text, from, to])).toBe(tokenise(text, from, to).length);
    }
    expect(countWords('Ya, pacarnya!')).toBe(2);
  });
});
