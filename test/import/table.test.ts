import writeExcelFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { fromCsv, fromXlsx, type TableImportOptions } from '../../src/import/table.js';
import type { ImportResult } from '../../src/model/document.js';

const csv = (text: string, options: Partial<TableImportOptions> = {}) => fromCsv(text, { file: 'data/t.csv', format: 'csv', ...options });

function turns(result: ImportResult) {
  return result.corpus.documents.map((d) => ({
    id: d.id,
    turns: d.turns.map((t) => [t.speaker, t.timestamp ?? null, d.text.slice(t.start, t.end)]),
  }));
}

const rules = (result: ImportResult) => result.messages.map((m) => [m.ruleId, m.line, m.column, m.fatal]);

describe('fromCsv: utterance tables', () => {
  it.each([
    [
      'Indonesian headers, semicolons, timestamps normalised',
      'Waktu;Pembicara;Teks\n0:05;Pewawancara;Apa kabar?\n00:00:09;Sari;Baik, terima kasih.\n',
      {},
      [
        {
          id: 't',
          turns: [
            ['Pewawancara', '00:00:05', 'Apa kabar?'],
            ['Sari', '00:00:09', 'Baik, terima kasih.'],
          ],
        },
      ],
    ],
    [
      'English headers with underscores, no time column',
      'speaker_name,utterance\nAni,Halo.\nBudi,"Hai, Ani."\n',
      {},
      [
        {
          id: 't',
          turns: [
            ['Ani', null, 'Halo.'],
            ['Budi', null, 'Hai, Ani.'],
          ],
        },
      ],
    ],
    [
      'many documents, a blank document cell continuing the one above',
      'document,speaker,text\nw1,Ani,Satu.\n,Budi,Dua.\nw2,Ani,Tiga.\nw1,Ani,Empat.\n',
      {},
      [
        {
          id: 'w1',
          turns: [
            ['Ani', null, 'Satu.'],
            ['Budi', null, 'Dua.'],
            ['Ani', null, 'Empat.'],
          ],
        },
        { id: 'w2', turns: [['Ani', null, 'Tiga.']] },
      ],
    ],
    [
      'columns chosen by header, number and letter',
      'a,b,c,d\nx1,Ani,00:01,Halo.\nx2,Budi,00:02,Hai.\n',
      { speakerColumn: 'B', textColumn: '4', timeColumn: 'c', documentColumn: 'A' },
      [
        { id: 'x1', turns: [['Ani', '00:00:01', 'Halo.']] },
        { id: 'x2', turns: [['Budi', '00:00:02', 'Hai.']] },
      ],
    ],
    [
      'no speaker column: turns without speaker; seconds as time',
      'text,time\nSatu.,83.5\nDua.,90\n',
      {},
      [
        {
          id: 't',
          turns: [
            [null, '00:01:23.500', 'Satu.'],
            [null, '00:01:30.000', 'Dua.'],
          ],
        },
      ],
    ],
    [
      'multi-line cells keep their lines',
      'speaker,text\r\nAni,"Baris satu\r\nbaris dua"\r\n',
      {},
      [{ id: 't', turns: [['Ani', null, 'Baris satu\nbaris dua']] }],
    ],
  ])('%s', (_name, text, options, expected) => {
    const result = csv(text, options);
    expect(result.messages).toEqual([]);
    expect(turns(result)).toEqual(expected);
  });

  it('locates problems at the file line where the row starts, across multi-line cells', () => {
    const result = csv('speaker,text,time\nAni,"satu\ndua",00:01\n\nBudi,,00:02\nSari,ok,kemarin\n');
    expect(rules(result)).toEqual([
      ['empty-text', 5, 2, false],
      ['bad-timestamp', 6, 3, false],
    ]);
    expect(turns(result)[0].turns).toEqual([
      ['Ani', '00:00:01', 'satu\ndua'],
      ['Sari', null, 'ok'],
    ]);
  });

  it.each([
    ['no text column', 'speaker,words\nAni,Halo\n', {}, 'no-text-column'],
    ['an unknown chosen column', 'speaker,text\nAni,Halo\n', { textColumn: 'ucapan' }, 'unknown-column'],
    ['an unclosed quote', 'speaker,text\nAni,"Halo\nBudi,Hai\n', {}, 'csv-quotes'],
    ['an empty table', '\n\n', {}, 'empty-file'],
    ['rows without text', 'speaker,text\nAni,\n', {}, 'empty-file'],
  ])('%s is fatal', (_name, text, options, rule) => {
    const result = csv(text, options);
    expect(result.corpus.documents).toEqual([]);
    expect(result.messages.some((m) => m.fatal && m.ruleId === rule && m.file === 'data/t.csv')).toBe(true);
  });

  it('names the columns in the message about a missing text column', () => {
    expect(csv('pembicara,ucapan\nAni,Halo\n').messages[0]).toMatchObject({
      line: 1,
      reason: expect.stringContaining('"pembicara", "ucapan"'),
    });
  });

  it('reads roles and columns constant in a document as attributes', () => {
    const doc = csv(
      'dokumen,pembicara,teks,peran,lokasi,menit\nw1,Ani,Satu.,pewawancara,Bandung,1\nw1,Sari,Dua.,pekerja sosial,Bandung,2\n',
    ).corpus.documents[0];
    expect(doc.participants).toEqual([
      { name: 'Ani', role: 'pewawancara', attributes: {} },
      { name: 'Sari', role: 'pekerja sosial', attributes: {} },
    ]);
    expect(doc.attributes).toEqual({ lokasi: 'Bandung' });
  });
});

describe('fromCsv --survey', () => {
  const survey = [
    'Responden,Usia,Wilayah,Apa tantangan terbesar?,Dukungan apa yang Anda butuhkan',
    'A01,34,Jawa Barat,Beban kasus yang terlalu banyak untuk satu orang,Supervisi rutin dan pelatihan lanjutan',
    'A02,41,Bali,,Ruang konseling yang lebih layak untuk klien',
    'A03,29,Jawa Barat,Kepercayaan klien di awal pendampingan,Ya',
  ].join('\n');

  it('gives one document per question, answers as turns of the respondents', () => {
    const result = csv(survey, { survey: true });
    expect(result.messages).toEqual([]);
    expect(turns(result)).toEqual([
      {
        id: 't-apa-tantangan-terbesar',
        turns: [
          ['A01', null, 'Beban kasus yang terlalu banyak untuk satu orang'],
          ['A03', null, 'Kepercayaan klien di awal pendampingan'],
        ],
      },
      {
        id: 't-dukungan-apa-yang-anda-butuhkan',
        turns: [
          ['A01', null, 'Supervisi rutin dan pelatihan lanjutan'],
          ['A02', null, 'Ruang konseling yang lebih layak untuk klien'],
          ['A03', null, 'Ya'],
        ],
      },
    ]);
    const [first] = result.corpus.documents;
    expect(first.attributes).toEqual({ question: 'Apa tantangan terbesar?' });
    expect(first.participants).toEqual([
      { name: 'A01', attributes: { Usia: '34', Wilayah: 'Jawa Barat' } },
      { name: 'A03', attributes: { Usia: '29', Wilayah: 'Jawa Barat' } },
    ]);
  });

  it('takes the question columns from --text-col and numbers respondents without an id column', () => {
    const result = csv('kota,q1,q2\nBandung,satu dua,tiga\nBogor,empat,lima\n', { survey: true, textColumn: 'q1, q2' });
    expect(turns(result)).toEqual([
      {
        id: 't-q1',
        turns: [
          ['R1', null, 'satu dua'],
          ['R2', null, 'empat'],
        ],
      },
      {
        id: 't-q2',
        turns: [
          ['R1', null, 'tiga'],
          ['R2', null, 'lima'],
        ],
      },
    ]);
  });

  it.each([
    ['no open question', 'id,usia\nA1,30\n', {}, 'no-text-column'],
    ['an unknown question column', 'id,q1\nA1,x\n', { textColumn: 'q1,q9' }, 'unknown-column'],
    ['an unknown respondent column', 'id,q1\nA1,x\n', { speakerColumn: 'nama', textColumn: 'q1' }, 'unknown-column'],
  ])('%s is fatal', (_name, text, options, rule) => {
    const result = csv(text, { survey: true, ...options });
    expect(result.messages.find((m) => m.fatal)?.ruleId).toBe(rule);
  });

  it('warns about duplicate respondents and options that do not apply', () => {
    const result = csv('id,q1\nA1,satu dua tiga empat\nA1,lima enam tujuh delapan\n', { survey: true, timeColumn: 'x' });
    expect(rules(result)).toEqual([
      ['unused-option', 1, 1, false],
      ['duplicate-respondent', 3, 1, false],
    ]);
  });
});

describe('fromXlsx', () => {
  const xlsx = async (sheets: Parameters<typeof writeExcelFile>[0]) => new Uint8Array(await writeExcelFile(sheets).toBuffer());

  it('reads the first sheet with typed cells and warns about other sheets with data', async () => {
    const bytes = await xlsx([
      {
        sheet: 'Transkrip',
        data: [
          ['Time', 'Speaker', 'Text', 'Menit'],
          [{ value: new Date(Date.UTC(1899, 11, 30, 0, 1, 23)), type: Date, format: 'hh:mm:ss' }, 'Ani', 'Halo.', 1],
          ['00:02:00', 'Budi', { value: 42, type: Number }, 1],
        ],
      },
      { sheet: 'Catatan', data: [['catatan lain']] },
    ]);
    const result = await fromXlsx(bytes, { file: 'w.xlsx', format: 'xlsx' });
    expect(turns(result)).toEqual([
      {
        id: 'w',
        turns: [
          ['Ani', '00:01:23', 'Halo.'],
          ['Budi', '00:02:00', '42'],
        ],
      },
    ]);
    expect(result.corpus.documents[0].attributes).toEqual({ Menit: 1 });
    expect(rules(result)).toEqual([['other-sheets', 0, 0, false]]);
  });

  it('locates rows by sheet row', async () => {
    const bytes = await xlsx([
      {
        sheet: 'S',
        data: [
          ['speaker', 'text'],
          ['Ani', 'x'],
          ['Budi', null],
        ],
      },
    ]);
    expect(rules(await fromXlsx(bytes, { file: 'w.xlsx', format: 'xlsx' }))).toEqual([['empty-text', 3, 2, false]]);
  });

  it('refuses bytes that are not a workbook', async () => {
    const result = await fromXlsx(new TextEncoder().encode('speaker,text\nAni,Halo\n'), { file: 'w.xlsx', format: 'xlsx' });
    expect(result.corpus.documents).toEqual([]);
    expect(result.messages[0]).toMatchObject({ ruleId: 'xlsx-unreadable', fatal: true, file: 'w.xlsx' });
  });
});
