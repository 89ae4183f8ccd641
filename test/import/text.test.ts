import { describe, expect, it } from 'vitest';
import { fromText } from '../../src/import/text.js';

function read(text: string, file = 't.md') {
  const r = fromText(text, { file });
  const doc = r.corpus.documents[0];
  return {
    r,
    doc,
    turns: doc ? doc.turns.map((t) => ({ speaker: t.speaker, timestamp: t.timestamp, text: doc.text.slice(t.start, t.end) })) : [],
  };
}

describe('fromText: speaker labels', () => {
  it.each([
    [
      'plain',
      'Ani: Halo.\nBudi: Hai juga.',
      [
        ['Ani', 'Halo.'],
        ['Budi', 'Hai juga.'],
      ],
    ],
    [
      'bold inside',
      '**Ani:** Halo.\n**Budi:** Hai.',
      [
        ['Ani', 'Halo.'],
        ['Budi', 'Hai.'],
      ],
    ],
    [
      'bold outside colon',
      '**Ani**: Halo.\n**Budi**: Hai.',
      [
        ['Ani', 'Halo.'],
        ['Budi', 'Hai.'],
      ],
    ],
    [
      'upper case',
      'INTERVIEWER: Hello.\nSARI: Hi.',
      [
        ['INTERVIEWER', 'Hello.'],
        ['SARI', 'Hi.'],
      ],
    ],
    [
      'two words',
      'Speaker 1: One.\nSpeaker 2: Two.',
      [
        ['Speaker 1', 'One.'],
        ['Speaker 2', 'Two.'],
      ],
    ],
    [
      'tab padding',
      'Max Bigman:\tHello there.\nadmin-1:\tNo.\nMax Bigman:\tOk.',
      [
        ['Max Bigman', 'Hello there.\nadmin-1:\tNo.'],
        ['Max Bigman', 'Ok.'],
      ],
    ],
    [
      'continuation lines',
      'Ani: Satu\ndua\n\ntiga.\nBudi: Ya.',
      [
        ['Ani', 'Satu\ndua\n\ntiga.'],
        ['Budi', 'Ya.'],
      ],
    ],
    ['no labels', 'Hanya teks.\nTanpa pembicara.', [[null, 'Hanya teks.\nTanpa pembicara.']]],
    [
      'sentence with colon is not a label',
      'Ani: Ada tiga hal.\nContoh: keluarga.\nBudi: Ok.\nAni: Ya.',
      [
        ['Ani', 'Ada tiga hal.\nContoh: keluarga.'],
        ['Budi', 'Ok.'],
        ['Ani', 'Ya.'],
      ],
    ],
    [
      'url is not a label',
      'Ani: lihat\nhttp://example.org\nAni: ok',
      [
        ['Ani', 'lihat\nhttp://example.org'],
        ['Ani', 'ok'],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(read(text).turns.map((t) => [t.speaker, t.text])).toEqual(expected);
  });

  it.each([
    ['[00:12:03] Sari: Halo.\n[00:12:09] Budi: Hai.', ['00:12:03', '00:12:09']],
    ['Sari (00:12:03): Halo.\nBudi (1:02:09): Hai.', ['00:12:03', '01:02:09']],
    ['[12:03] Sari: Halo.\n[12:09] Sari: Lagi.', ['00:12:03', '00:12:09']],
  ])('keeps timestamps: %j', (text, expected) => {
    const { turns } = read(text);
    expect(turns.map((t) => t.timestamp)).toEqual(expected);
    expect(turns.map((t) => t.speaker)[0]).toBe('Sari');
  });
});

describe('fromText: front matter and participants', () => {
  const text = [
    '---',
    'id: informan-09',
    'title: Wawancara',
    'date: 2025-03-14',
    'language: id',
    'participants:',
    '  - name: Pewawancara',
    '    role: interviewer',
    '  - name: Sari',
    '    role: social worker',
    'years: 7',
    '---',
    'Pewawancara: Apa kabar?',
    'Sari: Baik. Catatan: ini penting.',
    'Lainnya: tidak dikenal',
    '',
  ].join('\n');

  it('reads attributes, language and roles', () => {
    const { doc, r } = read(text, 'x/informan.md');
    expect(doc.id).toBe('informan-09');
    expect(doc.language).toBe('id');
    expect(doc.attributes).toMatchObject({ title: 'Wawancara', date: '2025-03-14', years: 7 });
    expect(doc.participants.map((p) => [p.name, p.role])).toEqual([
      ['Pewawancara', 'interviewer'],
      ['Sari', 'social worker'],
    ]);
    expect(doc.turns.map((t) => t.speaker)).toEqual(['Pewawancara', 'Sari']);
    // "Lainnya:" is not a declared participant, so it stays text of Sari's turn.
    expect(doc.text.slice(doc.turns[1].start, doc.turns[1].end)).toBe('Baik. Catatan: ini penting.\nLainnya: tidak dikenal');
    expect(r.messages).toEqual([]);
  });

  it('uses the file name as id without front matter', () => {
    expect(read('Ani: x', 'a/b/wawancara-3.txt').doc.id).toBe('wawancara-3');
  });

  it('locates YAML errors in the file', () => {
    const r = fromText('---\nid: a\ntitle: [unclosed\n---\nAni: x\n', { file: 'bad.md' });
    expect(r.corpus.documents).toEqual([]);
    expect(r.messages[0]).toMatchObject({ file: 'bad.md', fatal: true, ruleId: 'front-matter-yaml' });
    expect(r.messages[0].line).toBeGreaterThanOrEqual(3);
  });
});

describe('fromText: bytes that trip readers', () => {
  it('strips the BOM, normalises CRLF, keeps tabs, NBSP and emoji at exact offsets', () => {
    const raw = '\uFEFFAni: Halo\u00a0semua 😀\r\nBudi:\tYa\tbenar 🙏\r\n';
    const { doc, turns } = read(raw);
    expect(doc.text).toBe('Ani: Halo\u00a0semua 😀\nBudi:\tYa\tbenar 🙏\n');
    expect(turns.map((t) => t.text)).toEqual(['Halo\u00a0semua 😀', 'Ya\tbenar 🙏']);
  });

  it('reports an empty file', () => {
    for (const empty of ['', '\uFEFF', '  \r\n\n']) {
      const r = fromText(empty, { file: 'e.txt' });
      expect(r.corpus.documents).toEqual([]);
      expect(r.messages).toEqual([expect.objectContaining({ ruleId: 'empty-file', fatal: true, file: 'e.txt' })]);
    }
  });

  it('skips Markdown headings in .md files only', () => {
    expect(read('# Judul\nAni: Halo.\n## Bagian\nAni: Lagi.', 'x.md').turns.map((t) => t.text)).toEqual(['Halo.', 'Lagi.']);
  });
});

describe('transcript exports as they come', () => {
  it('reads an Otter .txt: "Speaker 1  0:00" on its own line, then the text', () => {
    const otter =
      'Speaker 1  0:00\nSo tell me how you started.\n\nSpeaker 2  0:07\nWell, I started in 2019.\nIt was hard at first.\n\nSpeaker 1  1:02:21\nAnd your colleagues?\n';
    const doc = fromText(otter, { file: 'otter.txt' }).corpus.documents[0];
    expect(doc.turns.map((t) => [t.speaker, t.timestamp, otter.slice(t.start, t.end)])).toEqual([
      ['Speaker 1', '00:00:00', 'So tell me how you started.'],
      ['Speaker 2', '00:00:07', 'Well, I started in 2019.\nIt was hard at first.'],
      ['Speaker 1', '01:02:21', 'And your colleagues?'],
    ]);
  });

  it('does not take a line such as "meeting at 10:30" for a speaker', () => {
    const doc = fromText('Ani: Kami ketemu lagi\nmeeting at 10:30\nlalu pulang.\n', { file: 'a.txt' }).corpus.documents[0];
    expect(doc.turns.map((t) => t.speaker)).toEqual(['Ani']);
  });
});

describe('fromText with very many speakers', () => {
  it('lists 100,000 distinct speakers once each, in order (a quadratic lookup never finished)', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `Speaker${i}: kata ${i}\nSpeaker${i}: lagi`).join('\n');
    const doc = fromText(text, { file: 'many.txt', format: 'txt' }).corpus.documents[0];
    expect(doc.turns).toHaveLength(200_000);
    expect(doc.participants).toHaveLength(100_000);
    expect(doc.participants[99_999].name).toBe('Speaker99999');
  });
});
