import type { Attributes, Document, Participant, Turn } from '../model/document.js';

/** One utterance of a structured source (a caption cue, a table row, a JSON turn). */
export interface Utterance {
  speaker: string | null;
  text: string;
  /** Already normalised (`HH:MM:SS` or `HH:MM:SS.mmm`). */
  timestamp?: string;
}

/** What a document built from utterances is called and where it came from. */
export interface UtteranceDocumentOptions {
  id: string;
  file: string;
  format: string;
  language?: string;
  attributes?: Attributes;
  /** Participants known from elsewhere (roles, respondent attributes); speakers are added. */
  participants?: Participant[];
}

/**
 * Lay utterances out as a transcript, one paragraph each, separated by blank lines:
 * `[timestamp] Speaker: utterance` (timestamp and speaker only when known). Each turn's span
 * covers exactly the utterance text, so coded spans never include a label. Utterances whose
 * text is blank are left out.
 * @example documentFromUtterances([{ speaker: 'Ani', text: 'Halo.' }], { id: 'a', file: 'a.csv', format: 'csv' }).text // 'Ani: Halo.'
 */
export function documentFromUtterances(utterances: readonly Utterance[], options: UtteranceDocumentOptions): Document {
  let text = '';
  const turns: Turn[] = [];
  const participants = [...(options.participants ?? [])];
  const known = new Set(participants.map((p) => p.name.toLocaleLowerCase()));
  for (const u of utterances) {
    const body = u.text.replace(/\r\n?/g, '\n').trim();
    if (body.length === 0) continue;
    const speaker = u.speaker === null ? null : u.speaker.replace(/\s+/g, ' ').trim() || null;
    if (text.length > 0) text += '\n\n';
    if (u.timestamp !== undefined) text += `[${u.timestamp}] `;
    if (speaker !== null) text += `${speaker}: `;
    const turn: Turn = { speaker, start: text.length, end: text.length + body.length };
    if (u.timestamp !== undefined) turn.timestamp = u.timestamp;
    text += body;
    turns.push(turn);
    if (speaker !== null && !known.has(speaker.toLocaleLowerCase())) {
      known.add(speaker.toLocaleLowerCase());
      participants.push({ name: speaker, attributes: {} });
    }
  }
  const doc: Document = {
    id: options.id,
    file: options.file,
    format: options.format,
    text,
    attributes: { ...options.attributes },
    participants,
    turns,
  };
  if (options.language !== undefined) doc.language = options.language;
  return doc;
}
