import { describe, expect, it } from 'vitest';
import { pseudonymise, pseudonymiser } from '../../src/report/pseudonyms.js';

const key = [
  { name: 'Siti Rahma', pseudonym: 'Informan A' },
  { name: 'Siti', pseudonym: 'Informan A' },
  { name: 'Budi', pseudonym: 'Dewa' },
  { name: 'Rahmat', pseudonym: 'Informan R' },
];

describe('pseudonymiser', () => {
  const p = pseudonymiser(key);
  it.each([
    ['Saya Siti Rahma, pekerja sosial.', 'Saya Informan A, pekerja sosial.'],
    ['the longest name wins: SITI RAHMA and siti', 'the longest name wins: Informan A and Informan A'],
    ['any spaces inside a name: Siti\n  Rahma', 'any spaces inside a name: Informan A'],
    ['whole words only: Sitinurbaya, Budiman, Rahmatullah', 'whole words only: Sitinurbaya, Budiman, Rahmatullah'],
    ['Rahmat is not Rahma', 'Informan R is not Rahma'],
    ["possessive: Budi's office", "possessive: Dewa's office"],
    ['enclitics stay: Budinya, Sitilah, kata Siti Rahmapun', 'enclitics stay: Dewanya, Informan A-lah, kata Informan A-pun'],
    ['(Siti Rahma, 2024)', '(Informan A, 2024)'],
  ])('%s', (input, output) => {
    expect(p.text(input)).toBe(output);
  });

  it('moves marks with the words they mark', () => {
    const text = 'Siti Rahma said pacar, and Budi said pacar too.';
    const marks = [...text.matchAll(/pacar/g)].map((m) => ({ start: m.index!, end: m.index! + 5 }));
    const out = p.marked(text, marks);
    expect(out.text).toBe('Informan A said pacar, and Dewa said pacar too.');
    expect(out.marks.map((m) => out.text.slice(m.start, m.end))).toEqual(['pacar', 'pacar']);
  });

  it('keeps a mark that covers a name around its pseudonym', () => {
    const text = 'told Budi everything';
    const out = p.marked(text, [{ start: 0, end: text.length }, { start: 6, end: 8 }]);
    expect(out.text).toBe('told Dewa everything');
    expect(out.marks).toEqual([{ start: 0, end: out.text.length }, { start: 5, end: 9 }]);
  });

  it('leaves text alone with an empty key', () => {
    expect(pseudonymiser([]).text('Siti')).toBe('Siti');
  });
});

describe('pseudonymise', () => {
  it('replaces names in every string of plain data, without touching the input', () => {
    const data = { title: 'Siti', rows: [{ speaker: 'Budi', n: 3, share: NaN, group: null }], quote: { text: 'Budi: pacar', marks: [{ start: 6, end: 11 }] } };
    const out = pseudonymise(data, key);
    expect(out).toEqual({ title: 'Informan A', rows: [{ speaker: 'Dewa', n: 3, share: NaN, group: null }], quote: { text: 'Dewa: pacar', marks: [{ start: 6, end: 11 }] } });
    expect(data.rows[0].speaker).toBe('Budi');
  });
});
