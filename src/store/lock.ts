import { closeSync, existsSync, openSync, readFileSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { message, QdaError } from '../model/message.js';

/** Who holds a project open for writing, as recorded in `<file>.owner`. */
export interface Owner {
  pid: number;
  host: string;
  command: string;
  since: string;
}

/** The lock directory node-sqlite3-wasm creates for the length of each transaction. */
export function sqliteLockPath(file: string): string {
  return `${file}.lock`;
}

/** The file in which a writing process records itself. */
export function ownerPath(file: string): string {
  return `${file}.owner`;
}

/** The owner recorded for a project, or null when none (or the record is unreadable). */
export function readOwner(file: string): Owner | null {
  try {
    const value = JSON.parse(readFileSync(ownerPath(file), 'utf8')) as Partial<Owner>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return null;
    return { pid: value.pid, host: value.host, command: String(value.command ?? ''), since: String(value.since ?? '') };
  } catch {
    return null;
  }
}

/** True when the owner's process still runs (an owner on another host is assumed alive). */
export function ownerAlive(owner: Owner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The located "in use" error. */
export function busyError(file: string, owner: Owner | null): QdaError {
  const who = owner ? `process ${owner.pid}${owner.command ? ` (${owner.command})` : ''}${owner.host !== hostname() ? ` on ${owner.host}` : ''} since ${owner.since}` : 'another process';
  return new QdaError([
    message(`project is in use by ${who}`, {
      file,
      ruleId: 'project-busy',
      source: 'project',
      fatal: true,
      note: 'close the other qda (e.g. stop `qda serve`) and try again; reading commands such as `qda report --project` still work',
    }),
  ]);
}

/**
 * Take a project for this process: record the owner with an exclusive create. An owner whose
 * process has ended (a crash, kill -9) is replaced, and the SQLite lock directory it may have
 * left is removed so the journal can roll its transaction back. Throws `project-busy` when a
 * live process holds it. Returns the function that releases it.
 */
export function acquireOwner(file: string, notice: (text: string) => void): () => void {
  const path = ownerPath(file);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      const owner: Owner = { pid: process.pid, host: hostname(), command: commandName(), since: new Date().toISOString() };
      try {
        writeSync(fd, JSON.stringify(owner));
      } finally {
        closeSync(fd);
      }
      return () => {
        try {
          if (readOwner(file)?.pid === process.pid) unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = readOwner(file);
    if (owner && ownerAlive(owner)) throw busyError(file, owner);
    notice(`${file}: recovered the lock of ${owner ? `process ${owner.pid}, which is no longer running` : 'an unfinished open'}`);
    rmSync(path, { force: true });
    removeStaleSqliteLock(file);
  }
  throw busyError(file, readOwner(file));
}

/** Remove the SQLite lock directory left by a process that died inside a transaction. */
export function removeStaleSqliteLock(file: string): boolean {
  const lock = sqliteLockPath(file);
  if (!existsSync(lock)) return false;
  rmSync(lock, { recursive: true, force: true });
  return true;
}

function commandName(): string {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  return args.length > 0 ? `qda ${args.slice(0, 2).join(' ')}` : 'qda';
}
