import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { CodeTask } from './code-task.js';
import { stripBom } from '../util/bom.js';

/**
 * Read a JSONL corpus (a file, or `-` for stdin) as batches of whole lines of about
 * `batchBytes`, so memory stays bounded however large the corpus is.
 * @example for await (const task of jsonlBatches('corpus.jsonl')) …
 */
export async function* jsonlBatches(file: string, batchBytes = 1 << 20): AsyncGenerator<CodeTask> {
  const stream: Readable = file === '-' ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
  const decoder = new TextDecoder('utf-8');
  const label = file === '-' ? '<stdin>' : file;
  let pending = '';
  let line = 1;
  let first = true;
  for await (const chunk of stream) {
    let text = decoder.decode(chunk as Buffer, { stream: true });
    if (first) text = stripBom(text);
    first = false;
    pending += text;
    if (pending.length < batchBytes) continue;
    const cut = pending.lastIndexOf('\n');
    if (cut === -1) continue;
    const batch = pending.slice(0, cut);
    pending = pending.slice(cut + 1);
    yield { kind: 'lines', file: label, firstLine: line, text: batch };
    line += countLines(batch) + 1;
  }
  pending += decoder.decode();
  if (pending.length > 0) yield { kind: 'lines', file: label, firstLine: line, text: pending.replace(/\r?\n$/, '') };
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
