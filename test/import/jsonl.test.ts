import { describe, expect, it } from 'vitest';
import { fromJsonl } from '../../src/import/jsonl.js';

const read = (text: string) => fromJsonl(text, { file: 'c/corpus.jsonl' });
const turns = (text: string) =>
  read(text).corpus.documents.map((d) => [d.id, d.turns.map((t) => [t.speaker, t.timestamp ?? null, d.text.slice(t.start, t.end)])]);

describe('fromJsonl', () => {
  it.each([
    [
      'text without labels is one turn',
      '{"id":"a","text":"Hanya satu paragraf.\\nDua baris."}',
      [['a', [[null, null, 'Hanya satu paragraf.\nDua baris.']]]],
    ],
    [
      'text with labels is read as a transcript',
      '{"id":"b","text":"Ani: Halo.\\nBudi: Hai."}',
      [
        [
          'b',
          [
            ['Ani', null, 'Halo.'],
            ['Budi', null, 'Hai.'],
          ],
        ],
      ],
    ],
    [
      'turns as given, utterance accepted for text',
      '{"id":"c","turns":[{"speaker":"Ani","text":"Halo.","timestamp":"0:05"},{"speaker":"Budi","utterance":"Hai."},{"text":"Tanpa nama."}]}',
      [
        [
          'c',
          [
            ['Ani', '00:00:05', 'Halo.'],
            ['Budi', null, 'Hai.'],
            [null, null, 'Tanpa nama.'],
          ],
        ],
      ],
    ],
    [
      'blank lines and CRLF',
      '\r\n{"id":"d","text":"x"}\r\n\r\n{"id":"e","text":"y"}\r\n',
      [
        ['d', [[null, null, 'x']]],
        ['e', [[null, null, 'y']]],
      ],
    ],
    [
      'records without id are named by line',
      '{"text":"x"}\n{"turns":[{"text":"y"}]}',
      [
        ['corpus-1', [[null, null, 'x']]],
        ['corpus-2', [[null, null, 'y']]],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(read(text).messages).toEqual([]);
    expect(turns(text)).toEqual(expected);
  });

  it('keeps other keys as attributes and reads participants and language', () => {
    const doc = read(
      '{"id":"a","language":"id","kota":"Bandung","tahun":2024,"participants":[{"name":"Ani","role":"interviewer"}],"turns":[{"speaker":"Ani","text":"Halo."}]}',
    ).corpus.documents[0];
    expect(doc).toMatchObject({ format: 'jsonl', language: 'id', attributes: { kota: 'Bandung', tahun: 2024 }, text: 'Ani: Halo.' });
    expect(doc.participants).toEqual([{ name: 'Ani', role: 'interviewer', attributes: {} }]);
  });

  it('locates bad lines and still reads the good ones', () => {
    const result = read(
      '{"id":"a","text":"x"}\nnot json\n[1,2]\n{"id":"b"}\n{"id":"c","turns":[{"speaker":"A"}]}\n{"id":"d","turns":[{"text":"ok","timestamp":"kemarin"}]}',
    );
    expect(result.corpus.documents.map((d) => d.id)).toEqual(['a', 'd']);
    expect(result.messages.map((m) => [m.line, m.ruleId, m.fatal])).toEqual([
      [2, 'jsonl-syntax', true],
      [3, 'jsonl-shape', true],
      [4, 'jsonl-shape', true],
      [5, 'jsonl-turn', false],
      [5, 'jsonl-shape', true],
      [6, 'bad-timestamp', false],
    ]);
  });

  it('gives a fatal message for an empty file', () => {
    expect(read('\n \n').messages).toMatchObject([{ ruleId: 'empty-file', fatal: true, file: 'c/corpus.jsonl' }]);
  });
});
