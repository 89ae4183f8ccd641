import { parseCodingsCsv } from '../import/codings-csv.js';
import type { CodingRow } from '../model/coding.js';
import { message, type Message } from '../model/message.js';
import { unreadableReason } from './unreadable.js';
import { readInputFile } from './read-input.js';

/**
 * Read coding tables (our CSV; see `parseCodingsCsv`). Offsets stay in code points.
 * @example const { codings } = await readCodings(['ana.csv', 'budi.csv'])
 */
export async function readCodings(files: readonly string[], options: { coder?: string } = {}): Promise<{ codings: CodingRow[]; messages: Message[] }> {
  const codings: CodingRow[] = [];
  const messages: Message[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = (await readInputFile(file)).toString('utf8');
    } catch (e) {
      messages.push(message(unreadableReason(e, 'coding table'), { file, ruleId: 'file-unreadable', source: 'codings', fatal: true }));
      continue;
    }
    const result = parseCodingsCsv(text, { file, ...(options.coder ? { coder: options.coder } : {}) });
    for (const c of result.codings) codings.push(c);
    messages.push(...result.messages);
  }
  return { codings, messages };
}
