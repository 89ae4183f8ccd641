import { describe, expect, it } from 'vitest';
import { codePointLength, OffsetMap } from '../../src/text/offsets.js';
import { seeded } from '../helpers/cli.js';

describe('OffsetMap', () => {
  it('converts around astral characters', () => {
    const text = 'a😀b🙏🏽c';
    const map = new OffsetMap(text);
    expect(map.toCodePoint(0)).toBe(0);
    expect(map.toCodePoint(1)).toBe(1);
    expect(map.toCodePoint(3)).toBe(2); // after 😀
    expect(map.toUtf16(2)).toBe(3);
    expect(map.toUtf16(codePointLength(text))).toBe(text.length);
  });

  it('round-trips every code-point boundary of random texts (seeded)', () => {
    const rand = seeded(42);
    const alphabet = ['a', 'é', ' ', '\n', '😀', '🙏', 'ñ', '\u00a0', '𝔸'];
    for (let n = 0; n < 200; n++) {
      const chars = Array.from({ length: Math.floor(rand() * 40) }, () => alphabet[Math.floor(rand() * alphabet.length)]);
      const text = chars.join('');
      const map = new OffsetMap(text);
      let utf16 = 0;
      chars.forEach((ch, cp) => {
        expect(map.toCodePoint(utf16)).toBe(cp);
        expect(map.toUtf16(cp)).toBe(utf16);
        expect([...text.slice(0, utf16)].length).toBe(cp);
        utf16 += ch.length;
      });
      expect(codePointLength(text)).toBe(chars.length);
    }
  });
});
