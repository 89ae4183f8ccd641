import { describe, expect, it } from 'vitest';
import { assignLanes } from '../../src/web/lanes.js';
import { nextWordEnd, nextWordStart, previousWordStart, snapToWords } from '../../src/web/words.js';
import { seeded } from '../helpers/cli.js';

describe('word edges for selections', () => {
  const text = 'Saya pekerja sosial, sudah tujuh tahun 😀 di unit-ini.';

  it('widens a slipped selection to whole words and trims spaces', () => {
    const at = (s: string) => text.indexOf(s);
    expect(snapToWords(text, at('ekerja'), at('sosial') + 3)).toEqual({ start: at('pekerja'), end: at('sosial') + 6 });
    expect(snapToWords(text, at(' sudah'), at('sudah') + 5)).toEqual({ start: at('sudah'), end: at('sudah') + 5 });
    expect(snapToWords(text, at('unit') + 1, at('unit') + 2)).toEqual({ start: at('unit'), end: at('unit-ini') + 8 });
    expect(snapToWords(text, 4, 5)).toBeNull();
  });

  it('moves by word forwards and backwards, across emoji and punctuation', () => {
    expect(nextWordStart(text, 0)).toBe(5);
    expect(nextWordEnd(text, 0)).toBe(4);
    expect(nextWordEnd(text, 4)).toBe(12);
    expect(previousWordStart(text, 12)).toBe(5);
    expect(previousWordStart(text, text.indexOf('di'))).toBe(text.indexOf('tahun'));
  });

  it('never returns a snapped span that cuts a word (seeded)', () => {
    const random = seeded(3);
    const word = /[\p{L}\p{M}\p{N}'’_-]/u;
    for (let i = 0; i < 500; i++) {
      const a = Math.floor(random() * text.length);
      const b = Math.floor(random() * text.length);
      const span = snapToWords(text, a, b);
      if (!span) continue;
      expect(span.start).toBeLessThan(span.end);
      expect(span.start === 0 || !(word.test(text[span.start - 1]) && word.test(text[span.start]))).toBe(true);
      expect(span.end === text.length || !(word.test(text[span.end - 1]) && word.test(text[span.end]))).toBe(true);
    }
  });
});

describe('margin lanes', () => {
  it('never gives two overlapping spans the same lane, and reuses freed lanes (seeded)', () => {
    const random = seeded(9);
    for (let round = 0; round < 100; round++) {
      const spans = Array.from({ length: 30 }, (_, id) => {
        const start = Math.floor(random() * 200);
        return { id, start, end: start + 1 + Math.floor(random() * 40) };
      });
      const lanes = assignLanes(spans);
      for (const a of spans)
        for (const b of spans) {
          if (a.id < b.id && a.start < b.end && b.start < a.end) expect(lanes.get(a.id)).not.toBe(lanes.get(b.id));
        }
      const depth = Math.max(...spans.map((s) => spans.filter((o) => o.start <= s.start && o.end > s.start).length));
      expect(Math.max(...lanes.values()) + 1).toBe(depth);
    }
  });
});
