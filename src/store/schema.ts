/** The SQLite schema of a project file, version by version. Documented in docs/project.md. */

/** The schema this qda writes; files with a higher `user_version` are refused. */
export const SCHEMA_VERSION = 2;

/** `PRAGMA application_id` of a qda project: "QDA1". */
export const APPLICATION_ID = 0x51444131;

/**
 * Version 1's tables and indexes, in SQL that SQLite and PostgreSQL both read, but for the
 * generated ids: PostgreSQL's schema turns `seq`/`id INTEGER PRIMARY KEY` into identity columns.
 */
export const VERSION_1_TABLES = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  file TEXT NOT NULL,
  format TEXT NOT NULL,
  language TEXT,
  text TEXT NOT NULL,
  hash TEXT NOT NULL,
  length INTEGER NOT NULL,
  turns TEXT NOT NULL,
  participants TEXT NOT NULL,
  attributes TEXT NOT NULL,
  added_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE codebook_versions (
  version INTEGER PRIMARY KEY,
  codebook TEXT NOT NULL,
  actor TEXT NOT NULL,
  at TEXT NOT NULL,
  note TEXT
);
CREATE TABLE coders (name TEXT PRIMARY KEY, color TEXT, created_at TEXT NOT NULL);
CREATE TABLE codings (
  id INTEGER PRIMARY KEY,
  document TEXT NOT NULL REFERENCES documents(id),
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  code TEXT NOT NULL,
  coder TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('manual', 'auto', 'import')),
  status TEXT NOT NULL CHECK (status IN ('suggested', 'accepted', 'rejected')),
  memo TEXT,
  matches TEXT NOT NULL,
  hits TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (start >= 0 AND "end" >= start)
);
CREATE INDEX codings_by_document ON codings (document, start);
CREATE INDEX codings_by_coder ON codings (coder);
CREATE INDEX codings_by_review ON codings (origin, status);
CREATE TABLE unplaced (
  id INTEGER PRIMARY KEY,
  document TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  code TEXT NOT NULL,
  coder TEXT NOT NULL,
  origin TEXT NOT NULL,
  status TEXT NOT NULL,
  memo TEXT,
  matches TEXT NOT NULL,
  hits TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  text TEXT NOT NULL,
  from_hash TEXT NOT NULL
);
CREATE TABLE memos (
  id INTEGER PRIMARY KEY,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('project', 'document', 'code', 'coding')),
  target TEXT NOT NULL,
  text TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE changes (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  label TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('edit', 'undo', 'redo')),
  target INTEGER REFERENCES changes(id)
);
CREATE INDEX changes_by_actor ON changes (actor, id);
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  change INTEGER NOT NULL REFERENCES changes(id),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  before TEXT,
  after TEXT
);
CREATE INDEX events_by_change ON events (change);
CREATE INDEX events_by_entity ON events (entity, entity_id);
`;

const VERSION_1 = `${VERSION_1_TABLES}
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
`;

// Version 2: learned suggestions. Origin `learned` joins the CHECK (SQLite cannot alter a CHECK,
// so the table is rebuilt with the same ids), and every coding gets the model's `score` (NULL for
// people's and rules' codings) and its `explanation` (JSON: the features that weighed most).
const VERSION_2 = `
CREATE TABLE codings_v2 (
  id INTEGER PRIMARY KEY,
  document TEXT NOT NULL REFERENCES documents(id),
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  code TEXT NOT NULL,
  coder TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('manual', 'auto', 'import', 'learned')),
  status TEXT NOT NULL CHECK (status IN ('suggested', 'accepted', 'rejected')),
  memo TEXT,
  matches TEXT NOT NULL,
  hits TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  score REAL CHECK (score IS NULL OR (score >= 0 AND score <= 1)),
  explanation TEXT NOT NULL DEFAULT '[]',
  CHECK (start >= 0 AND "end" >= start)
);
INSERT INTO codings_v2 (id, document, start, "end", code, coder, origin, status, memo, matches, hits, created_at, updated_at)
  SELECT id, document, start, "end", code, coder, origin, status, memo, matches, hits, created_at, updated_at FROM codings;
DROP TABLE codings;
ALTER TABLE codings_v2 RENAME TO codings;
CREATE INDEX codings_by_document ON codings (document, start);
CREATE INDEX codings_by_coder ON codings (coder);
CREATE INDEX codings_by_review ON codings (origin, status);
ALTER TABLE unplaced ADD COLUMN score REAL;
ALTER TABLE unplaced ADD COLUMN explanation TEXT NOT NULL DEFAULT '[]';
`;

/**
 * SQL that brings a file from version `n - 1` to `n`, indexed by `n`. Version 1 creates the
 * tables; a later version appends its `ALTER`/`CREATE` statements here, never edits earlier ones.
 */
export const MIGRATIONS: Readonly<Record<number, string>> = { 1: VERSION_1, 2: VERSION_2 };
