import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSIONS, formatOfPath } from '../../src/import/formats.js';
import { READERS, readTranscript } from '../../src/io/read-corpus.js';
import { formatMessage } from '../../src/model/message.js';

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const [first, second] = endian === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff];
    bytes[2 + 2 * i] = first;
    bytes[3 + 2 * i] = second;
  }
  return bytes;
}

/** Windows-1252 bytes of a text made of Latin-1 letters and curly quotes. */
function cp1252(text: string): Uint8Array {
  const special: Record<string, number> = { '“': 0x93, '”': 0x94, '’': 0x92, '€': 0x80 };
  return Uint8Array.from([...text].map((c) => special[c] ?? c.charCodeAt(0)));
}

// The same transcript in each text format, with letters outside ASCII.
const SAMPLES: Record<string, string> = {
  txt: 'René: Café “kopi” di Bandung.\nSári: Ya, 5 €.\n',
  vtt: 'WEBVTT\n\n00:01.000 --> 00:02.000\n<v René>Café “kopi” di Bandung.</v>\n\n00:02.000 --> 00:03.000\n<v Sári>Ya, 5 €.</v>\n',
  srt: '1\n00:00:01,000 --> 00:00:02,000\nRené: Café “kopi” di Bandung.\n\n2\n00:00:02,000 --> 00:00:03,000\nSári: Ya, 5 €.\n',
  csv: 'pembicara,teks\r\nRené,Café “kopi” di Bandung.\r\nSári,"Ya, 5 €."\r\n',
  jsonl: '{"id":"r","turns":[{"speaker":"René","text":"Café “kopi” di Bandung."},{"speaker":"Sári","text":"Ya, 5 €."}]}\n',
};
const EXPECTED = [
  ['René', 'Café “kopi” di Bandung.'],
  ['Sári', 'Ya, 5 €.'],
];

async function read(format: string, bytes: Uint8Array) {
  const result = await READERS[format](bytes, `in/sample.${format}`, {});
  const doc = result.corpus.documents[0];
  return { result, turns: doc ? doc.turns.map((t) => [t.speaker, doc.text.slice(t.start, t.end)]) : [] };
}

describe('encodings of every text format', () => {
  const cases = Object.keys(SAMPLES).flatMap(
    (format) =>
      [
        [format, 'utf-8', new TextEncoder().encode(SAMPLES[format])],
        [format, 'utf-8 with BOM', new TextEncoder().encode(`\ufeff${SAMPLES[format]}`)],
        [format, 'utf-16le', utf16(SAMPLES[format], 'le')],
        [format, 'utf-16be', utf16(SAMPLES[format], 'be')],
      ] as const,
  );

  it.each(cases)('%s in %s reads the same turns without a message', async (format, encoding, bytes) => {
    const { result, turns } = await read(format, bytes);
    expect(result.messages).toEqual([]);
    expect(turns).toEqual(EXPECTED);
    expect(result.meta.encoding).toBe(encoding.replace(' with BOM', ''));
  });

  it.each(Object.keys(SAMPLES))('%s in Windows-1252 is read with a warning naming the file', async (format) => {
    const { result, turns } = await read(format, cp1252(SAMPLES[format]));
    expect(turns).toEqual(EXPECTED);
    expect(result.meta.encoding).toBe('windows-1252');
    expect(result.messages).toHaveLength(1);
    expect(formatMessage(result.messages[0])).toMatch(
      new RegExp(`^in/sample\\.${format}: warning: .*Windows-1252.* \\[encoding-fallback\\]$`),
    );
  });

  it.each(Object.keys(SAMPLES))('%s refuses a binary file', async (format) => {
    const { result } = await read(format, Uint8Array.from([0x41, 0x00, 0x42, 0x00, 0x00, 0x43]));
    expect(result.messages[0]).toMatchObject({ ruleId: 'binary-file', fatal: true });
  });
});

describe('format registry', () => {
  it('reaches every reader from an extension', () => {
    expect(new Set(Object.values(EXTENSIONS))).toEqual(new Set(Object.keys(READERS)));
  });

  it.each([
    ['a/Interview.DOCX', 'docx'],
    ['x.webvtt', 'vtt'],
    ['x.srt', 'srt'],
    ['x.sbv', 'sbv'],
    ['x.tsv', 'csv'],
    ['x.xlsx', 'xlsx'],
    ['x.ndjson', 'jsonl'],
    ['x.doc', undefined],
  ])('%s is %s', (file, format) => {
    expect(formatOfPath(file)).toBe(format);
  });
});

describe('a transcript without speaker labels', () => {
  it('is read as one unnamed speaker, with a warning', async () => {
    const text = 'Saya bekerja di unit ini sejak 2019.\nAwalnya berat, tapi teman-teman membantu.\n';
    const result = await READERS.txt(new TextEncoder().encode(text), 'notes.txt', {});
    expect(result.corpus.documents[0].turns.map((t) => t.speaker)).toEqual([null]);
    expect(result.messages.map((m) => [m.ruleId, m.fatal])).toEqual([['no-speakers', false]]);
    const labelled = await READERS.txt(new TextEncoder().encode(`Ani: ${text}`), 'ani.txt', {});
    expect(labelled.messages).toEqual([]);
  });
});

describe('document formats qda does not read', () => {
  it.each(['pdf', 'odt', 'rtf', 'doc', 'pages', 'PDF'])(
    '.%s: save it as .docx or .txt (not --input-format, which loops)',
    async (extension) => {
      const dir = mkdtempSync(join(tmpdir(), 'qda-saveas-'));
      const file = join(dir, `interview.${extension}`);
      writeFileSync(file, 'x');
      const { messages } = await readTranscript(file);
      expect(messages.map((m) => [m.ruleId, m.fatal])).toEqual([['save-as-docx', true]]);
      expect(messages[0].reason).toMatch(/save it as \.docx \(Word\) or \.txt \(plain text\)/);
      expect(messages[0].reason).not.toMatch(/--input-format/);
    },
  );
});
