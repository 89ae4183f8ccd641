import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { release, removeStaleTemporaries, temporaryPath, track } from './temporaries.js';
import { outputWriteError } from './write-file.js';

/** Files an operating system drops into folders, which an output folder may hold. */
const SYSTEM_FILES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/** Why a folder was not written: `dir` is a file, or holds files that are not ours (the first few of them). */
export type FolderRefusal = { refused: 'is-a-file' } | { refused: 'foreign-files'; files: string[]; more: number };

/**
 * The reason of a refusal in words, for an `--out` folder meant to hold `what` (e.g. "a report").
 * @example refusalReason({ refused: 'is-a-file' }, 'a report') // 'is a file, not a folder; choose a folder for a report'
 */
export function refusalReason(refusal: FolderRefusal, what: string): string {
  if (refusal.refused === 'is-a-file') return `is a file, not a folder; choose a folder for ${what}`;
  const shown = refusal.files.join(', ') + (refusal.more > 0 ? `, and ${refusal.more} more` : '');
  return `already holds files that are not part of ${what} (${shown}); choose a new or empty folder`;
}

/**
 * Write a folder whole or not at all: the files go to a temporary folder beside `dir`, which
 * then takes the place of `dir`. An existing `dir` is replaced only when every file in it is
 * one `isOurs` accepts (an earlier output of the same command); otherwise nothing is written and
 * the reason is returned. Temporaries left by killed runs are removed first, and Ctrl-C or
 * SIGTERM removes this run's.
 * @example await writeFolderAtomic('imported', files, (path) => path === 'codebook.yaml')
 */
export async function writeFolderAtomic(
  dir: string,
  files: ReadonlyMap<string, string | Uint8Array>,
  isOurs: (path: string) => boolean,
): Promise<FolderRefusal | null> {
  const target = resolve(dir);
  await removeStaleTemporaries(target);
  const existing = await stat(target).catch(() => null);
  if (existing) {
    if (!existing.isDirectory()) return { refused: 'is-a-file' };
    const foreign = (await listFiles(target)).filter((f) => !isOurs(f) && !SYSTEM_FILES.has(f.split('/').pop()!));
    if (foreign.length > 0) return { refused: 'foreign-files', files: foreign.slice(0, 5), more: Math.max(0, foreign.length - 5) };
  }
  const temporary = temporaryPath(target);
  track(temporary);
  try {
    await mkdir(dirname(target), { recursive: true });
    await mkdir(temporary);
    for (const [path, content] of files) {
      const to = join(temporary, path);
      await mkdir(dirname(to), { recursive: true });
      await writeFile(to, content);
    }
    if (!existing) {
      await rename(temporary, target);
      return null;
    }
    // Two renames: a crash between them leaves the old folder under a temporary name, which
    // the next run removes (removeStaleTemporaries) before writing the folder again.
    const previous = temporaryPath(target, 'old');
    track(previous);
    await rename(target, previous);
    try {
      await rename(temporary, target);
    } catch (e) {
      await rename(previous, target);
      throw e;
    }
    await rm(previous, { recursive: true, force: true });
    release(previous);
    return null;
  } catch (e) {
    await rm(temporary, { recursive: true, force: true });
    throw outputWriteError(e, dir);
  } finally {
    release(temporary);
  }
}

/** Every file under a folder, as `/`-separated paths relative to it. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), `${path}/`)));
    else out.push(path);
  }
  return out;
}
