import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { message, QdaError } from '../model/message.js';
import { removeStaleSqliteLock } from './lock.js';
import { isBusy, translateError } from './sqlite-errors.js';
import { SqlTeamStore } from './sql-team-store.js';
import { TEAM_TABLES } from './team-schema.js';
import type { TeamStore } from './team-store.js';

type Driver = typeof import('node-sqlite3-wasm');
const driver = createRequire(import.meta.url)('node-sqlite3-wasm') as Driver;

/** How long a statement waits while another process (`qda project user …`) writes. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * The file beside a project file that holds its team: `study.qda.team`. Kept apart so that a
 * project file mailed to a colleague carries no password hashes or sessions.
 */
export function teamFileOf(projectFile: string): string {
  return `${projectFile}.team`;
}

/**
 * Open the team file of an SQLite project (created with `create`).
 * @example const team = await openSqliteTeamStore('study.qda', { create: true })
 */
export async function openSqliteTeamStore(projectFile: string, options: { create?: boolean } = {}): Promise<TeamStore> {
  const file = teamFileOf(projectFile);
  if (!existsSync(file) && !options.create) {
    throw new QdaError([
      message('the project has no accounts yet', {
        file,
        ruleId: 'team-missing',
        source: 'project',
        fatal: true,
        note: 'add the first owner with `qda project user add <project> <name> --role owner`',
      }),
    ]);
  }
  let db: InstanceType<Driver['Database']>;
  try {
    db = new driver.Database(file);
    db.exec('PRAGMA trusted_schema = OFF');
    db.exec('PRAGMA foreign_keys = ON');
  } catch (e) {
    throw translateError(e, file);
  }
  const retry = async <T>(fn: () => T): Promise<T> => {
    const deadline = Date.now() + BUSY_TIMEOUT_MS;
    let recovered = false;
    for (;;) {
      try {
        return fn();
      } catch (e) {
        if (!isBusy(e)) throw translateError(e, file);
        if (Date.now() > deadline) {
          // A transaction takes milliseconds: a lock held for the whole wait was left by a
          // process that was killed mid-write (SQLite rolls its journal back on the next open).
          if (recovered || !removeStaleSqliteLock(file)) throw translateError(e, file);
          recovered = true;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  };
  const created = await retry(() => Boolean(db.get("SELECT 1 AS x FROM sqlite_master WHERE name = 'team_accounts'")));
  if (!created) await retry(() => db.exec(`BEGIN IMMEDIATE; ${TEAM_TABLES} COMMIT;`));
  return new SqlTeamStore({
    all: (sql, params = []) => retry(() => db.all(sql, params) as Array<Record<string, unknown>>),
    run: (sql, params = []) => retry(() => Number(db.run(sql, params).changes)),
    close: async () => db.close(),
  });
}
