import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';

const sentences = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe('splitSentences', () => {
  it.each([
    ['Kami pakai genogram, ecomap, dll. Lalu kami rencanakan.', ['Kami pakai genogram, ecomap, dll.', 'Lalu kami rencanakan.']],
    ['Ada buku, catatan dsb. yang kami simpan.', ['Ada buku, catatan dsb. yang kami simpan.']],
    ['Saya rujuk ke Dr. Hasan. Beliau psikiater.', ['Saya rujuk ke Dr. Hasan.', 'Beliau psikiater.']],
    ['We use tools, e.g. the genogram. Then we plan.', ['We use tools, e.g. the genogram.', 'Then we plan.']],
    ['Ya? Betul! Jadi gini…', ['Ya?', 'Betul!', 'Jadi gini…']],
    ['Dia bilang "cukup." Lalu pulang.', ['Dia bilang "cukup."', 'Lalu pulang.']],
    ['Bu A. Rahman datang.', ['Bu A. Rahman datang.']],
    ['Paragraf satu tanpa titik\n\nParagraf dua.', ['Paragraf satu tanpa titik', 'Paragraf dua.']],
    ['versi 2.5 sudah ada.', ['versi 2.5 sudah ada.']],
  ])('%s', (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('keeps offsets into the original text', () => {
    const t = 'x  Satu. Dua.  ';
    const spans = splitSentences(t, 1);
    expect(spans.map((s) => t.slice(s.start, s.end))).toEqual(['Satu.', 'Dua.']);
  });
});
