import { describe, expect, it } from 'vitest';
import { addCode, mergeCode, moveCode, updateCode } from '../../src/codebook/edit.js';
import { emptyRules, type Codebook } from '../../src/model/codebook.js';
import { QdaError } from '../../src/model/message.js';
import { seeded } from '../helpers/cli.js';

const code = (id: string) => ({
  id,
  parent: id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : null,
  labels: { en: id },
  examples: [],
  rules: emptyRules(),
});
const book = (...ids: string[]): Codebook => ({ language: 'en', codes: ids.map(code) });
const ids = (cb: Codebook) => cb.codes.map((c) => c.id);

/** Parents come before their children, and every parent exists. */
function wellFormed(cb: Codebook): boolean {
  const seen = new Set<string>();
  for (const c of cb.codes) {
    if (c.parent !== null && !seen.has(c.parent)) return false;
    seen.add(c.id);
  }
  return seen.size === cb.codes.length;
}

describe('codebook edits', () => {
  const base = book('help', 'help/family', 'help/family/aunt', 'help/friends', 'barrier', 'barrier/shame');

  it('adds a code under an existing parent, after its siblings', () => {
    const next = addCode(base, 'help/teachers', { labels: { en: 'teachers', id: 'guru' }, definition: 'School staff' });
    expect(ids(next)).toEqual(['help', 'help/family', 'help/family/aunt', 'help/friends', 'help/teachers', 'barrier', 'barrier/shame']);
    expect(next.codes[4]).toMatchObject({ parent: 'help', labels: { en: 'teachers', id: 'guru' }, definition: 'School staff' });
    expect(ids(base)).toHaveLength(6);
  });

  it('refuses a taken id, a missing parent and a malformed id with a QdaError', () => {
    expect(() => addCode(base, 'help')).toThrow(/already exists/);
    expect(() => addCode(base, 'nowhere/x')).toThrow(/no code "nowhere"/);
    for (const bad of ['', '/x', 'x/', 'a//b', ' x']) expect(() => addCode(base, bad), bad).toThrow(QdaError);
  });

  it('updates fields without touching others', () => {
    const next = updateCode(base, 'barrier', { exclude: 'practical obstacles' });
    expect(next.codes.find((c) => c.id === 'barrier')).toMatchObject({ exclude: 'practical obstacles', labels: { en: 'barrier' } });
  });

  it('moves a code with its sub-codes and says which ids changed', () => {
    const { codebook, renamed } = moveCode(base, 'help/family', 'barrier/family');
    expect(ids(codebook)).toEqual(['help', 'help/friends', 'barrier', 'barrier/shame', 'barrier/family', 'barrier/family/aunt']);
    expect([...renamed]).toEqual([
      ['help/family', 'barrier/family'],
      ['help/family/aunt', 'barrier/family/aunt'],
    ]);
    expect(codebook.codes.find((c) => c.id === 'barrier/family/aunt')?.parent).toBe('barrier/family');
    expect(() => moveCode(base, 'help', 'help/family/help')).toThrow(/under itself/);
    expect(() => moveCode(base, 'help', 'barrier')).toThrow(/already exists/);
  });

  it('merges a code into another: its sub-codes move, same-named ones merge', () => {
    const cb = book('a', 'a/x', 'a/y', 'b', 'b/x');
    const { codebook, renamed } = mergeCode(cb, 'a', 'b');
    expect(ids(codebook)).toEqual(['b', 'b/x', 'b/y']);
    expect(Object.fromEntries(renamed)).toEqual({ a: 'b', 'a/x': 'b/x', 'a/y': 'b/y' });
    expect(() => mergeCode(cb, 'a', 'a/x')).toThrow(/own sub-code/);
    expect(() => mergeCode(cb, 'a', 'a')).toThrow(/itself/);
  });

  it('keeps the tree well formed under random sequences of edits (seeded)', () => {
    const random = seeded(14);
    for (let round = 0; round < 200; round++) {
      let cb = base;
      for (let step = 0; step < 8; step++) {
        const all = ids(cb);
        const pick = () => all[Math.floor(random() * all.length)];
        try {
          const r = random();
          if (r < 0.3) cb = addCode(cb, `${pick()}/n${step}`);
          else if (r < 0.6) cb = moveCode(cb, pick(), `m${round}x${step}`).codebook;
          else if (r < 0.8) cb = mergeCode(cb, pick(), pick()).codebook;
          else cb = moveCode(cb, pick(), `${pick()}/k${step}`).codebook;
        } catch (e) {
          expect(e).toBeInstanceOf(QdaError);
        }
        expect(wellFormed(cb), ids(cb).join(' ')).toBe(true);
        expect(new Set(ids(cb)).size).toBe(cb.codes.length);
      }
    }
  });
});
