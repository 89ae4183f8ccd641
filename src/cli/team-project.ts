import { existsSync } from 'node:fs';
import { message, QdaError } from '../model/message.js';
import { openPostgresStore, redactedUrl } from '../store/postgres-store.js';
import { openPostgresTeamStore } from '../store/postgres-team-store.js';
import { openSqliteStore } from '../store/sqlite-store.js';
import { openSqliteTeamStore } from '../store/sqlite-team-store.js';
import type { OpenOptions, ProjectStore } from '../store/store.js';
import type { TeamStore } from '../store/team-store.js';

/** True for a PostgreSQL connection string. */
export function isDatabaseUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * The project to serve or to manage accounts of: an SQLite file, or a PostgreSQL database when
 * `database` is given (or the location itself is a `postgres://` URL).
 */
export async function openTeamProject(
  location: string,
  options: { database?: string; create?: boolean; notice?: (t: string) => void },
): Promise<{ store: ProjectStore; team: TeamStore; shownAs: string }> {
  const url = options.database ?? (isDatabaseUrl(location) ? location : undefined);
  const open: OpenOptions = {
    mode: 'write',
    ...(options.create ? { create: true } : {}),
    ...(options.notice ? { notice: options.notice } : {}),
  };
  if (url) {
    const store = await openPostgresStore(url, open);
    return { store, team: await openPostgresTeamStore(url), shownAs: redactedUrl(url) };
  }
  if (!existsSync(location) && !options.create) {
    throw new QdaError([
      message('no such project file', {
        file: location,
        ruleId: 'project-missing',
        source: 'project',
        fatal: true,
        note: 'create one with `qda project create`',
      }),
    ]);
  }
  const store = await openSqliteStore(location, open);
  try {
    return { store, team: await openSqliteTeamStore(location, { create: true }), shownAs: location };
  } catch (e) {
    await store.close();
    throw e;
  }
}
