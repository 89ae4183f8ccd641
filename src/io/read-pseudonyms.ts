import { message, type Message } from '../model/message.js';
import { nameKey, type Pseudonym } from '../report/pseudonyms.js';
import { readTableFile } from './read-cases.js';

const NAME_COLUMNS = ['name', 'real', 'real_name', 'real name', 'nama'];
const PSEUDONYM_COLUMNS = ['pseudonym', 'pseudonim', 'alias', 'code name'];

/**
 * Read a pseudonym key (`.csv` or `.xlsx`) with the columns `name` and `pseudonym`, one row per
 * form of a name (full name, first name, nickname). Blank and contradictory rows are reported
 * at their line; a key without those columns is fatal, so no report leaks a name by mistake.
 * @example const { key } = await readPseudonyms('data-sample/pseudonyms.csv') // [{ name: 'Nurlaila', pseudonym: 'Informan A' }, …]
 */
export async function readPseudonyms(file: string): Promise<{ key: Pseudonym[] | null; messages: Message[] }> {
  const { table, messages } = await readTableFile(file, 'pseudonyms');
  if (!table) return { key: null, messages };
  const lower = table.header.map((h) => h.toLowerCase());
  const nameCol = lower.findIndex((h) => NAME_COLUMNS.includes(h));
  const pseudonymCol = lower.findIndex((h) => PSEUDONYM_COLUMNS.includes(h));
  if (nameCol === -1 || pseudonymCol === -1) {
    messages.push(message(`a pseudonym key needs the columns name and pseudonym; found: ${table.header.join(', ')}`, { file, line: 1, column: 1, ruleId: 'missing-columns', source: 'pseudonyms', fatal: true }));
    return { key: null, messages };
  }
  const key: Pseudonym[] = [];
  const seen = new Map<string, { pseudonym: string; line: number }>();
  for (const row of table.rows) {
    const name = String(row.cells[nameCol] ?? '').trim();
    const pseudonym = String(row.cells[pseudonymCol] ?? '').trim();
    if (!name || !pseudonym) {
      messages.push(message(`row has ${name ? 'no pseudonym' : 'no name'}; skipped`, { file, line: row.line, column: (name ? pseudonymCol : nameCol) + 1, ruleId: 'empty-pseudonym', source: 'pseudonyms' }));
      continue;
    }
    // Compared as the pseudonymiser compares names: "Fauzan-Hidayat" and "FAUZAN HIDAYAT" are one name.
    const normal = nameKey(name);
    const first = seen.get(normal);
    if (first) {
      if (first.pseudonym !== pseudonym) {
        messages.push(message(`"${name}" already has the pseudonym "${first.pseudonym}" (line ${first.line}); this row is ignored`, { file, line: row.line, column: pseudonymCol + 1, ruleId: 'conflicting-pseudonym', source: 'pseudonyms' }));
      }
      continue;
    }
    seen.set(normal, { pseudonym, line: row.line });
    key.push({ name, pseudonym });
  }
  return { key, messages };
}
