import { mkdir, rename, rm, writeFile, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { release, removeStaleTemporaries, temporaryPath, track } from './temporaries.js';

/**
 * Write a file completely or not at all: the data goes to a temporary file beside it, which is
 * renamed over the target only when fully written.
 * @example await writeFileAtomic('report/frequencies.csv', csv)
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await removeStaleTemporaries(path);
  const tmp = temporaryPath(path);
  track(tmp);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  } finally {
    release(tmp);
  }
}

/**
 * A file written piece by piece that appears under its name only on `commit()`; `abort()`
 * removes what was written.
 */
export class AtomicFileWriter {
  private constructor(private readonly path: string, private readonly tmp: string, private readonly handle: FileHandle) {}

  /** Open a temporary file beside `path`. */
  static async open(path: string): Promise<AtomicFileWriter> {
    await mkdir(dirname(path), { recursive: true });
    await removeStaleTemporaries(path);
    const tmp = temporaryPath(path);
    track(tmp);
    return new AtomicFileWriter(path, tmp, await open(tmp, 'w'));
  }

  /** Append text or bytes. */
  async write(chunk: string | Uint8Array): Promise<void> {
    if (typeof chunk === 'string') await this.handle.write(chunk);
    else await this.handle.write(chunk);
  }

  /** Close and move into place. */
  async commit(): Promise<void> {
    await this.handle.close();
    await rename(this.tmp, this.path);
    release(this.tmp);
  }

  /** Close and delete the temporary file. */
  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.tmp, { force: true });
    release(this.tmp);
  }
}
