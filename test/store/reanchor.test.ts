import { describe, expect, it } from 'vitest';
import { reanchorSpans } from '../../src/store/reanchor.js';
import { seeded } from '../helpers/cli.js';

const cp = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

describe('reanchorSpans', () => {
  it('keeps spans whose text did not move, moves those that did, and gives null for vanished text', () => {
    const old = 'Saya takut. Kakak menolong 😀 saya.';
    const now = 'Awal. Saya takut. Kakak membantu 😀 saya.';
    const spans = [
      { start: 5, end: 10 },
      { start: 12, end: 17 },
      { start: 18, end: 26 },
      { start: 27, end: 28 },
    ];
    const moved = reanchorSpans(old, now, spans);
    expect(moved.map((s) => (s ? cp(now, s.start, s.end) : null))).toEqual(['takut', 'Kakak', null, '😀']);
    expect(reanchorSpans(old, old, spans)).toEqual(spans);
  });

  it('chooses the occurrence nearest the old place when the text repeats', () => {
    const old = 'ya. ya. ya. tidak. ya.';
    const now = 'Oh. ya. ya. ya. tidak. ya.';
    expect(reanchorSpans(old, now, [{ start: 19, end: 21 }])).toEqual([{ start: 23, end: 25 }]);
  });

  it('property: after random insertions before a span, its text is found again (seeded)', () => {
    const random = seeded(13);
    const words = ['saya', 'takut', 'kakak', '😀', 'rumah', 'malam', 'ibu', 'sekolah', 'é', 'teman'];
    for (let round = 0; round < 300; round++) {
      const pick = () => words[Math.floor(random() * words.length)];
      const old = Array.from({ length: 30 }, pick).join(' ');
      const length = [...old].length;
      const start = Math.floor(random() * (length - 5));
      const span = { start, end: start + 1 + Math.floor(random() * Math.min(20, length - start - 1)) };
      const insertAt = Math.floor(random() * (span.start + 1));
      const chars = [...old];
      chars.splice(insertAt, 0, ...`${pick()} ${pick()} `);
      const now = chars.join('');
      const [moved] = reanchorSpans(old, now, [span]);
      expect(moved, `round ${round}`).not.toBeNull();
      expect(cp(now, moved!.start, moved!.end)).toBe(cp(old, span.start, span.end));
    }
  });
});
