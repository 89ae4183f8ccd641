import { stat } from 'node:fs/promises';
import type { CodeTask } from './code-task.js';
import { jsonlBatches } from './jsonl-batches.js';

function isJsonl(file: string, inputFormat: string | undefined): boolean {
  return inputFormat === 'jsonl' || file === '-' || /\.(jsonl|ndjson)$/i.test(file);
}

/**
 * The tasks of a run over transcripts: files one by one, JSONL corpora (or `-`, stdin) in
 * batches of lines, streamed.
 * @example for await (const task of corpusTasks(['archive.jsonl', 'a.md'], undefined)) …
 */
export async function* corpusTasks(files: readonly string[], inputFormat: string | undefined): AsyncGenerator<CodeTask> {
  for (const file of files) {
    if (isJsonl(file, inputFormat)) yield* jsonlBatches(file);
    else yield { kind: 'file', file };
  }
}

/**
 * Whether worker threads pay off for these inputs: only on more than a few megabytes, as each
 * costs about 0.1 s to start.
 * @example await worthParallel(['archive.jsonl'], undefined) // true for a 50 MB corpus
 */
export async function worthParallel(files: readonly string[], inputFormat: string | undefined): Promise<boolean> {
  let total = 0;
  for (const file of files) {
    if (file === '-') return true;
    const size = await stat(file).then(
      (s) => s.size,
      () => 0,
    );
    total += size;
    if (isJsonl(file, inputFormat) && size > 8e6) return true;
  }
  return files.length > 1 && total > 4e6;
}
