import { open } from 'node:fs/promises';

/**
 * The default most bytes qda reads from one input file, and inflates from one zipped input
 * (`.docx`, `.xlsx`, `.qdpx`): far above any interview transcript, far below what exhausts
 * memory. Raise it with `--max-input-size` (or the `maxInputSize` option). JSONL transcripts are
 * read as a stream and have no such limit.
 */
export const DEFAULT_MAX_INPUT_SIZE = 64 * 1024 * 1024;

/** An input that qda refuses to read: not a regular file, or larger than the limit. */
export class InputRefusedError extends Error {
  constructor(
    readonly code: 'not-regular-file' | 'input-too-large',
    reason: string,
  ) {
    super(reason);
    this.name = 'InputRefusedError';
  }
}

/**
 * Read a whole input file, refusing devices, pipes and sockets (`/dev/zero` never ends) and
 * anything larger than `maxBytes` — checked before reading and again while reading, for files
 * that report no size or grow.
 * @example const bytes = await readInputFile('transcript.md', 1024 * 1024)
 */
export async function readInputFile(file: string, maxBytes = DEFAULT_MAX_INPUT_SIZE): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw Object.assign(new Error(`${file} is a folder`), { code: 'EISDIR' });
    if (!info.isFile())
      throw new InputRefusedError('not-regular-file', 'is not a regular file (a device, pipe or socket); qda reads only files');
    if (info.size > maxBytes) throw tooLarge(info.size, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1024 * 1024, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(total, maxBytes, true);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/**
 * A size in bytes as people write it: `5000`, `500k`, `64MB`, `1.5G` (k, M, G are powers of 1024).
 * Undefined when it cannot be read.
 * @example parseSize('64MB') // 67108864
 */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$/i.exec(text);
  if (!m) return undefined;
  const bytes = Math.floor(Number(m[1]) * 1024 ** ' kmg'.indexOf(m[2].toLowerCase() || ' '));
  return bytes > 0 ? bytes : undefined;
}

/** A size for people: `64 MB`, `1.5 GB`, `512 bytes`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] =
    bytes < 1024 ** 2 ? [bytes / 1024, 'KB'] : bytes < 1024 ** 3 ? [bytes / 1024 ** 2, 'MB'] : [bytes / 1024 ** 3, 'GB'];
  return `${Number(value.toFixed(1))} ${unit}`;
}

function tooLarge(size: number, limit: number, partial = false): InputRefusedError {
  return new InputRefusedError(
    'input-too-large',
    `is ${partial ? 'more than ' : ''}${formatSize(partial ? limit : size)}, above the limit of ${formatSize(limit)} for one input; raise it with --max-input-size (e.g. --max-input-size ${Math.ceil(Math.max(size, limit * 2) / 1024 ** 2)}MB), or split the file (JSONL transcripts are streamed without this limit)`,
  );
}
