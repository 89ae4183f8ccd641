import { ROLES, type Account, type Role, type SessionRecord } from '../model/account.js';
import type { RevealState, TeamStore } from './team-store.js';

/** The SQL a team store needs: `?` placeholders, rows as plain objects, changed-row counts. */
export interface TeamSql {
  all(sql: string, params?: Array<string | number>): Promise<Array<Record<string, unknown>>>;
  run(sql: string, params?: Array<string | number>): Promise<number>;
  close(): Promise<void>;
}

/** The `*` row of `team_reveals`: every document revealed. */
const ALL_DOCUMENTS = '*';

/**
 * Team mode's accounts, sessions and reveals over any SQL database with the team tables
 * (SQLite or PostgreSQL: the statements are plain SQL both understand).
 */
export class SqlTeamStore implements TeamStore {
  constructor(private readonly sql: TeamSql) {}

  async listAccounts(): Promise<Account[]> {
    return (await this.sql.all('SELECT * FROM team_accounts ORDER BY name')).map(accountOf);
  }

  async getAccount(name: string): Promise<Account | undefined> {
    const [row] = await this.sql.all('SELECT * FROM team_accounts WHERE name = ?', [name]);
    return row ? accountOf(row) : undefined;
  }

  async saveAccount(account: Account): Promise<void> {
    if (!ROLES.includes(account.role)) throw new TypeError(`role must be one of ${ROLES.join(', ')} (got "${String(account.role)}")`);
    await this.sql.run(
      'INSERT INTO team_accounts (name, role, password_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash',
      [account.name, account.role, account.passwordHash, account.createdAt],
    );
  }

  async removeAccount(name: string): Promise<boolean> {
    await this.sql.run('DELETE FROM team_sessions WHERE account = ?', [name]);
    return (await this.sql.run('DELETE FROM team_accounts WHERE name = ?', [name])) > 0;
  }

  async addSession(session: SessionRecord): Promise<void> {
    await this.sql.run('INSERT INTO team_sessions (token_hash, account, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)', [
      session.tokenHash,
      session.account,
      session.csrfToken,
      session.createdAt,
      session.lastSeenAt,
    ]);
  }

  async getSession(tokenHash: string): Promise<SessionRecord | undefined> {
    const [row] = await this.sql.all('SELECT * FROM team_sessions WHERE token_hash = ?', [tokenHash]);
    return row
      ? {
          tokenHash: String(row.token_hash),
          account: String(row.account),
          csrfToken: String(row.csrf_token),
          createdAt: Number(row.created_at),
          lastSeenAt: Number(row.last_seen_at),
        }
      : undefined;
  }

  async touchSession(tokenHash: string, lastSeenAt: number): Promise<void> {
    await this.sql.run('UPDATE team_sessions SET last_seen_at = ? WHERE token_hash = ?', [lastSeenAt, tokenHash]);
  }

  async removeSession(tokenHash: string): Promise<void> {
    await this.sql.run('DELETE FROM team_sessions WHERE token_hash = ?', [tokenHash]);
  }

  removeSessionsOf(account: string): Promise<number> {
    return this.sql.run('DELETE FROM team_sessions WHERE account = ?', [account]);
  }

  async lastSeen(): Promise<Record<string, number>> {
    const rows = await this.sql.all('SELECT account, max(last_seen_at) AS at FROM team_sessions GROUP BY account ORDER BY account');
    return Object.fromEntries(rows.map((r) => [String(r.account), Number(r.at)]));
  }

  async reveals(): Promise<RevealState> {
    const documents = (await this.sql.all('SELECT document FROM team_reveals ORDER BY document')).map((r) => String(r.document));
    return { all: documents.includes(ALL_DOCUMENTS), documents: documents.filter((d) => d !== ALL_DOCUMENTS) };
  }

  async setRevealed(document: string | null, revealed: boolean): Promise<void> {
    const key = document ?? ALL_DOCUMENTS;
    if (revealed) await this.sql.run('INSERT INTO team_reveals (document) VALUES (?) ON CONFLICT (document) DO NOTHING', [key]);
    else if (document === null) await this.sql.run('DELETE FROM team_reveals', []);
    else await this.sql.run('DELETE FROM team_reveals WHERE document = ?', [key]);
  }

  close(): Promise<void> {
    return this.sql.close();
  }
}

function accountOf(row: Record<string, unknown>): Account {
  return {
    name: String(row.name),
    role: String(row.role) as Role,
    passwordHash: String(row.password_hash),
    createdAt: String(row.created_at),
  };
}
