import { describe, expect, it } from 'vitest';
import { tokenise } from '../../src/text/tokenise.js';

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
});
