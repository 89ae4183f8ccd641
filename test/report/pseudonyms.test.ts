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

describe('pseudonymiser: forms of a name that read the same', () => {
  const p = pseudonymiser([
    { name: 'Nurlaila', pseudonym: 'Informan A' },
    { name: 'Fauzan Hidayat', pseudonym: 'Informan B' },
    { name: 'Fauzan', pseudonym: 'Informan B' },
    { name: 'Indah', pseudonym: 'Informan I' },
  ]);
  it.each([
    ['enclitic -ku', 'kata Nurlailaku', 'kata Informan A-ku'],
    ['enclitic -mu', 'kata Nurlailamu', 'kata Informan A-mu'],
    ['stacked enclitics', 'Nurlailanyalah yang datang', 'Informan A-nyalah yang datang'],
    ['-kah and -pun', 'Nurlailakah? Nurlailapun', 'Informan A-kah? Informan A-pun'],
    ['digits', 'Nurlaila2 dan Nurlaila12', 'Informan A-2 dan Informan A-12'],
    ['hyphen-joined full name', 'Fauzan-Hidayat bilang', 'Informan B bilang'],
    ['en dash between the words', 'Fauzan–Hidayat', 'Informan B'],
    ['soft hyphen', 'Nur\u00ADlaila bilang', 'Informan A bilang'],
    ['zero-width space', 'Nurlai\u200Bla bilang', 'Informan A bilang'],
    ['combining accent', 'Nurlai\u0301la bilang', 'Informan A bilang'],
    ['precomposed accent', 'Nurlaíla bilang', 'Informan A bilang'],
    ['Turkish dotted capital I', 'İNDAH dan İndah', 'Informan I dan Informan I'],
    ['fullwidth letters', 'Ｎｕｒｌａｉｌａ bilang', 'Informan A bilang'],
    ['not inside other words', 'Nurlailah2x Fauzanah', 'Nurlailah2x Fauzanah'],
  ])('%s', (_, input, output) => {
    expect(p.text(input)).toBe(output);
  });

  it('keeps marks on the words around a folded name', () => {
    const text = 'Ｎｕｒ\u00ADlaila said pacar.';
    const out = p.marked(text, [{ start: text.indexOf('pacar'), end: text.indexOf('pacar') + 5 }]);
    expect(out.text).toBe('Informan A said pacar.');
    expect(out.text.slice(out.marks[0].start, out.marks[0].end)).toBe('pacar');
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
