import { parseCodebook, type CodebookResult } from '../codebook/parse.js';
import { parseQdc } from '../refi/read-qdc.js';
import { message } from '../model/message.js';
import { unreadableReason } from './unreadable.js';
import { readInputFile } from './read-input.js';

/** Codebook readers by file extension. */
export const CODEBOOK_READERS: Record<string, (text: string, file: string) => CodebookResult> = {
  yaml: parseCodebook,
  yml: parseCodebook,
  json: parseCodebook,
  qdc: (text, file) => parseQdc(text, file),
};

/**
 * Read and validate a codebook file (YAML or JSON). A missing file is a fatal message.
 * @example const { codebook, messages } = await readCodebook('codebooks/lk3-psychosocial.yaml')
 */
export async function readCodebook(file: string): Promise<CodebookResult> {
  const ext = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
  const reader = CODEBOOK_READERS[ext];
  if (!reader) {
    return {
      codebook: null,
      messages: [
        message(`unknown codebook format ".${ext}"; use .yaml, .yml, .json or .qdc`, {
          file,
          ruleId: 'unknown-format',
          source: 'codebook',
          fatal: true,
        }),
      ],
    };
  }
  let text: string;
  try {
    text = (await readInputFile(file)).toString('utf8');
  } catch (e) {
    return {
      codebook: null,
      messages: [message(unreadableReason(e, 'codebook file'), { file, ruleId: 'file-unreadable', source: 'codebook', fatal: true })],
    };
  }
  return reader(text, file);
}
