import { mkdir, rename, rm, writeFile, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { release, removeStaleTemporaries, temporaryPath, track } from './temporaries.js';

/** A failure to write an output, naming the output (not its temporary) and the system's reason. */
export class OutputWriteError extends Error {
  constructor(
    readonly target: string,
    readonly reason: NodeJS.ErrnoException,
  ) {
    super(`cannot write ${target}: ${reason.message}`);
    this.name = 'OutputWriteError';
  }
}

/** `e` as an `OutputWriteError` for `target` (unchanged when it already is one). */
export function outputWriteError(e: unknown, target: string): OutputWriteError {
  return e instanceof OutputWriteError ? e : new OutputWriteError(target, e as NodeJS.ErrnoException);
}

/**
 * Write a file completely or not at all: the data goes to a temporary file beside it, which is
 * renamed over the target only when fully written.
 * @example await writeFileAtomic('report/frequencies.csv', csv)
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = temporaryPath(path);
  track(tmp);
  try {
    await mkdir(dirname(path), { recursive: true });
    await removeStaleTemporaries(path);
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw outputWriteError(e, path);
  } finally {
    release(tmp);
  }
}

/**
 * A file written piece by piece that appears under its name only on `commit()`; `abort()`
 * removes what was written.
 */
export class AtomicFileWriter {
  private constructor(
    private readonly path: string,
    private readonly tmp: string,
    private readonly handle: FileHandle,
  ) {}

  /** Open a temporary file beside `path`. */
  static async open(path: string): Promise<AtomicFileWriter> {
    const tmp = temporaryPath(path);
    try {
      await mkdir(dirname(path), { recursive: true });
      await removeStaleTemporaries(path);
      track(tmp);
      return new AtomicFileWriter(path, tmp, await open(tmp, 'w'));
    } catch (e) {
      release(tmp);
      throw outputWriteError(e, path);
    }
  }

  /** Append text or bytes. */
  async write(chunk: string | Uint8Array): Promise<void> {
    try {
      if (typeof chunk === 'string') await this.handle.write(chunk);
      else await this.handle.write(chunk);
    } catch (e) {
      throw outputWriteError(e, this.path);
    }
  }

  /** Close and move into place. */
  async commit(): Promise<void> {
    try {
      await this.handle.close();
      await rename(this.tmp, this.path);
    } catch (e) {
      throw outputWriteError(e, this.path);
    }
    release(this.tmp);
  }

  /** Close and delete the temporary file. */
  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.tmp, { force: true });
    release(this.tmp);
  }
}
