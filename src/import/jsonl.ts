import type { Document, ImportResult } from '../model/document.js';
import { message, type Message } from '../model/message.js';
import { normaliseText } from '../text/normalise.js';
import { documentFromJsonLine } from './json-record.js';
import { checkString } from '../util/options.js';

/**
 * Read a JSONL corpus: one JSON object per line, either `{"id", "text", …attributes}` (the
 * text is read like a plain transcript, so text without speaker labels is one turn) or
 * `{"id", "turns": [{"speaker", "text", "timestamp"}]}`. Blank lines are skipped; a bad line
 * is a fatal message at its line and the other lines still come through.
 * @example fromJsonl('{"id":"a","text":"Halo."}\n', { file: 'c.jsonl' }).corpus.documents[0].turns.length // 1
 */
export function fromJsonl(input: string, options: { file: string }): ImportResult {
  checkString('fromJsonl', 'file', options.file, { nonEmpty: true, required: true });
  const { file } = options;
  const lines = normaliseText(input).split('\n');
  const documents: Document[] = [];
  const messages: Message[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const { document, messages: found } = documentFromJsonLine(line, file, i + 1);
    messages.push(...found);
    if (document) documents.push(document);
  });
  if (documents.length === 0 && !messages.some((m) => m.fatal)) {
    messages.push(
      message('file is empty: there is no JSON record to read', { file, ruleId: 'empty-file', source: 'import-jsonl', fatal: true }),
    );
  }
  return { corpus: { documents }, messages, meta: { format: 'jsonl' } };
}
