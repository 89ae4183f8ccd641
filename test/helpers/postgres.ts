// PostgreSQL for the *.pg.test.ts files: the server named by QDA_TEST_PG (`.ci/with-postgres`
// starts a throw-away one). Without it those tests are reported as skipped, with the reason.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe } from 'vitest';

/** The maintenance connection string, or undefined when no server was given. */
export const POSTGRES_URL = process.env.QDA_TEST_PG || undefined;

const SKIP_REASON = 'skipped: no PostgreSQL server (set QDA_TEST_PG=postgres://… or run through .ci/with-postgres)';

/** A describe block that runs only when a PostgreSQL server is given, else is skipped with the reason in its title. */
export function describeWithPostgres(title: string, fn: () => void): void {
  if (POSTGRES_URL) describe(title, fn);
  else describe.skip(`${title} — ${SKIP_REASON}`, fn);
}

/** An empty database of its own for one test; `drop()` removes it (connections must be closed first). */
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Create a fresh, empty database on the test server so tests never see each other's rows. */
export async function scratchDatabase(): Promise<ScratchDatabase> {
  if (!POSTGRES_URL) throw new Error(SKIP_REASON);
  const name = `qda_test_${randomBytes(6).toString('hex')}`;
  await maintenance(`CREATE DATABASE ${name}`);
  return {
    url: withDatabase(POSTGRES_URL, name),
    drop: () => maintenance(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * For a test file: a function giving the URL of a new scratch database each call; every one it
 * made is dropped after the file's tests. Call it at the top of the file.
 */
export function scratchDatabases(): () => Promise<string> {
  const made: ScratchDatabase[] = [];
  afterAll(() => Promise.all(made.map((d) => d.drop())), 60_000);
  return async () => {
    const database = await scratchDatabase();
    made.push(database);
    return database.url;
  };
}

/** The same server and user, another database (URL parsing refuses `postgres://user@/db?host=/socket`). */
function withDatabase(url: string, database: string): string {
  const match = /^(postgres(?:ql)?:\/\/[^/?]*)(\/[^?]*)?(\?.*)?$/.exec(url);
  if (!match) throw new Error(`QDA_TEST_PG is not a postgres:// URL: ${url}`);
  return `${match[1]}/${database}${match[3] ?? ''}`;
}

async function maintenance(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
