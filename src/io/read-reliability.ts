import { parseReliabilityCsv, type ReliabilityCsvOptions } from '../analysis/agreement/reliability-csv.js';
import type { ReliabilityData } from '../analysis/agreement/reliability-data.js';
import { message, type Message } from '../model/message.js';
import { unreadableReason } from './unreadable.js';
import { readInputFile } from './read-input.js';

/**
 * Read a reliability table from a file (see `parseReliabilityCsv`); a missing file is a
 * fatal message.
 * @example const { data, messages } = await readReliability('reliability.csv', { numeric: true })
 */
export async function readReliability(
  file: string,
  options: Omit<ReliabilityCsvOptions, 'file'> = {},
): Promise<{ data: ReliabilityData | null; messages: Message[] }> {
  let text: string;
  try {
    text = (await readInputFile(file)).toString('utf8');
  } catch (e) {
    return {
      data: null,
      messages: [
        message(unreadableReason(e, 'reliability table'), { file, ruleId: 'file-unreadable', source: 'reliability', fatal: true }),
      ],
    };
  }
  return parseReliabilityCsv(text, { file, ...options });
}
