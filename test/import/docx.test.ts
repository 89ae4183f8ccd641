import { describe, expect, it } from 'vitest';
import { fromDocx } from '../../src/import/docx.js';
import { docxBytes, type DocxTestBlock } from '../helpers/docx.js';

async function read(blocks: DocxTestBlock[]) {
  const result = await fromDocx(docxBytes(blocks), { file: 'w/wawancara.docx' });
  const doc = result.corpus.documents[0];
  return { result, doc, turns: doc ? doc.turns.map((t) => [t.speaker, t.timestamp ?? null, doc.text.slice(t.start, t.end)]) : [] };
}

const b = (text: string) => ({ text, bold: true });

describe('fromDocx', () => {
  it.each<[string, DocxTestBlock[], Array<Array<string | null>>]>([
    [
      'plain labels',
      [{ paragraph: 'Ani: Halo.' }, { paragraph: 'Budi: Hai.' }],
      [
        ['Ani', null, 'Halo.'],
        ['Budi', null, 'Hai.'],
      ],
    ],
    [
      'bold labels with the colon inside or outside the bold run',
      [{ paragraph: [b('Pewawancara:'), { text: ' Apa kabar?' }] }, { paragraph: [b('Sari'), { text: ': Baik.' }] }],
      [
        ['Pewawancara', null, 'Apa kabar?'],
        ['Sari', null, 'Baik.'],
      ],
    ],
    [
      'recurring bold names without a colon, lower case too',
      [
        { paragraph: [b('interviewer'), { text: ' Apa kabar?' }] },
        { paragraph: [b('R1'), { text: ' Baik.' }] },
        { paragraph: [b('interviewer'), { text: ' Lalu?' }] },
        { paragraph: [b('R1'), { text: ' Begitu.' }] },
        { paragraph: [b('interviewer'), { text: ' Terima kasih.' }] },
      ],
      [
        ['interviewer', null, 'Apa kabar?'],
        ['R1', null, 'Baik.'],
        ['interviewer', null, 'Lalu?'],
        ['R1', null, 'Begitu.'],
        ['interviewer', null, 'Terima kasih.'],
      ],
    ],
    [
      'a bold name alone on its line opens a turn of the paragraphs below',
      [
        { paragraph: [b('SARI')] },
        { paragraph: 'Satu.' },
        { paragraph: 'Dua.' },
        { paragraph: [b('BUDI')] },
        { paragraph: 'Tiga.' },
        { paragraph: [b('SARI')] },
        { paragraph: 'Empat.' },
        { paragraph: [b('BUDI')] },
        { paragraph: 'Lima.' },
      ],
      [
        ['SARI', null, 'Satu.\n\nDua.'],
        ['BUDI', null, 'Tiga.'],
        ['SARI', null, 'Empat.'],
        ['BUDI', null, 'Lima.'],
      ],
    ],
    [
      'a bold word used once is emphasis, not a speaker',
      [{ paragraph: 'Ani: Ada hal penting.' }, { paragraph: [b('Penting'), { text: ' sekali untuk dicatat.' }] }],
      [['Ani', null, 'Ada hal penting.\n\nPenting sekali untuk dicatat.']],
    ],
    [
      'headings end turns and belong to none',
      [{ heading: 'Sesi 1' }, { paragraph: 'Ani: Halo.' }, { heading: 'Sesi 2', level: 2 }, { paragraph: 'Lanjutan tanpa label.' }],
      [
        ['Ani', null, 'Halo.'],
        [null, null, 'Lanjutan tanpa label.'],
      ],
    ],
    [
      'a speaker | text table, a continuation row without speaker',
      [
        {
          table: [
            ['Ani', 'Halo.'],
            ['Budi', 'Hai.'],
            ['', 'Apa kabar?'],
            ['Ani', 'Baik.'],
          ],
        },
      ],
      [
        ['Ani', null, 'Halo.'],
        ['Budi', null, 'Hai.\n\nApa kabar?'],
        ['Ani', null, 'Baik.'],
      ],
    ],
    [
      'a time | speaker | text table with lower-case speakers',
      [
        {
          table: [
            ['00:01', 'pewawancara', 'Halo.'],
            ['00:05', 'informan', 'Hai.'],
            ['00:09', 'pewawancara', 'Lanjut.'],
          ],
        },
      ],
      [
        ['pewawancara', '00:00:01', 'Halo.'],
        ['informan', '00:00:05', 'Hai.'],
        ['pewawancara', '00:00:09', 'Lanjut.'],
      ],
    ],
    [
      'a table with an Indonesian header row',
      [
        {
          table: [
            ['Waktu', 'Pembicara', 'Teks'],
            ['0:00:03', 'Ani', 'Halo.\n\nParagraf kedua.'],
            ['0:00:07', 'Budi', 'Hai.'],
          ],
        },
      ],
      [
        ['Ani', '00:00:03', 'Halo.\n\nParagraf kedua.'],
        ['Budi', '00:00:07', 'Hai.'],
      ],
    ],
    [
      'a table that is not a transcript is read cell by cell',
      [
        { paragraph: 'Ani: Lihat tabel.' },
        {
          table: [
            ['Kota', 'Bandung'],
            ['Tahun', '2024'],
          ],
        },
      ],
      [['Ani', null, 'Lihat tabel.\n\nKota\n\nBandung\n\nTahun\n\n2024']],
    ],
    [
      'line breaks and tabs inside a paragraph',
      [{ paragraph: 'Ani: satu\ndua\tdan tiga' }, { paragraph: 'Budi: ya' }],
      [
        ['Ani', null, 'satu\ndua\tdan tiga'],
        ['Budi', null, 'ya'],
      ],
    ],
  ])('%s', async (_name, blocks, expected) => {
    const { turns, result } = await read(blocks);
    expect(result.messages).toEqual([]);
    expect(turns).toEqual(expected);
  });

  it('is a docx document named after the file, with headings kept in the text', async () => {
    const { doc, result } = await read([{ heading: 'Wawancara' }, { paragraph: [b('Ani:'), { text: ' Halo 😀.' }] }]);
    expect(result.meta.format).toBe('docx');
    expect(doc).toMatchObject({ id: 'wawancara', format: 'docx', file: 'w/wawancara.docx', text: '# Wawancara\n\nAni: Halo 😀.' });
  });

  it('gives a fatal message for an empty document', async () => {
    const { result } = await read([{ paragraph: '' }]);
    expect(result.messages[0]).toMatchObject({ ruleId: 'empty-file', fatal: true });
  });

  it.each([
    ['text bytes', new TextEncoder().encode('Ani: Halo.')],
    ['a zip without a document', docxBytes([]).slice(0, 40)],
  ])('refuses %s with a located fatal message', async (_name, bytes) => {
    const result = await fromDocx(bytes, { file: 'x.docx' });
    expect(result.corpus.documents).toEqual([]);
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({ file: 'x.docx', ruleId: 'docx-unreadable', fatal: true });
  });
});

describe('a Teams/Zoom-style Word transcript', () => {
  it('reads "Name  0:03" paragraphs as speakers with timestamps, the paragraph after as the turn', async () => {
    const bytes = docxBytes([
      { paragraph: 'Rina Putri   0:03' },
      { paragraph: 'Terima kasih sudah mau diwawancara.' },
      { paragraph: 'Budi Santoso   0:11' },
      { paragraph: 'Sama-sama, saya senang bisa membantu.' },
      { paragraph: 'Rina Putri   1:15' },
      { paragraph: 'Bagaimana awalnya?' },
    ]);
    const doc = (await fromDocx(bytes, { file: 'teams.docx' })).corpus.documents[0];
    expect(doc.turns.map((t) => [t.speaker, t.timestamp, doc.text.slice(t.start, t.end)])).toEqual([
      ['Rina Putri', '00:00:03', 'Terima kasih sudah mau diwawancara.'],
      ['Budi Santoso', '00:00:11', 'Sama-sama, saya senang bisa membantu.'],
      ['Rina Putri', '00:01:15', 'Bagaimana awalnya?'],
    ]);
  });
});
