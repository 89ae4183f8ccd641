// Writes the same fictional interview (interview.md, the plain-text reference) in every other
// transcript format qda reads: interview.docx (bold speaker labels), interview.vtt (Teams-style
// <v Name> voice tags, long turns split over several cues), interview.srt (Otter-style
// "Name:" prefixes), interview.csv (Indonesian headers) and interview.xlsx (document and role
// columns). Run from the repository root:  npx tsx data-sample/formats/make-formats.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import Papa from 'papaparse';
import writeExcelFile from 'write-excel-file/node';
import { docxBytes, type DocxTestBlock } from '../../test/helpers/docx.js';

interface Turn {
  speaker: string;
  text: string;
  /** Seconds from the start of the recording. */
  start: number;
  /** The turn split into caption cues of at most CUE_WORDS words. */
  cues: Array<{ text: string; start: number; end: number }>;
}

const here = dirname(fileURLToPath(import.meta.url));
const CUE_WORDS = 14;
const LINE_CHARS = 42;
const ROLES: Record<string, string> = { Pewawancara: 'pewawancara', 'Wulan Sari': 'pekerja sosial' };

const source = readFileSync(join(here, 'interview.md'), 'utf8');
const title = /^# (.+)$/m.exec(source)![1];
const turns: Turn[] = [];
let clock = 5;
for (const [, speaker, text] of source.matchAll(/^([^#\n:][^:\n]{0,40}): (.+)$/gm)) {
  const words = text.split(' ');
  const cues: Turn['cues'] = [];
  const start = clock;
  for (let i = 0; i < words.length; i += CUE_WORDS) {
    const chunk = words.slice(i, i + CUE_WORDS);
    const end = clock + Math.max(1.5, chunk.length * 0.42);
    cues.push({ text: chunk.join(' '), start: clock, end });
    clock = end;
  }
  clock += 0.6;
  turns.push({ speaker, text, start, cues });
}

function time(seconds: number, separator: '.' | ','): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${separator}${pad(ms % 1000, 3)}`;
}

/** Caption lines of at most LINE_CHARS characters, broken at spaces. */
function wrap(text: string): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= LINE_CHARS) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

const escapeVtt = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const blocks: DocxTestBlock[] = [
  { heading: title },
  ...turns.map((t): DocxTestBlock => ({ paragraph: [{ text: `${t.speaker}:`, bold: true }, { text: ` ${t.text}` }] })),
];
writeFileSync(join(here, 'interview.docx'), docxBytes(blocks));

const vttCues = turns.flatMap((t) => t.cues.map((c) => `${time(c.start, '.')} --> ${time(c.end, '.')}\n<v ${t.speaker}>${wrap(escapeVtt(c.text)).join('\n')}</v>`));
writeFileSync(join(here, 'interview.vtt'), `WEBVTT\nKind: captions\nLanguage: id\n\n${vttCues.join('\n\n')}\n`);

const srtCues = turns.flatMap((t) => t.cues.map((c) => ({ speaker: t.speaker, ...c })))
  .map((c, i) => `${i + 1}\n${time(c.start, ',')} --> ${time(c.end, ',')}\n${wrap(`${c.speaker}: ${c.text}`).join('\n')}`);
writeFileSync(join(here, 'interview.srt'), `${srtCues.join('\n\n')}\n`);

const csvRows = turns.map((t) => [time(t.start, '.').slice(0, 8), t.speaker, t.text]);
writeFileSync(join(here, 'interview.csv'), `${Papa.unparse({ fields: ['waktu', 'pembicara', 'teks'], data: csvRows })}\r\n`);

const sheet = [
  ['dokumen', 'pembicara', 'teks', 'peran'],
  ...turns.map((t) => ['interview', t.speaker, t.text, ROLES[t.speaker] ?? '']),
];
// Zipped again with a fixed date, so that running the script twice gives the same bytes.
const xlsx = unzipSync(new Uint8Array(await writeExcelFile(sheet).toBuffer()));
const mtime = new Date('2025-01-01T00:00:00Z');
writeFileSync(join(here, 'interview.xlsx'), zipSync(Object.fromEntries(Object.entries(xlsx).map(([name, data]) => [name, [data, { mtime }]])), { level: 6 }));
console.log(`wrote ${turns.length} turns in 5 formats to ${here}`);
