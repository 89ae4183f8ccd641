import type { Attributes, Document } from '../model/document.js';
import { message, type Message } from '../model/message.js';
import { readParticipants, toAttributeValue } from './front-matter.js';
import { documentFromTurnsRecord } from './json-turns.js';
import { fileStem } from '../util/file-name.js';
import { fromText } from './text.js';

const RESERVED = new Set(['id', 'text', 'participants', 'language']);

/**
 * One line of a JSONL corpus, `{"id", "text", "language"?, "participants"?, …attributes}`,
 * as a document. The text is read like a plain transcript (speaker labels found the same
 * way); a record with `"turns"` instead of `"text"` is read by `documentFromTurnsRecord`.
 * Problems are located at the JSONL line.
 * @example documentFromJsonLine('{"id":"a","text":"Ani: Halo."}', 'c.jsonl', 1).document?.turns.length // 1
 */
export function documentFromJsonLine(line: string, file: string, lineNumber: number): { document: Document | null; messages: Message[] } {
  const at = (reason: string, ruleId: string, fatal = true) =>
    message(reason, { file, line: lineNumber, column: 1, ruleId, source: 'import-jsonl', fatal });
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (e) {
    return { document: null, messages: [at(`not valid JSON: ${(e as Error).message}`, 'jsonl-syntax')] };
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return { document: null, messages: [at('each line must be a JSON object such as {"id": "…", "text": "…"}', 'jsonl-shape')] };
  }
  const r = record as Record<string, unknown>;
  if (r.text === undefined && Array.isArray(r.turns)) return documentFromTurnsRecord(r, file, lineNumber);
  if (typeof r.text !== 'string')
    return { document: null, messages: [at('the object has no "text" string (nor a "turns" list)', 'jsonl-shape')] };
  const attributes: Attributes = {};
  for (const [k, v] of Object.entries(r)) if (!RESERVED.has(k)) attributes[k] = toAttributeValue(v);
  const id = typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : `${fileStem(file)}-${lineNumber}`;
  const result = fromText(r.text, {
    file,
    format: 'txt',
    id,
    attributes,
    participants: readParticipants(r.participants),
    ...(typeof r.language === 'string' ? { language: r.language } : {}),
  });
  const messages = result.messages.map((m) => ({ ...m, line: lineNumber, column: 1, reason: `${m.reason} (in record "${id}")` }));
  const document = result.corpus.documents[0] ?? null;
  if (document) document.format = 'jsonl';
  return { document, messages };
}
