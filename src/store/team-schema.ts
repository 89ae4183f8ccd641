/**
 * Team mode's tables: accounts, signed-in sessions (only a hash of each cookie token) and the
 * documents whose codings the owner revealed (`*` for all). The same SQL serves PostgreSQL (in
 * the project's database) and SQLite (in the `.team` file beside a project file).
 */
export const TEAM_TABLES = `
CREATE TABLE team_accounts (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('owner', 'coder', 'viewer')),
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE team_sessions (
  token_hash TEXT PRIMARY KEY,
  account TEXT NOT NULL REFERENCES team_accounts(name) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL
);
CREATE INDEX team_sessions_by_account ON team_sessions (account);
CREATE TABLE team_reveals (document TEXT PRIMARY KEY);
`;
