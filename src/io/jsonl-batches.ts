import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { concatBytes } from '../util/bytes.js';
import type { CodeTask } from './code-task.js';

/**
 * Read a JSONL corpus (a file, or `-` for stdin) as batches of whole lines of about
 * `batchBytes`, so memory stays bounded however large the corpus is. Batches stay bytes: the
 * worker that codes them decodes them, and each owns its memory, so it moves to the worker
 * without a copy.
 * @example for await (const task of jsonlBatches('corpus.jsonl')) …
 */
export async function* jsonlBatches(file: string, batchBytes = 1 << 20): AsyncGenerator<CodeTask> {
  const stream: Readable = file === '-' ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
  const label = file === '-' ? '<stdin>' : file;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let line = 1;
  let first = true;
  for await (const chunk of stream) {
    let bytes = chunk as Buffer;
    if (first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    first = false;
    const cut = bytes.lastIndexOf(0x0a);
    if (cut === -1 || pendingBytes + cut < batchBytes) {
      pending.push(bytes);
      pendingBytes += bytes.length;
      continue;
    }
    const batch = concatBytes([...pending, bytes.subarray(0, cut)]);
    const rest = bytes.subarray(cut + 1);
    pending = rest.length > 0 ? [rest] : [];
    pendingBytes = rest.length;
    const firstLine = line;
    // Counted before the batch moves to a worker, which leaves it empty here.
    line += countNewlines(batch) + 1;
    yield { kind: 'lines', file: label, firstLine, bytes: batch };
  }
  let last = concatBytes(pending);
  if (last[last.length - 1] === 0x0a) last = last.subarray(0, last[last.length - 2] === 0x0d ? -2 : -1);
  if (last.length > 0) yield { kind: 'lines', file: label, firstLine: line, bytes: last };
}

function countNewlines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}
