import pg from 'pg';
import { numbered, redactedUrl, translatePgError } from './postgres-store.js';
import { SqlTeamStore } from './sql-team-store.js';
import type { TeamStore } from './team-store.js';

/**
 * Team mode's tables in a project's PostgreSQL database (created with the project's schema).
 * @example const team = await openPostgresTeamStore(process.env.DATABASE_URL)
 */
export async function openPostgresTeamStore(url: string): Promise<TeamStore> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on('error', () => {});
  const query = async (sql: string, params: Array<string | number> = []) => {
    try {
      return await pool.query(numbered(sql), params);
    } catch (e) {
      throw translatePgError(e, redactedUrl(url));
    }
  };
  return new SqlTeamStore({
    all: async (sql, params) => (await query(sql, params)).rows as Array<Record<string, unknown>>,
    run: async (sql, params) => (await query(sql, params)).rowCount ?? 0,
    close: () => pool.end(),
  });
}
