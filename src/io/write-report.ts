import { message, type Message } from '../model/message.js';
import type { ReportFiles } from '../report/render-report.js';
import { refusalReason, writeFolderAtomic } from './write-folder.js';

/**
 * Write a report folder whole or not at all (`writeFolderAtomic`). An existing `dir` is replaced
 * only when it holds nothing but report files (an earlier report); otherwise a fatal message is
 * returned and nothing is written.
 * @example const messages = await writeReport('report', await renderReport(data))
 */
export async function writeReport(dir: string, files: ReportFiles): Promise<Message[]> {
  const refusal = await writeFolderAtomic(dir, files, (path) => files.has(path) || /^charts\/[^/]+\.svg$/.test(path));
  if (!refusal) return [];
  return [message(`--out ${refusalReason(refusal, 'a report')}`, { file: dir, ruleId: 'out-not-report', source: 'report', fatal: true })];
}
