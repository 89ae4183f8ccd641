import { message, type Message } from '../model/message.js';
import type { Attributes, Document, ImportResult, Participant, Turn } from '../model/document.js';
import { normaliseText } from '../text/normalise.js';
import { readFrontMatter, readParticipants, toAttributeValue } from './front-matter.js';
import { fileStem } from '../util/file-name.js';
import { normaliseTimestamp, TIMESTAMP_PATTERN } from './timestamp.js';
import { checkReaderOptions } from './reader-options.js';
import { checkAttributes, checkChoice, checkList, checkObjectList } from '../util/options.js';

/** Options of the plain-text and Markdown reader. */
export interface TextImportOptions {
  /** Path or label used in messages and as the default document id. */
  file: string;
  /** `md` also skips Markdown headings and rules between turns. Default: from the file extension. */
  format?: 'txt' | 'md';
  /** Language when the front matter has none. */
  language?: string;
  /** Document id when the front matter has none (default: the file name without extension). */
  id?: string;
  /** Participants known from elsewhere (e.g. a JSONL record), used like front-matter ones. */
  participants?: Participant[];
  /** Attributes known from elsewhere; front matter wins on a clash. */
  attributes?: Attributes;
  /**
   * Names known to be speakers from the layout (e.g. bold labels or a speaker column of a
   * DOCX): their labels are always turns, without making other labels stricter as
   * participants do.
   */
  speakers?: string[];
}

const TS = TIMESTAMP_PATTERN;
// [00:12:03] Name:  |  **Name:**  |  **Name**:  |  NAME:  |  Name (00:12:03):
const LABEL = new RegExp(
  String.raw`^[ \t]*(?:[\[(](${TS})[\])][ \t]*)?(\*\*|__)?([\p{L}\p{N}][\p{L}\p{N}\p{M}.'’\- ]{0,48}?)[ \t]*(?:[\[(](${TS})[\])])?[ \t]*(?:\*\*|__)?[ \t]*:(?:[ \t]*(?:\*\*|__))?(?=[ \t\u00a0]|$)`,
  'u',
);

// Otter and Teams/Zoom exports: a line holding only `Speaker 1  0:00` or `Name   0:03`; the
// utterance follows on the next lines.
const HEADER = new RegExp(String.raw`^[ \t]*([\p{L}][\p{L}\p{N}\p{M}.'’\- ]{0,48}?)[ \t]+(${TS})[ \t]*$`, 'u');

/** A speaker label at the start of a line, such as `Name:`, `**Name:**` or `[00:12:03] Name:`. */
export interface SpeakerLabel {
  name: string;
  /** Normalised timestamp written with the label. */
  timestamp?: string;
  /** Bold or timestamped: a label even when participants are declared. */
  strong: boolean;
  /** UTF-16 length of the label and the spaces after it: the utterance starts there. */
  length: number;
}

interface LabelLine extends SpeakerLabel {
  lineIndex: number;
  contentStart: number;
}

/**
 * The speaker label opening `line`, or null: `Name:` and its variants, or a line holding only
 * a name and a timestamp (`Speaker 1  0:00`, as Otter and Teams export), whose utterance is on
 * the following lines. Whether it really is a speaker is decided with `isSpeakerLabel`, which
 * needs the whole document.
 * @example matchSpeakerLabel('[00:01] Ani: Halo.') // { name: 'Ani', timestamp: '00:00:01', strong: true, length: 13 }
 */
export function matchSpeakerLabel(line: string): SpeakerLabel | null {
  const m = LABEL.exec(line);
  if (!m) {
    const h = HEADER.exec(line);
    return h ? { name: h[1].trim(), timestamp: normaliseTimestamp(h[2]), strong: false, length: line.length } : null;
  }
  const timestamp = m[1] ?? m[4];
  let length = m[0].length;
  while (length < line.length && /[ \t\u00a0]/.test(line[length])) length++;
  const label: SpeakerLabel = { name: m[3].trim(), strong: m[2] !== undefined || timestamp !== undefined, length };
  if (timestamp !== undefined) label.timestamp = normaliseTimestamp(timestamp);
  return label;
}

/**
 * Whether a label found by `matchSpeakerLabel` is a speaker: a known name always is; with
 * declared participants only strong labels are; otherwise a label recurring three times or
 * more, or a name-like one that is not a word introducing text (`Contoh:`, `Note:`).
 * @example isSpeakerLabel({ name: 'Contoh', strong: false }, 1, new Set()) // false
 */
export function isSpeakerLabel(label: Pick<SpeakerLabel, 'name' | 'strong'>, recurrences: number, known: ReadonlySet<string>): boolean {
  if (known.has(label.name.toLocaleLowerCase())) return true;
  if (known.size > 0 && !label.strong) return false;
  // A label recurring at line starts is a speaker even in lower case (`admin-1:`); a single
  // capitalised word is one unless it is a word that introduces text ("Contoh: …").
  if (recurrences >= 3) return true;
  return looksLikeName(label.name) && !NOT_SPEAKERS.has(label.name.toLocaleLowerCase());
}

/**
 * Read a plain-text or Markdown transcript: optional YAML front matter, then speaker turns
 * opened by labels such as `Name:`, `**Name:**`, `NAME:`, `[00:12:03] Name:`,
 * `Name (00:12:03):`, or a `Speaker 1  0:00` line above the utterance (Otter, Teams). Offsets point into the normalised text (BOM stripped, `\n` line ends).
 * @example fromText('Ani: Halo.\nBudi: Hai.', { file: 'a.txt' }).corpus.documents[0].turns.length // 2
 */
export function fromText(input: string, options: TextImportOptions): ImportResult {
  checkReaderOptions('fromText', options);
  checkChoice('fromText', 'format', options.format, ['txt', 'md']);
  checkList('fromText', 'speakers', options.speakers);
  checkObjectList('fromText', 'participants', options.participants, 'name');
  checkAttributes('fromText', 'attributes', options.attributes);
  const file = options.file;
  const format = options.format ?? (/\.(md|markdown)$/i.test(file) ? 'md' : 'txt');
  const text = normaliseText(input);
  const messages: Message[] = [];
  const meta = { format };
  if (text.trim().length === 0) {
    messages.push(
      message('file is empty: there is no transcript text to read', { file, ruleId: 'empty-file', source: 'import-text', fatal: true }),
    );
    return { corpus: { documents: [] }, messages, meta };
  }
  const front = readFrontMatter(text, file);
  messages.push(...front.messages);
  if (front.messages.some((m) => m.fatal)) return { corpus: { documents: [] }, messages, meta };

  const participants = [...(options.participants ?? []), ...readParticipants(front.data.participants)];
  const attributes: Attributes = { ...options.attributes };
  for (const [key, value] of Object.entries(front.data)) {
    if (key !== 'participants') attributes[key] = toAttributeValue(value);
  }
  const id =
    typeof front.data.id === 'string' || typeof front.data.id === 'number' ? String(front.data.id) : (options.id ?? fileStem(file));
  const language = typeof front.data.language === 'string' ? front.data.language : options.language;

  const lines = splitLines(text, front.bodyStart);
  const firstBodyLine = lineNumberAt(text, front.bodyStart);
  const labels = findLabels(text, lines, participants, options.speakers ?? [], format === 'md');
  const known = new Set(participants.map((p) => p.name.toLocaleLowerCase()));
  for (const l of labels) {
    if (known.size > 0 && !known.has(l.name.toLocaleLowerCase())) {
      messages.push(
        message(`speaker "${l.name}" is not among the participants in the front matter`, {
          file,
          line: firstBodyLine + l.lineIndex,
          column: 1,
          ruleId: 'unknown-speaker',
          source: 'import-text',
        }),
      );
    }
  }
  const turns = buildTurns(text, lines, labels, format === 'md');
  // A set, not a search of the list per turn: 100,000 distinct speakers took minutes that way.
  const listed = new Set(participants.map((p) => p.name.toLocaleLowerCase()));
  for (const t of turns) {
    if (t.speaker !== null && !listed.has(t.speaker.toLocaleLowerCase())) {
      listed.add(t.speaker.toLocaleLowerCase());
      participants.push({ name: t.speaker, attributes: {} });
    }
  }
  if (turns.length === 0) {
    messages.push(
      message('transcript has front matter but no text', {
        file,
        line: firstBodyLine,
        column: 1,
        ruleId: 'empty-body',
        source: 'import-text',
        fatal: true,
      }),
    );
    return { corpus: { documents: [] }, messages, meta };
  }
  const doc: Document = { id, file, format, text, attributes, participants, turns };
  if (language !== undefined) doc.language = language;
  return { corpus: { documents: [doc] }, messages, meta };
}

interface Line {
  start: number;
  end: number;
}

function splitLines(text: string, from: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ start, end });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

function lineNumberAt(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function findLabels(text: string, lines: Line[], participants: Participant[], speakers: string[], markdown: boolean): LabelLine[] {
  const known = new Set(participants.map((p) => p.name.toLocaleLowerCase()));
  const layout = new Set(speakers.map((s) => s.toLocaleLowerCase()));
  const candidates: LabelLine[] = [];
  lines.forEach((line, lineIndex) => {
    const s = text.slice(line.start, line.end);
    if (markdown && isMarkdownStructure(s)) return;
    const label = matchSpeakerLabel(s);
    if (label) candidates.push({ ...label, lineIndex, contentStart: line.start + label.length });
  });
  const counts = new Map<string, number>();
  for (const c of candidates) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
  return candidates.filter((c) => layout.has(c.name.toLocaleLowerCase()) || isSpeakerLabel(c, counts.get(c.name) ?? 0, known));
}

// Words that commonly open a line with a colon inside a turn, in Indonesian and English.
const NOT_SPEAKERS = new Set([
  'contoh',
  'contohnya',
  'misal',
  'misalnya',
  'catatan',
  'yaitu',
  'yakni',
  'artinya',
  'intinya',
  'maksudnya',
  'keterangan',
  'pertama',
  'kedua',
  'ketiga',
  'jadi',
  'tapi',
  'lalu',
  'kemudian',
  'termasuk',
  'seperti',
  'penting',
  'kesimpulan',
  'tujuan',
  'hasil',
  'langkah',
  'tanggal',
  'waktu',
  'tempat',
  'lokasi',
  'note',
  'notes',
  'example',
  'examples',
  'e.g',
  'i.e',
  'ps',
  'nb',
  'summary',
  'result',
  'step',
  'tip',
  'warning',
  'important',
  'date',
  'time',
  'location',
  'subject',
  're',
  'http',
  'https',
]);

function looksLikeName(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length > 4) return false;
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:bin|binti|van|de|da|al|el)$/i.test(w));
}

function isMarkdownStructure(line: string): boolean {
  return /^\s{0,3}(?:#{1,6}\s|(?:[-*_]\s*){3,}$)/.test(line);
}

function buildTurns(text: string, lines: Line[], labels: LabelLine[], markdown: boolean): Turn[] {
  const turns: Turn[] = [];
  const byLine = new Map(labels.map((l) => [l.lineIndex, l]));
  let current: { speaker: string | null; timestamp?: string; start: number; end: number } | null = null;
  const close = () => {
    if (current && current.end > current.start) {
      const t: Turn = { speaker: current.speaker, start: current.start, end: current.end };
      if (current.timestamp !== undefined) t.timestamp = current.timestamp;
      turns.push(t);
    }
    current = null;
  };
  lines.forEach((line, i) => {
    const label = byLine.get(i);
    if (label) {
      close();
      current = { speaker: label.name, start: label.contentStart, end: label.contentStart };
      if (label.timestamp !== undefined) current.timestamp = label.timestamp;
      extend(current, text, label.contentStart, line.end);
      return;
    }
    const s = text.slice(line.start, line.end);
    if (markdown && isMarkdownStructure(s)) {
      close();
      return;
    }
    if (s.trim().length === 0) return;
    if (!current) current = { speaker: null, start: firstNonSpace(text, line.start, line.end), end: line.start };
    extend(current, text, line.start, line.end);
  });
  close();
  return turns;
}

/** Grow a turn to the last non-space character of `text[from, to)`; a turn's first text sets its start. */
function extend(turn: { start: number; end: number }, text: string, from: number, to: number): void {
  let end = to;
  while (end > from && /\s/.test(text[end - 1])) end--;
  if (end <= from) return;
  if (turn.end <= turn.start) turn.start = firstNonSpace(text, from, to);
  turn.end = end;
}

function firstNonSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && /\s/.test(text[i])) i++;
  return i;
}
