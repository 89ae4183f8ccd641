import { describe, expect, it } from 'vitest';
import { fromText } from '../../src/import/text.js';
import { textFeatures, textWords } from '../../src/learn/features.js';
import { recogniseLanguage } from '../../src/learn/language.js';
import { learningUnits } from '../../src/learn/units.js';

describe('learning units', () => {
  const doc = fromText('---\nparticipants:\n  - name: Ana\n    role: counsellor\n---\nAna: first line\nsecond line 🙂\n\nthird\n', {
    file: 'a.md',
  }).corpus.documents[0];

  it('cuts a document into its non-blank lines, with the speaker and role of their turn', () => {
    const lines = learningUnits(doc, 'line');
    expect(lines.map((u) => [u.index, u.text, u.speaker, u.role])).toEqual([
      [1, 'first line', 'Ana', 'counsellor'],
      [2, 'second line 🙂', 'Ana', 'counsellor'],
      [3, 'third', 'Ana', 'counsellor'],
    ]);
    for (const u of lines) expect(doc.text.slice(u.start, u.end)).toBe(u.text);
  });

  it('uses the coding segments for turn, paragraph and sentence', () => {
    expect(learningUnits(doc, 'turn')).toHaveLength(1);
    expect(learningUnits(doc, 'paragraph').map((u) => u.text)).toEqual(['first line\nsecond line 🙂', 'third']);
  });
});

describe('features', () => {
  it('stems words and pairs them, keeping the first surface form', () => {
    const text = 'The Boards met; boards listen.';
    const f = textFeatures(textWords(text, 0, text.length, 'en'));
    expect(f.names).toEqual(['w:the', 'w:board', 'w:met', 'w:listen', 'p:the board', 'p:board met', 'p:met board', 'p:board listen']);
    expect(f.surfaces.get('w:board')).toBe('boards');
  });

  it('leaves words unstemmed without a stemmer and drops one-letter words and numbers', () => {
    const text = 'Nem kötelező a 2021 oltás';
    expect(textFeatures(textWords(text, 0, text.length, undefined)).names).toEqual([
      'w:nem',
      'w:kötelező',
      'w:oltás',
      'p:nem kötelező',
      'p:kötelező oltás',
    ]);
  });

  it('recognises English and Indonesian from common words, and nothing else', () => {
    expect(recogniseLanguage('we said that the district and the board have it'.split(' '))).toBe('en');
    expect(recogniseLanguage('saya tidak tahu itu yang dia katakan dengan jelas'.split(' '))).toBe('id');
    expect(recogniseLanguage('nem mertétek kötelezővé tenni adtam volna'.split(' '))).toBeUndefined();
    expect(recogniseLanguage([])).toBeUndefined();
  });
});
