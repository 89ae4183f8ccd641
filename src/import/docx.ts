import type { ImportResult } from '../model/document.js';
import { message } from '../model/message.js';
import { docxBlocks, type DocxBlock, type DocxElement, type DocxRun } from './docx-blocks.js';
import { COLUMN_NAMES, findColumn } from './table-columns.js';
import { fromText, isSpeakerLabel } from './text.js';
import { TIMESTAMP_PATTERN } from './timestamp.js';
import { zipBombCheck } from './zip-limits.js';
import { checkReaderOptions } from './reader-options.js';

/** Options of the DOCX reader. */
export interface DocxImportOptions {
  file: string;
  language?: string;
  id?: string;
  /** Most bytes the .docx may unpack to (see `zipLimitsFor`); default 64 MB. */
  maxInputSize?: number;
}

/**
 * Read a Word (.docx) transcript. Its body becomes plain text, one paragraph per block
 * separated by blank lines: headings as `# Heading` lines (structure between turns, never
 * part of one), paragraphs as written, speaker labels in bold (`**Name:**`, `**Name**:`, or a
 * bold name recurring alone or at paragraph starts) as `Name:`, and rows of `speaker | text`
 * or `time | speaker | text` tables as `[time] Speaker: text`. That text is then read like a
 * Markdown transcript, so offsets refer to it.
 * @example const { corpus } = await fromDocx(bytes, { file: 'interview.docx' })
 */
export async function fromDocx(bytes: Uint8Array, options: DocxImportOptions): Promise<ImportResult> {
  checkReaderOptions('fromDocx', options);
  const { file } = options;
  const bomb = zipBombCheck(bytes, file, 'import-docx', options.maxInputSize);
  if (bomb) return { corpus: { documents: [] }, messages: [bomb], meta: { format: 'docx' } };
  let body: DocxElement | null = null;
  try {
    // Loaded on first use: mammoth takes longer to load than a whole small command run.
    const { default: mammoth } = await import('mammoth');
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        transformDocument: (document: DocxElement) => {
          body = document;
          return { ...document, children: [] };
        },
      },
    );
  } catch (e) {
    const reason = `not a readable .docx file (${(e as Error).message.replace(/\s+/g, ' ').trim()}); old .doc files must be saved as .docx first`;
    return {
      corpus: { documents: [] },
      messages: [message(reason, { file, ruleId: 'docx-unreadable', source: 'import-docx', fatal: true })],
      meta: { format: 'docx' },
    };
  }
  const { text, speakers } = renderDocx(docxBlocks(body ?? { type: 'document' }));
  const result = fromText(text, {
    file,
    format: 'md',
    speakers,
    ...(options.language ? { language: options.language } : {}),
    ...(options.id ? { id: options.id } : {}),
  });
  for (const doc of result.corpus.documents) doc.format = 'docx';
  result.meta.format = 'docx';
  return result;
}

interface Rendered {
  text: string;
  /** Names the layout marks as speakers (recurring bold labels, speaker columns). */
  speakers: string[];
}

interface BoldLead {
  name: string;
  rest: string;
  /** True when a colon follows the name. */
  colon: boolean;
}

function renderDocx(blocks: DocxBlock[]): Rendered {
  const leads = blocks.map((b) => (b.kind === 'paragraph' ? boldLead(b.runs) : null));
  const counts = new Map<string, number>();
  for (const l of leads) if (l) counts.set(l.name, (counts.get(l.name) ?? 0) + 1);
  // A bold name once may be emphasis or a pseudo-heading; a speaker comes back (and is not
  // a word that introduces text, such as a recurring bold "Catatan:").
  const none = new Set<string>();
  const speakers = new Set(
    [...counts].filter(([name, n]) => n >= 2 && isSpeakerLabel({ name, strong: true }, n, none)).map(([name]) => name),
  );
  const parts: string[] = [];
  blocks.forEach((block, i) => {
    if (block.kind === 'heading') {
      parts.push(`${'#'.repeat(block.level)} ${block.text}`);
    } else if (block.kind === 'paragraph') {
      const lead = leads[i];
      if (lead && (lead.colon || speakers.has(lead.name))) parts.push(lead.rest ? `${lead.name}: ${lead.rest}` : `${lead.name}:`);
      else
        parts.push(
          block.runs
            .map((r) => r.text)
            .join('')
            .trim(),
        );
    } else {
      const table = renderTable(block.rows);
      for (const s of table.speakers) speakers.add(s);
      parts.push(...table.paragraphs);
    }
  });
  return { text: parts.filter((p) => p.length > 0).join('\n\n'), speakers: [...speakers] };
}

/** A bold run opening a paragraph that reads as a speaker label. */
function boldLead(runs: DocxRun[]): BoldLead | null {
  let bold = '';
  let i = 0;
  for (; i < runs.length && (runs[i].bold || (bold !== '' && runs[i].text.trim() === '')); i++) bold += runs[i].text;
  const rest = runs
    .slice(i)
    .map((r) => r.text)
    .join('');
  let name = bold.trim();
  let after = rest;
  let colon = false;
  if (name.endsWith(':')) {
    name = name.slice(0, -1).trim();
    colon = true;
  } else if (/^[ \t]*:/.test(rest)) {
    after = rest.replace(/^[ \t]*:/, '');
    colon = true;
  } else if (/[.?!,;]/.test(name)) {
    return null;
  }
  if (name === '' || name.length > 50 || name.includes('\n') || name.split(/\s+/).length > 4) return null;
  return { name, rest: after.trim(), colon };
}

const WHOLE_TIMESTAMP = new RegExp(`^${TIMESTAMP_PATTERN}$`);

/** A transcript table becomes labelled paragraphs; any other table, one paragraph per cell. */
function renderTable(rows: string[][]): { paragraphs: string[]; speakers: string[] } {
  const layout = transcriptLayout(rows);
  if (!layout) return { paragraphs: rows.flat().filter((c) => c.length > 0), speakers: [] };
  const paragraphs: string[] = [];
  const speakers = new Set<string>();
  for (const row of rows.slice(layout.headerRows)) {
    const speaker = (row[layout.speaker] ?? '').replace(/\s+/g, ' ').trim();
    const text = (row[layout.text] ?? '').trim();
    const time = layout.time === -1 ? '' : (row[layout.time] ?? '').trim();
    if (!text) continue;
    if (!speaker) {
      paragraphs.push(text);
      continue;
    }
    speakers.add(speaker);
    paragraphs.push(`${WHOLE_TIMESTAMP.test(time) ? `[${time}] ` : ''}${speaker}: ${text}`);
  }
  return { paragraphs, speakers: [...speakers] };
}

interface TableLayout {
  headerRows: number;
  speaker: number;
  text: number;
  time: number;
}

function transcriptLayout(rows: string[][]): TableLayout | null {
  if (rows.length === 0) return null;
  const speakerHead = findColumn(rows[0], COLUMN_NAMES.speaker);
  const textHead = findColumn(rows[0], COLUMN_NAMES.text);
  if (speakerHead !== -1 && textHead !== -1)
    return { headerRows: 1, speaker: speakerHead, text: textHead, time: findColumn(rows[0], COLUMN_NAMES.time) };
  const width = Math.max(...rows.map((r) => r.length));
  const timed = width === 3 && rows.every((r) => !r[0] || WHOLE_TIMESTAMP.test(r[0].trim()));
  if (width !== 2 && !timed) return null;
  const layout: TableLayout = timed ? { headerRows: 0, speaker: 1, text: 2, time: 0 } : { headerRows: 0, speaker: 0, text: 1, time: -1 };
  const names = rows.map((r) => (r[layout.speaker] ?? '').trim()).filter((n) => n.length > 0);
  const short = names.every((n) => n.length <= 50 && !n.includes('\n'));
  const recurring = names.some((n, i) => names.indexOf(n) !== i);
  return rows.length >= 2 && short && recurring ? layout : null;
}
