import { constants, accessSync, closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type { Codebook } from '../model/codebook.js';
import type { Document } from '../model/document.js';
import { message, QdaError, type Message } from '../model/message.js';
import { rollBackHotJournal } from './hot-journal.js';
import { acquireOwner, busyError, otherUsers, registerReader, removeStaleSqliteLock, type Holder } from './lock.js';
import { documentUpdate, reanchorCodings } from './document-update.js';
import { codebookVersionOf, codingOf, documentOf, documentSummaryOf, memoOf, memoTargetColumns, unplacedOf, type Row } from './rows.js';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import { isBusy, translateError } from './sqlite-errors.js';
import {
  AUTO_CODER,
  type AddDocumentResult,
  type Change,
  type ProjectCoder,
  type CodingFilter,
  type CodingPatch,
  type CodebookVersion,
  type DocumentSummary,
  type EventEntity,
  type EventFilter,
  type Memo,
  type MemoTarget,
  type NewCoding,
  type OpenOptions,
  type ProjectInfo,
  type ProjectReader,
  type ProjectStore,
  type ProjectWriter,
  type StoredCoding,
  type StoreEvent,
  type UndoState,
  type UnplacedCoding,
} from './store.js';
import {
  changeOf,
  changesQuery,
  checkSpanNumbers,
  checkStatus,
  codingPatchColumns,
  ENTITY_TABLES,
  eventOf,
  eventsQuery,
  filterSql,
  newCodingRow,
  type SqlValue as Value,
} from './sql-common.js';
import { undoTops } from './undo-stack.js';
import { counted } from '../util/plural.js';

type Driver = typeof import('node-sqlite3-wasm');
type Database = InstanceType<Driver['Database']>;

let loaded: Driver | null = null;

/** node-sqlite3-wasm, loaded on the first open (it compiles its WebAssembly on load). */
function driver(): Driver {
  // CommonJS whose exports a static import cannot see.
  loaded ??= createRequire(import.meta.url)('node-sqlite3-wasm') as Driver;
  return loaded;
}

/** How long a statement waits for another process's transaction before giving up. */
const BUSY_TIMEOUT_MS = 5000;
const SQLITE_HEADER = 'SQLite format 3\0';

/** A schema to open with: the current one, or another in migration tests. */
export interface SchemaSpec {
  version: number;
  migrations: Readonly<Record<number, string>>;
}

const CURRENT_SCHEMA: SchemaSpec = { version: SCHEMA_VERSION, migrations: MIGRATIONS };

/**
 * Open (or create) a project file. Throws `QdaError` with a located message when the file is
 * missing, not a project, damaged, truncated, from a newer qda, read-only (write mode) or in use.
 * @example const store = await openSqliteStore('study.qda', { mode: 'write', create: true })
 */
export async function openSqliteStore(location: string, options: OpenOptions): Promise<ProjectStore> {
  return openWithSchema(location, options, CURRENT_SCHEMA);
}

/** `openSqliteStore` with a given schema (tests of migrations use a later one). */
export async function openWithSchema(file: string, options: OpenOptions, schema: SchemaSpec): Promise<ProjectStore> {
  const notice = options.notice ?? (() => {});
  const exists = existsSync(file);
  if (!exists && !(options.create && options.mode === 'write'))
    throw projectError(file, 'no such project file', 'project-missing', 'create one with `qda project create`');
  const writable = options.mode === 'write';
  if (exists && !writable) checkHeader(file);
  if (writable) checkWritable(file, exists);
  const owned = writable ? acquireOwner(file, notice) : () => {};
  if (exists && writable) {
    try {
      const rollback = rollBackHotJournal(file);
      if (rollback) notice(`rolled back a change that a stopped process left half-written (${rollback.pages} pages restored)`);
      checkHeader(file);
    } catch (e) {
      owned();
      throw e instanceof QdaError ? e : translateError(e, file);
    }
  }
  // SQLite locks by creating a folder beside the file: on a read-only medium, read a private copy.
  const copy = !writable && !folderWritable(file) ? privateCopy(file) : null;
  const reader = !writable && !copy ? registerReader(file) : null;
  const release = () => {
    owned();
    reader?.release();
    if (copy) rmSync(dirname(copy), { recursive: true, force: true });
  };
  let db: Database | null = null;
  try {
    db = openDatabase(copy ?? file, writable || (copy === null && canWrite(file)));
    const store = new SqliteStore(file, db, !writable, options, { readerId: reader?.id ?? null, owner: writable }, release);
    store.prepare(schema, notice);
    return store;
  } catch (e) {
    try {
      db?.close();
    } catch {
      // The original error is the one to report.
    }
    release();
    throw translateError(e, file);
  }
}

function openDatabase(file: string, readWrite: boolean): Database {
  const db = new (driver().Database)(file, { readOnly: !readWrite });
  // The schema of a file from elsewhere must not run code; ours needs none.
  db.exec('PRAGMA trusted_schema = OFF');
  db.exec('PRAGMA foreign_keys = ON');
  return db;
}

/** Refuse files that are not SQLite or are cut short, before SQLite touches them. */
function checkHeader(file: string): void {
  const size = statSync(file).size;
  if (size === 0) return;
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 16 || header.toString('latin1', 0, 16) !== SQLITE_HEADER)
    throw projectError(file, 'not a qda project (not an SQLite database)', 'project-not-sqlite');
  if (read < 100)
    throw projectError(
      file,
      `the project file is truncated (${size} bytes)`,
      'project-truncated',
      'restore a copy or a `.bak-<version>` file beside it',
    );
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  const pages = header.readUInt32BE(28);
  const valid = header.readUInt32BE(24) === header.readUInt32BE(92);
  if (valid && pages > 0 && size < pageSize * pages) {
    throw projectError(
      file,
      `the project file is truncated: ${size} bytes where its header says ${pageSize * pages}`,
      'project-truncated',
      'it was not changed; restore a copy or a `.bak-<version>` file beside it',
    );
  }
}

function folderWritable(file: string): boolean {
  try {
    accessSync(dirname(file), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A copy of a project (and of a journal left by a crash) in a private temporary folder. */
function privateCopy(file: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'qda-read-'));
  const copy = join(dir, basename(file));
  copyFileSync(file, copy);
  if (existsSync(`${file}-journal`)) copyFileSync(`${file}-journal`, `${copy}-journal`);
  return copy;
}

function canWrite(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    accessSync(dirname(file), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function checkWritable(file: string, exists: boolean): void {
  try {
    if (exists) accessSync(file, constants.W_OK);
    accessSync(dirname(file), constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw projectError(file, `folder ${dirname(file)} does not exist`, 'project-missing');
    throw projectError(
      file,
      `the project ${exists ? 'file or its folder' : 'folder'} is read-only`,
      'project-read-only',
      'reading commands (report, agree, info) still work; copy it to a writable folder to change it',
    );
  }
}

function projectError(file: string, reason: string, ruleId: string, note?: string): QdaError {
  return new QdaError([message(reason, { file, ruleId, source: 'project', fatal: true, ...(note ? { note } : {}) })]);
}

function now(): string {
  return new Date().toISOString();
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Reads shared by the store and its transactions. */
class SqliteReader implements ProjectReader {
  constructor(
    protected readonly file: string,
    protected readonly db: Database,
    protected readonly options: OpenOptions,
    protected readonly holder: Holder,
  ) {}

  /** Run a statement, waiting for another process's transaction; stale locks are recovered. */
  protected withRetry<T>(fn: () => T): T {
    const deadline = Date.now() + (this.options.busyTimeoutMs ?? BUSY_TIMEOUT_MS);
    let recovered = false;
    for (;;) {
      try {
        return fn();
      } catch (e) {
        if (!isBusy(e) || this.db.inTransaction) throw e;
        if (Date.now() < deadline) {
          sleep(20);
          continue;
        }
        const others = otherUsers(this.file, this.holder);
        if (recovered || others.length > 0) throw busyError(this.file, others[0] ?? null);
        // No other live process has the project open, yet the lock stayed for the whole wait: a crash left it.
        removeStaleSqliteLock(this.file);
        this.options.notice?.(`${this.file}: removed a lock left by a process that ended`);
        recovered = true;
      }
    }
  }

  protected all(sql: string, params: Value[] = []): Row[] {
    return this.withRetry(() => this.db.all(sql, params) as Row[]);
  }

  protected get(sql: string, params: Value[] = []): Row | null {
    return this.withRetry(() => this.db.get(sql, params) as Row | null);
  }

  protected guard<T>(fn: () => T): Promise<T> {
    try {
      return Promise.resolve(fn());
    } catch (e) {
      return Promise.reject(translateError(e, this.file));
    }
  }

  info(): Promise<ProjectInfo> {
    return this.guard(() => {
      const count = (sql: string) => Number(this.get(sql)?.n ?? 0);
      const codings: Record<string, number> = {};
      for (const r of this.all('SELECT origin, status, count(*) AS n FROM codings GROUP BY origin, status ORDER BY origin, status'))
        codings[`${r.origin}/${r.status}`] = Number(r.n);
      const version = this.get('SELECT max(version) AS v FROM codebook_versions')?.v ?? null;
      return {
        location: this.file,
        schemaVersion: Number(this.get('PRAGMA user_version')?.user_version ?? 0),
        createdAt: String(this.get("SELECT value FROM meta WHERE key = 'created_at'")?.value ?? ''),
        documents: count('SELECT count(*) AS n FROM documents'),
        coders: this.all('SELECT name FROM coders ORDER BY name').map((r) => String(r.name)),
        codebookVersion: version === null ? null : Number(version),
        codings,
        unplaced: count('SELECT count(*) AS n FROM unplaced'),
        memos: count('SELECT count(*) AS n FROM memos'),
        events: count('SELECT count(*) AS n FROM events'),
      };
    });
  }

  listDocuments(): Promise<DocumentSummary[]> {
    return this.guard(() =>
      this.all('SELECT id, file, format, language, hash, length, turns, attributes, added_at, updated_at FROM documents ORDER BY seq').map(
        documentSummaryOf,
      ),
    );
  }

  getDocument(id: string): Promise<Document | null> {
    return this.guard(() => {
      const row = this.get('SELECT * FROM documents WHERE id = ?', [id]);
      return row ? documentOf(row) : null;
    });
  }

  getDocuments(ids?: readonly string[]): Promise<Document[]> {
    return this.guard(() => {
      const rows = this.all('SELECT * FROM documents ORDER BY seq');
      const wanted = ids ? new Set(ids) : null;
      return rows.filter((r) => !wanted || wanted.has(String(r.id))).map(documentOf);
    });
  }

  currentCodebook(): Promise<CodebookVersion | null> {
    return this.guard(() => {
      const row = this.get('SELECT * FROM codebook_versions ORDER BY version DESC LIMIT 1');
      return row ? codebookVersionOf(row) : null;
    });
  }

  codebookVersions(): Promise<CodebookVersion[]> {
    return this.guard(() => this.all('SELECT * FROM codebook_versions ORDER BY version').map(codebookVersionOf));
  }

  listCoders(): Promise<ProjectCoder[]> {
    return this.guard(() =>
      this.all('SELECT * FROM coders ORDER BY name').map((r) => ({
        name: String(r.name),
        color: r.color === null ? null : String(r.color),
        createdAt: String(r.created_at),
      })),
    );
  }

  listCodings(filter: CodingFilter = {}): Promise<StoredCoding[]> {
    return this.guard(() => {
      const where: string[] = [];
      const params: Value[] = [];
      filterSql(filter, where, params);
      const policy = filter.viewer !== undefined ? this.options.visibility?.(filter.viewer) : null;
      if (policy) filterSql(policy, where, params);
      const sql = `SELECT * FROM codings${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY document, start, id`;
      return this.all(sql, params).map(codingOf);
    });
  }

  getCoding(id: number): Promise<StoredCoding | null> {
    return this.guard(() => {
      const row = this.get('SELECT * FROM codings WHERE id = ?', [id]);
      return row ? codingOf(row) : null;
    });
  }

  listUnplaced(): Promise<UnplacedCoding[]> {
    return this.guard(() => this.all('SELECT * FROM unplaced ORDER BY document, id').map(unplacedOf));
  }

  listMemos(target?: MemoTarget): Promise<Memo[]> {
    return this.guard(() => {
      if (!target) return this.all('SELECT * FROM memos ORDER BY id').map(memoOf);
      const { kind, ref } = memoTargetColumns(target);
      return this.all('SELECT * FROM memos WHERE target_kind = ? AND target = ? ORDER BY id', [kind, ref]).map(memoOf);
    });
  }

  listEvents(filter: EventFilter = {}): Promise<StoreEvent[]> {
    return this.guard(() => {
      const { sql, params } = eventsQuery(filter);
      return this.all(sql, params).map(eventOf);
    });
  }

  listChanges(filter: { after?: number; actor?: string; limit?: number } = {}): Promise<Change[]> {
    return this.guard(() => {
      const { sql, params } = changesQuery(filter);
      return this.all(sql, params).map(changeOf);
    });
  }
}

/** The writes of one change; every row touched is logged. */
class SqliteWriter extends SqliteReader implements ProjectWriter {
  private readonly knownCoders = new Set<string>();

  constructor(
    file: string,
    db: Database,
    options: OpenOptions,
    private readonly changeId: number,
    private readonly actor: string,
    private readonly at: string,
  ) {
    super(file, db, options, { readerId: null, owner: true });
  }

  /** Append one event. Documents are logged without their text (the hash tells versions apart). */
  log(entity: EventEntity, id: string | number, action: StoreEvent['action'], before: Row | null, after: Row | null): void {
    const lean = (row: Row | null) =>
      row && entity === 'document' ? { ...row, text: undefined, turns: undefined, participants: undefined } : row;
    this.db.run('INSERT INTO events (change, at, actor, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      this.changeId,
      this.at,
      this.actor,
      entity,
      String(id),
      action,
      before === null ? null : JSON.stringify(lean(before)),
      after === null ? null : JSON.stringify(lean(after)),
    ]);
  }

  /** The row of an entity as stored, or null. */
  row(entity: Exclude<EventEntity, 'project'>, id: string | number): Row | null {
    const { table, key } = ENTITY_TABLES[entity];
    return this.db.get(`SELECT * FROM ${table} WHERE ${key} = ?`, [id]) as Row | null;
  }

  /** Insert a row (all columns given) and log it. */
  insert(entity: Exclude<EventEntity, 'project'>, row: Row): Row {
    const { table, key } = ENTITY_TABLES[entity];
    const names = Object.keys(row);
    const result = this.db.run(
      `INSERT INTO ${table} (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
      names.map((n) => row[n] as Value),
    );
    const id = row[key] ?? Number(result.lastInsertRowid);
    const stored = this.row(entity, id as Value as string)!;
    this.log(entity, id as string, 'create', null, stored);
    return stored;
  }

  /** Replace columns of a row and log before and after. */
  replace(entity: Exclude<EventEntity, 'project'>, id: string | number, columns: Row): Row {
    const { table, key } = ENTITY_TABLES[entity];
    const before = this.row(entity, id);
    if (!before)
      throw new QdaError([
        message(`${entity} ${id} does not exist`, { file: this.file, ruleId: 'no-such-' + entity, source: 'project', fatal: true }),
      ]);
    const names = Object.keys(columns).filter((n) => n !== key);
    this.db.run(`UPDATE ${table} SET ${names.map((n) => `"${n}" = ?`).join(', ')} WHERE ${key} = ?`, [
      ...names.map((n) => columns[n] as Value),
      id,
    ]);
    const after = this.row(entity, id)!;
    this.log(entity, id, 'update', before, after);
    return after;
  }

  /** Delete a row and log what it was. */
  remove(entity: Exclude<EventEntity, 'project'>, id: string | number): void {
    const { table, key } = ENTITY_TABLES[entity];
    const before = this.row(entity, id);
    if (!before)
      throw new QdaError([
        message(`${entity} ${id} does not exist`, { file: this.file, ruleId: 'no-such-' + entity, source: 'project', fatal: true }),
      ]);
    this.db.run(`DELETE FROM ${table} WHERE ${key} = ?`, [id]);
    this.log(entity, id, 'delete', before, null);
  }

  private ensureCoder(name: string): void {
    if (this.knownCoders.has(name)) return;
    if (!this.db.get('SELECT 1 AS x FROM coders WHERE name = ?', [name])) this.insert('coder', { name, color: null, created_at: this.at });
    this.knownCoders.add(name);
  }

  addDocument(document: Document): Promise<AddDocumentResult> {
    return this.guard(() => {
      const old = this.row('document', document.id);
      const update = documentUpdate(old, document);
      if (update.status === 'unchanged') return { id: document.id, status: 'unchanged', reanchored: 0, unplaced: 0 };
      if (update.status === 'added') {
        this.insert('document', { ...update.columns, added_at: this.at, updated_at: this.at });
        return { id: document.id, status: 'added', reanchored: 0, unplaced: 0 };
      }
      const plan = update.textChanged
        ? reanchorCodings(old!, document.text, this.db.all('SELECT * FROM codings WHERE document = ? ORDER BY id', [document.id]) as Row[])
        : { moved: [], unplaced: [] };
      for (const m of plan.moved) this.replace('coding', m.id, { start: m.start, end: m.end, hits: '[]', updated_at: this.at });
      for (const u of plan.unplaced) {
        this.remove('coding', u.id);
        this.insert('unplaced', u.row);
      }
      this.replace('document', document.id, { ...update.columns, updated_at: this.at });
      return { id: document.id, status: 'updated', reanchored: plan.moved.length, unplaced: plan.unplaced.length };
    });
  }

  saveCodebook(codebook: Codebook, note?: string): Promise<number> {
    return this.guard(() => {
      const version = Number(this.db.get('SELECT coalesce(max(version), 0) + 1 AS v FROM codebook_versions')?.v ?? 1);
      this.insert('codebook', { version, codebook: JSON.stringify(codebook), actor: this.actor, at: this.at, note: note ?? null });
      return version;
    });
  }

  setCoder(name: string, color: string | null = null): Promise<ProjectCoder> {
    return this.guard(() => {
      if (name.trim() === '') throw new TypeError('setCoder: name must not be empty');
      const old = this.row('coder', name);
      const row = old
        ? old.color === color
          ? old
          : this.replace('coder', name, { color })
        : this.insert('coder', { name, color, created_at: this.at });
      this.knownCoders.add(name);
      return { name, color: row.color === null ? null : String(row.color), createdAt: String(row.created_at) };
    });
  }

  private codingRow(c: NewCoding): Row {
    const row = newCodingRow(c, this.actor, this.at);
    this.ensureCoder(String(row.coder));
    return row;
  }

  private checkSpan(document: string, end: number): void {
    const doc = this.db.get('SELECT length FROM documents WHERE id = ?', [document]);
    if (!doc)
      throw new QdaError([
        message(`document "${document}" is not in the project`, {
          file: this.file,
          ruleId: 'unknown-document',
          source: 'project',
          fatal: true,
        }),
      ]);
    if (end > Number(doc.length))
      throw new QdaError([
        message(`coding ends at ${end}, beyond the ${doc.length} code points of "${document}"`, {
          file: this.file,
          ruleId: 'coding-out-of-range',
          source: 'project',
          fatal: true,
        }),
      ]);
  }

  addCoding(coding: NewCoding): Promise<StoredCoding> {
    return this.guard(() => {
      const row = this.codingRow(coding);
      this.checkSpan(coding.document, coding.end);
      return codingOf(this.insert('coding', row));
    });
  }

  addCodings(codings: readonly NewCoding[]): Promise<number> {
    return this.guard(() => {
      const lengths = new Map(this.db.all('SELECT id, length FROM documents').map((r) => [String(r.id), Number(r.length)]));
      const insert = this.db.prepare(
        'INSERT INTO codings (document, start, "end", code, coder, origin, status, memo, matches, hits, created_at, updated_at, score, explanation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *',
      );
      const event = this.db.prepare(
        "INSERT INTO events (change, at, actor, entity, entity_id, action, before, after) VALUES (?, ?, ?, 'coding', ?, 'create', NULL, ?)",
      );
      try {
        for (const c of codings) {
          const row = this.codingRow(c);
          const length = lengths.get(c.document);
          if (length === undefined || c.end > length) this.checkSpan(c.document, c.end);
          const stored = insert.get(Object.values(row) as Value[]) as Row;
          event.run([this.changeId, this.at, this.actor, String(stored.id), JSON.stringify(stored)]);
        }
      } finally {
        insert.finalize();
        event.finalize();
      }
      return codings.length;
    });
  }

  updateCoding(id: number, patch: CodingPatch): Promise<StoredCoding> {
    return this.guard(() => {
      const old = this.row('coding', id);
      if (!old)
        throw new QdaError([
          message(`coding ${id} does not exist`, { file: this.file, ruleId: 'no-such-coding', source: 'project', fatal: true }),
        ]);
      checkStatus(patch.status);
      const end = patch.end ?? Number(old.end);
      checkSpanNumbers(patch.start ?? Number(old.start), end);
      this.checkSpan(String(old.document), end);
      return codingOf(this.replace('coding', id, codingPatchColumns(patch, this.at)));
    });
  }

  deleteCoding(id: number): Promise<void> {
    return this.guard(() => this.remove('coding', id));
  }

  deleteCodings(filter: CodingFilter): Promise<number> {
    return this.guard(() => {
      const where: string[] = [];
      const params: Value[] = [];
      filterSql({ ...filter, viewer: undefined }, where, params);
      const rows = this.db.all(`SELECT * FROM codings${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`, params) as Row[];
      const event = this.db.prepare(
        "INSERT INTO events (change, at, actor, entity, entity_id, action, before, after) VALUES (?, ?, ?, 'coding', ?, 'delete', ?, NULL)",
      );
      try {
        for (const r of rows) event.run([this.changeId, this.at, this.actor, String(r.id), JSON.stringify(r)]);
      } finally {
        event.finalize();
      }
      this.db.run(`DELETE FROM codings${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`, params);
      return rows.length;
    });
  }

  addMemo(target: MemoTarget, text: string): Promise<Memo> {
    return this.guard(() => {
      const { kind, ref } = memoTargetColumns(target);
      return memoOf(
        this.insert('memo', { target_kind: kind, target: ref, text, author: this.actor, created_at: this.at, updated_at: this.at }),
      );
    });
  }

  updateMemo(id: number, text: string): Promise<Memo> {
    return this.guard(() => memoOf(this.replace('memo', id, { text, updated_at: this.at })));
  }

  deleteMemo(id: number): Promise<void> {
    return this.guard(() => this.remove('memo', id));
  }
}

/** An open SQLite project. */
class SqliteStore extends SqliteReader implements ProjectStore {
  /** Changes run one after another: the connection has one transaction at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    readonly location: string,
    db: Database,
    readonly readOnly: boolean,
    options: OpenOptions,
    holder: Holder,
    private readonly release: () => void,
  ) {
    super(location, db, options, holder);
  }

  /** Create, check the version of, or migrate the schema. */
  prepare(schema: SchemaSpec, notice: (text: string) => void): void {
    // A larger page cache (32 MB) for projects with many codings; it reads the file, so it waits like a query.
    this.withRetry(() => this.db.exec('PRAGMA cache_size = -32000'));
    const version = Number(this.get('PRAGMA user_version')?.user_version ?? 0);
    const tables = Number(this.get("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'")?.n ?? 0);
    const appId = Number(this.get('PRAGMA application_id')?.application_id ?? 0);
    if (tables > 0 && appId !== APPLICATION_ID)
      throw projectError(this.file, 'not a qda project (an SQLite database of another program)', 'project-not-qda');
    if (version > schema.version) {
      throw projectError(
        this.file,
        `written by a newer qda (project schema ${version}); this qda reads schema ${schema.version} and older`,
        'project-newer',
        `upgrade qda to a version that reads schema ${version}`,
      );
    }
    if (version === schema.version) return this.checkSchemaCode(schema);
    if (this.readOnly) {
      throw projectError(
        this.file,
        version === 0
          ? 'an empty file, not a qda project'
          : `written by an older qda (project schema ${version}); it must be upgraded to schema ${schema.version}`,
        version === 0 ? 'project-not-qda' : 'project-older',
        version === 0 ? undefined : 'run any writing command on it once, e.g. `qda project check`',
      );
    }
    if (version > 0) {
      const backup = `${this.file}.bak-${version}`;
      copyFileSync(this.file, backup);
      notice(`${this.file}: upgrading from project schema ${version} to ${schema.version} (a copy of the old file is ${backup})`);
    }
    // Larger pages: fewer reads of a file that holds whole transcripts (set before the first table).
    if (version === 0) this.db.exec('PRAGMA page_size = 16384');
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (let v = version + 1; v <= schema.version; v++) this.db.exec(schema.migrations[v]);
      if (version === 0) {
        this.db.exec(`PRAGMA application_id = ${APPLICATION_ID}`);
        this.db.run("INSERT INTO meta (key, value) VALUES ('created_at', ?), ('qda_version', ?)", [now(), '0.1.0']);
        this.db.run('INSERT INTO coders (name, color, created_at) VALUES (?, NULL, ?)', [AUTO_CODER, now()]);
      }
      this.db.exec(`PRAGMA user_version = ${schema.version}`);
      this.db.exec('COMMIT');
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
    this.checkSchemaCode(schema);
  }

  /**
   * Refuse a file whose schema runs code qda did not write (triggers or views added by someone
   * else would run on our reads and writes): a project from elsewhere is not trusted.
   */
  private checkSchemaCode(schema: SchemaSpec): void {
    const ours = new Set(
      Object.values(schema.migrations).flatMap((sql) => [...sql.matchAll(/CREATE (?:TRIGGER|VIEW) (\w+)/g)].map((m) => m[1])),
    );
    const foreign = this.all("SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view') ORDER BY name").filter(
      (r) => !ours.has(String(r.name)),
    );
    if (foreign.length > 0) {
      const list = foreign.map((r) => `${String(r.type)} "${String(r.name)}"`).join(', ');
      throw projectError(
        this.file,
        `the project holds database code qda did not write (${list}); it was not opened`,
        'project-foreign-code',
        'open it with the sqlite3 tool to inspect it, or ask whoever sent it for a clean export',
      );
    }
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private assertWritable(): void {
    if (this.closed) throw new Error('the project is closed');
    if (this.readOnly) throw projectError(this.file, 'the project was opened for reading only', 'project-read-only');
  }

  /** Begin a transaction and record its change row. */
  private begin(actor: string, label: string, kind: Change['kind'], target: number | null): { changeId: number; at: string } {
    this.withRetry(() => this.db.exec('BEGIN IMMEDIATE'));
    const at = now();
    const changeId = Number(
      this.db.run('INSERT INTO changes (at, actor, label, kind, target) VALUES (?, ?, ?, ?, ?)', [at, actor, label, kind, target])
        .lastInsertRowid,
    );
    return { changeId, at };
  }

  private finish(ok: boolean): void {
    if (ok) this.db.exec('COMMIT');
    else if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  change<T>(actor: string, label: string, fn: (tx: ProjectWriter) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      this.assertWritable();
      if (typeof actor !== 'string' || actor.trim() === '') throw new TypeError('change: actor must be a non-empty name');
      try {
        const { changeId, at } = this.begin(actor, label, 'edit', null);
        const tx = new SqliteWriter(this.file, this.db, this.options, changeId, actor, at);
        const result = await fn(tx);
        this.finish(true);
        return result;
      } catch (e) {
        try {
          this.finish(false);
        } catch {
          // SQLite rolled back already (an I/O error ends the transaction).
        }
        throw translateError(e, this.file);
      }
    });
  }

  /** The actor's undo and redo tops, read from the log. */
  private tops(actor: string): { undo: number | null; redo: number | null } {
    const rows = this.all(
      "SELECT c.id, c.kind, c.target, (SELECT count(*) FROM events e WHERE e.change = c.id) AS events, (SELECT count(*) FROM events e WHERE e.change = c.id AND e.entity IN ('document', 'project', 'unplaced')) AS fixed FROM changes c WHERE c.actor = ? ORDER BY c.id",
      [actor],
    );
    return undoTops(
      rows.map((r) => ({
        id: Number(r.id),
        kind: String(r.kind) as Change['kind'],
        target: r.target === null ? null : Number(r.target),
        undoable: Number(r.events) > 0 && Number(r.fixed) === 0,
      })),
    );
  }

  undoState(actor: string): Promise<UndoState> {
    return this.guard(() => {
      const { undo, redo } = this.tops(actor);
      const changeById = (id: number | null) => (id === null ? null : changeOf(this.get('SELECT * FROM changes WHERE id = ?', [id])!));
      return { undo: changeById(undo), redo: changeById(redo) };
    });
  }

  undo(actor: string): Promise<Change | null> {
    return this.replay(actor, 'undo');
  }

  redo(actor: string): Promise<Change | null> {
    return this.replay(actor, 'redo');
  }

  /** Apply the inverse (undo) or the events again (redo) of the actor's top change, as a new change. */
  private replay(actor: string, kind: 'undo' | 'redo'): Promise<Change | null> {
    return this.serial(async () => {
      this.assertWritable();
      try {
        const target = this.tops(actor)[kind];
        if (target === null) return null;
        const original = changeOf(this.get('SELECT * FROM changes WHERE id = ?', [target])!);
        const events = this.all('SELECT * FROM events WHERE change = ? ORDER BY id', [target]);
        if (kind === 'undo') events.reverse();
        const { changeId, at } = this.begin(actor, `${kind} ${original.label}`, kind, target);
        const tx = new SqliteWriter(this.file, this.db, this.options, changeId, actor, at);
        for (const e of events) {
          const entity = String(e.entity) as Exclude<EventEntity, 'project'>;
          const id = String(e.entity_id);
          const before = e.before === null ? null : (JSON.parse(String(e.before)) as Row);
          const after = e.after === null ? null : (JSON.parse(String(e.after)) as Row);
          const [expected, wanted] = kind === 'undo' ? [after, before] : [before, after];
          const key = entity === 'coder' || entity === 'document' ? id : Number(id);
          const current = tx.row(entity, key);
          if (JSON.stringify(current) !== JSON.stringify(expected)) {
            throw projectError(this.file, `cannot ${kind} "${original.label}": ${entity} ${id} was changed since`, `${kind}-conflict`);
          }
          if (wanted === null) tx.remove(entity, key);
          else if (expected === null) tx.insert(entity, wanted);
          else tx.replace(entity, key, wanted);
        }
        this.finish(true);
        return changeOf(this.get('SELECT * FROM changes WHERE id = ?', [changeId])!);
      } catch (e) {
        try {
          this.finish(false);
        } catch {
          // Already rolled back.
        }
        throw translateError(e, this.file);
      }
    });
  }

  check(): Promise<Message[]> {
    return this.guard(() => {
      const messages: Message[] = [];
      const at = (reason: string, ruleId: string, fatal = true) =>
        messages.push(message(reason, { file: this.file, ruleId, source: 'project-check', fatal }));
      for (const r of this.all('PRAGMA integrity_check')) {
        const text = String(Object.values(r)[0]);
        if (text !== 'ok') at(`SQLite integrity: ${text}`, 'sqlite-integrity');
      }
      for (const r of this.all('PRAGMA foreign_key_check'))
        at(`${String(r.table)} row ${String(r.rowid)} points to a missing ${String(r.parent)} row`, 'foreign-key');
      for (const r of this.all(
        'SELECT c.id, c.document, c."end", d.length FROM codings c JOIN documents d ON d.id = c.document WHERE c."end" > d.length',
      )) {
        at(
          `coding ${String(r.id)} ends at ${String(r.end)}, beyond the ${String(r.length)} code points of "${String(r.document)}"`,
          'coding-out-of-range',
        );
      }
      const current = this.get('SELECT codebook FROM codebook_versions ORDER BY version DESC LIMIT 1');
      if (current) {
        const known = new Set((JSON.parse(String(current.codebook)) as Codebook).codes.map((c) => c.id));
        for (const r of this.all('SELECT code, count(*) AS n FROM codings GROUP BY code')) {
          if (!known.has(String(r.code)))
            at(`code "${String(r.code)}" (${counted(Number(r.n), 'coding')}) is not in the current codebook`, 'unknown-code', false);
        }
      }
      const unplaced = Number(this.get('SELECT count(*) AS n FROM unplaced')?.n ?? 0);
      if (unplaced > 0)
        at(
          `${counted(unplaced, 'coding')} could not be placed after their document changed (kept apart; \`qda project export --format csv\` lists them)`,
          'unplaced-codings',
          false,
        );
      return messages;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue;
    this.closed = true;
    try {
      this.db.close();
    } finally {
      this.release();
    }
  }
}
