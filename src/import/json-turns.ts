import type { Attributes, Document } from '../model/document.js';
import { message, type Message } from '../model/message.js';
import { fileStem } from '../util/file-name.js';
import { readParticipants, toAttributeValue } from './front-matter.js';
import { normaliseTimestamp, TIMESTAMP_PATTERN } from './timestamp.js';
import { documentFromUtterances, type Utterance } from './utterances.js';

const RESERVED = new Set(['id', 'turns', 'participants', 'language']);
const WHOLE_TIMESTAMP = new RegExp(`^${TIMESTAMP_PATTERN}$`);

/**
 * A JSON record that already has its turns, `{"id", "turns": [{"speaker", "text", "timestamp"}],
 * "language"?, "participants"?, …attributes}`, as a document (`utterance` is accepted for
 * `text`, as in the YIELD dataset). Problems are located at the record's line.
 * @example documentFromTurnsRecord({ id: 'a', turns: [{ speaker: 'Ani', text: 'Halo.' }] }, 'c.jsonl', 1).document?.turns.length // 1
 */
export function documentFromTurnsRecord(
  record: Record<string, unknown>,
  file: string,
  lineNumber: number,
): { document: Document | null; messages: Message[] } {
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : `${fileStem(file)}-${lineNumber}`;
  const at = (reason: string, ruleId: string, fatal: boolean) =>
    message(`${reason} (in record "${id}")`, { file, line: lineNumber, column: 1, ruleId, source: 'import-jsonl', fatal });
  const messages: Message[] = [];
  const turns = Array.isArray(record.turns) ? record.turns : [];
  const utterances: Utterance[] = [];
  turns.forEach((turn: unknown, i) => {
    const t = turn !== null && typeof turn === 'object' ? (turn as Record<string, unknown>) : {};
    const text = typeof t.text === 'string' ? t.text : t.utterance;
    if (typeof text !== 'string' || text.trim() === '') {
      messages.push(at(`turn ${i + 1} has no "text" string; it is skipped`, 'jsonl-turn', false));
      return;
    }
    const speaker = typeof t.speaker === 'string' || typeof t.speaker === 'number' ? String(t.speaker) : null;
    const u: Utterance = { speaker, text };
    if (typeof t.timestamp === 'string' && t.timestamp.trim() !== '') {
      if (WHOLE_TIMESTAMP.test(t.timestamp.trim())) u.timestamp = normaliseTimestamp(t.timestamp);
      else
        messages.push(
          at(`turn ${i + 1}: "${t.timestamp}" is not a time such as 00:12:03; the turn has no timestamp`, 'bad-timestamp', false),
        );
    }
    utterances.push(u);
  });
  if (utterances.length === 0) {
    messages.push(at('"turns" holds no turn with text', 'jsonl-shape', true));
    return { document: null, messages };
  }
  const attributes: Attributes = {};
  for (const [k, v] of Object.entries(record)) if (!RESERVED.has(k)) attributes[k] = toAttributeValue(v);
  const document = documentFromUtterances(utterances, {
    id,
    file,
    format: 'jsonl',
    attributes,
    participants: readParticipants(record.participants),
    ...(typeof record.language === 'string' ? { language: record.language } : {}),
  });
  return { document, messages };
}
