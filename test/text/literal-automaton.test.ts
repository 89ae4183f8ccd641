import { describe, expect, it } from 'vitest';
import { LiteralAutomaton } from '../../src/text/literal-automaton.js';
import { seeded } from '../helpers/cli.js';

describe('LiteralAutomaton', () => {
  it.each([
    [['rujuk', 'kabar'], 'dirujuk ke psikolog', [1, 0]],
    [['he', 'she', 'his', 'hers'], 'ushers', [1, 1, 0, 1]],
    [['aa', 'a'], 'baab', [1, 1]],
    [['abc'], 'ababd', [0]],
    [[], 'anything', []],
  ])('%j in %j', (literals, text, expected) => {
    expect([...new LiteralAutomaton(literals).find(text)]).toEqual(expected);
  });

  it('agrees with String.includes on random texts (seeded)', () => {
    const rand = seeded(3);
    const word = (n: number) => Array.from({ length: 1 + Math.floor(rand() * n) }, () => 'abcd'[Math.floor(rand() * 4)]).join('');
    for (let round = 0; round < 300; round++) {
      const literals = Array.from({ length: 1 + Math.floor(rand() * 8) }, () => word(5));
      const text = word(40);
      const found = new LiteralAutomaton(literals).find(text);
      expect([...found]).toEqual(literals.map((l) => (text.includes(l) ? 1 : 0)));
    }
  });
});
