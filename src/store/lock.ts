import { randomUUID } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
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

/** The folder in which reading processes record themselves, one file each. */
export function readersPath(file: string): string {
  return `${file}.readers`;
}

/** The owner recorded for a project, or null when none (or the record is unreadable). */
export function readOwner(file: string): Owner | null {
  return readRecord(ownerPath(file));
}

function readRecord(path: string): Owner | null {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<Owner>;
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
  const who = owner
    ? `process ${owner.pid}${owner.command ? ` (${owner.command})` : ''}${owner.host !== hostname() ? ` on ${owner.host}` : ''} since ${owner.since}`
    : 'another process';
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
      try {
        writeSync(fd, JSON.stringify(currentProcess()));
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

function currentProcess(): Owner {
  return { pid: process.pid, host: hostname(), command: commandName(), since: new Date().toISOString() };
}

/**
 * Record a reader of the project, so that no other process takes a lock it holds for a crash's
 * leftover. Returns the record's id and the function that removes it.
 */
export function registerReader(file: string): { id: string; release: () => void } {
  const dir = readersPath(file);
  const id = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, id), JSON.stringify(currentProcess()));
      break;
    } catch (e) {
      // Another reader removed the empty folder between our mkdir and write: make it again.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 3) throw e;
    }
  }
  return {
    id,
    release: () => {
      rmSync(join(dir, id), { force: true });
      try {
        rmdirSync(dir);
      } catch {
        // Other readers are still there.
      }
    },
  };
}

/** Who is asking: a reader (its record id) or the owner. */
export interface Holder {
  readerId: string | null;
  owner: boolean;
}

/**
 * The live processes, other than `self`, that have the project open: the owner and the readers.
 * Records of processes that have ended are removed on the way.
 */
export function otherUsers(file: string, self: Holder): Owner[] {
  const users: Owner[] = [];
  const owner = self.owner ? null : readOwner(file);
  if (owner && ownerAlive(owner)) users.push(owner);
  let names: string[] = [];
  try {
    names = readdirSync(readersPath(file));
  } catch {
    return users;
  }
  for (const name of names) {
    if (name === self.readerId) continue;
    const reader = readRecord(join(readersPath(file), name));
    if (reader && ownerAlive(reader)) users.push(reader);
    else rmSync(join(readersPath(file), name), { force: true });
  }
  return users;
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
