import { message, QdaError } from '../model/message.js';

/** The rule id, reason and advice for each driver error a user can act on. */
const KNOWN: Array<{ pattern: RegExp; ruleId: string; reason: string; note?: string }> = [
  { pattern: /file is not a database|not a database/i, ruleId: 'project-not-sqlite', reason: 'not a qda project (not an SQLite database)' },
  {
    pattern: /malformed|corrupt/i,
    ruleId: 'project-damaged',
    reason: 'the project file is damaged',
    note: 'it was not changed; restore a copy or a `.bak-<version>` file beside it; `qda project check` lists what is wrong',
  },
  {
    pattern: /readonly database|read-only/i,
    ruleId: 'project-read-only',
    reason: 'the project file or its folder is read-only',
    note: 'reading commands work; copy the file to a writable folder to change it',
  },
  {
    pattern: /database or disk is full|SQLITE_FULL/i,
    ruleId: 'disk-full',
    reason: 'the disk is full; the change was not saved',
    note: 'the project keeps every earlier change; free some space and run the command again',
  },
  {
    pattern: /disk I\/O error/i,
    ruleId: 'project-io',
    reason: 'could not write the project (disk full or failing); the change was not saved',
    note: 'the project keeps every earlier change; free some space and run the command again',
  },
  { pattern: /database is locked/i, ruleId: 'project-busy', reason: 'the project is busy (another process is writing to it)' },
  { pattern: /Could not open the database|unable to open/i, ruleId: 'project-unreadable', reason: 'cannot open the project file' },
];

/** Is this the driver's "busy" error (another process holds the lock)? */
export function isBusy(error: unknown): boolean {
  return error instanceof Error && error.name === 'SQLite3Error' && /database is locked/i.test(error.message);
}

/**
 * A driver error as the located message a user reads; other errors (programming errors, our
 * own QdaErrors) pass through unchanged.
 * @example throw translateError(e, 'study.qda')
 */
export function translateError(error: unknown, file: string): unknown {
  if (!(error instanceof Error) || error.name !== 'SQLite3Error') return error;
  const known = KNOWN.find((k) => k.pattern.test(error.message));
  const m = known
    ? message(known.reason, { file, ruleId: known.ruleId, source: 'project', fatal: true, ...(known.note ? { note: known.note } : {}) })
    : message(`the project could not be read or written: ${error.message}`, {
        file,
        ruleId: 'project-sqlite',
        source: 'project',
        fatal: true,
      });
  return new QdaError([m]);
}
