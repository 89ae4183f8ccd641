import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/codebook/parse.js';
import { requiredLiterals } from '../../src/codebook/regex-literals.js';
import { fromText } from '../../src/import/text.js';
import { seeded } from '../helpers/cli.js';

describe('requiredLiterals', () => {
  it.each([
    ['\\b(?:tidak|nggak)\\s+berdaya\\b', ['berdaya']],
    ['body\\s?map', ['body']],
    ['\\bWA\\b', null],
    ['\\b(?:telepon|chat)\\w*\\s+lagi', ['telepon', 'chat']],
    ['(?:foo|ba)r', null],
    ['genogram(?:nya)?', ['genogram']],
    ['(?<!family\\s)\\bresilience\\b', ['resilience']],
    ['(?=abc)de', null],
    ['x{0,3}yyy', ['yyy']],
    ['(?:abc){2}', ['abc']],
    ['[abc]+def', ['def']],
    ['a.b.c', null],
    ['caf[eé]', ['caf']],
    ['\\u0041bcd', ['bcd']],
    ['(?<who>dosen|guru)\\s+\\k<who>', ['dosen', 'guru']],
    ['terlalu|', null],
    ['(unclosed', null],
    ['\\p{L}+ing', ['ing']],
  ] as Array<[string, string[] | null]>)('/%s/ → %j', (source, expected) => {
    expect(requiredLiterals(source)).toEqual(expected);
  });

  it('never skips a segment a regex of the bundled codebook matches (seeded, with case changes)', () => {
    const { codebook } = parseCodebook(readFileSync('codebooks/lk3-psychosocial.yaml', 'utf8'), 'lk3.yaml');
    const regexes = codebook!.codes.flatMap((c) => c.rules.regex).map((r) => ({ re: new RegExp(r, 'iu'), literals: requiredLiterals(r) }));
    expect(regexes.filter((r) => r.literals !== null).length).toBeGreaterThan(regexes.length / 2);
    const texts = ['informan-01', 'informan-03', 'informan-05', 'informant-07-en'].flatMap((id) => {
      const doc = fromText(readFileSync(`data-sample/transcripts/${id}.md`, 'utf8'), { file: id }).corpus.documents[0];
      return doc.turns.map((t) => doc.text.slice(t.start, t.end));
    });
    const rand = seeded(11);
    let matched = 0;
    for (let round = 0; round < 3; round++) {
      for (const original of texts) {
        const text = round === 0 ? original : [...original].map((ch) => (rand() < 0.3 ? ch.toUpperCase() : ch)).join('');
        const lower = text.toLowerCase().replace(/ſ/g, 's');
        for (const { re, literals } of regexes) {
          if (!re.test(text)) continue;
          matched++;
          if (literals)
            expect(
              literals.some((l) => lower.includes(l)),
              `${re} on ${text.slice(0, 80)}`,
            ).toBe(true);
        }
      }
    }
    expect(matched).toBeGreaterThan(50);
  });
});
