import type { Message } from '../model/message.js';
import { pseudonymsFromTable, type Pseudonym } from '../report/pseudonyms.js';
import { readTableFile } from './read-cases.js';

/**
 * Read a pseudonym key (`.csv` or `.xlsx`; see `pseudonymsFromTable`).
 * @example const { key } = await readPseudonyms('data-sample/pseudonyms.csv') // [{ name: 'Nurlaila', pseudonym: 'Informan A' }, …]
 */
export async function readPseudonyms(file: string): Promise<{ key: Pseudonym[] | null; messages: Message[] }> {
  const { table, messages } = await readTableFile(file, 'pseudonyms');
  if (!table) return { key: null, messages };
  const read = pseudonymsFromTable(table, file);
  return { key: read.key, messages: [...messages, ...read.messages] };
}
