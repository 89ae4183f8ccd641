import pg from 'pg';
import type { Codebook } from '../model/codebook.js';
import type { Document } from '../model/document.js';
import { message, QdaError, type Message } from '../model/message.js';
import { POSTGRES_APPLICATION, POSTGRES_MIGRATIONS, POSTGRES_SCHEMA_VERSION } from './postgres-schema.js';
import { documentUpdate, reanchorCodings } from './document-update.js';
import { codebookVersionOf, codingOf, documentOf, documentSummaryOf, memoOf, memoTargetColumns, unplacedOf, type Row } from './rows.js';
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
  type TableEntity as Entity,
} from './sql-common.js';
import { undoTops } from './undo-stack.js';
import { counted } from '../util/plural.js';

/** Something that runs a query: the pool (reads) or one client inside a transaction. */
interface Queryable {
  query(sql: string, params?: Value[]): Promise<pg.QueryResult>;
}

/**
 * Every change takes this transaction-level advisory lock: changes commit one after another, so
 * event ids appear in commit order (a poller reading `after` never skips one) and undo sees a
 * stable log. Reads never wait for it.
 */
const CHANGE_LOCK = 0x51444131;

/** Connections per process; 30 coders' requests queue for them. */
const POOL_SIZE = 8;

/** `?` placeholders (as the SQLite store writes them) numbered for PostgreSQL. */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** The URL without its password, for messages and `location`. */
export function redactedUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/, '$1:***@');
}

/**
 * Open (or create) a project kept in a PostgreSQL database. Throws `QdaError` with a located
 * message when the server cannot be reached, the database is not a qda project, or is from a
 * newer qda.
 * @example const store = await openPostgresStore('postgres://qda@db.example/study', { mode: 'write', create: true })
 */
export async function openPostgresStore(url: string, options: OpenOptions): Promise<ProjectStore> {
  const location = redactedUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    const store = new PostgresStore(location, pool, options.mode === 'read', options);
    await store.prepare(options);
    return store;
  } catch (e) {
    await pool.end().catch(() => {});
    throw translatePgError(e, location);
  }
}

/** A driver error as a located message; our own errors pass through. */
export function translatePgError(error: unknown, location: string): unknown {
  // Only the driver's and the network's errors carry a `code`; a caller's own error thrown inside a change passes through.
  if (error instanceof QdaError || !(error instanceof Error) || typeof (error as Error & { code?: unknown }).code !== 'string')
    return error;
  const code = (error as Error & { code: string }).code;
  const known: Record<string, [string, string]> = {
    ECONNREFUSED: ['cannot reach the PostgreSQL server (connection refused)', 'database-unreachable'],
    ENOENT: ['cannot reach the PostgreSQL server (no socket there)', 'database-unreachable'],
    '3D000': ['the database does not exist', 'database-missing'],
    '28P01': ['the database refused the password', 'database-auth'],
    '28000': ['the database refused this user', 'database-auth'],
    '53100': ["the database server's disk is full; the change was not saved", 'disk-full'],
  };
  const [reason, ruleId] = known[code] ?? [`the database could not be read or written: ${error.message}`, 'database-error'];
  return projectError(location, reason, ruleId);
}

function projectError(location: string, reason: string, ruleId: string, note?: string): QdaError {
  return new QdaError([message(reason, { file: location, ruleId, source: 'project', fatal: true, ...(note ? { note } : {}) })]);
}

function now(): string {
  return new Date().toISOString();
}

/** Reads shared by the store (through the pool) and its transactions (through their client). */
class PostgresReader implements ProjectReader {
  constructor(
    readonly location: string,
    protected readonly db: Queryable,
    protected readonly options: OpenOptions,
  ) {}

  protected async all(sql: string, params: Value[] = []): Promise<Row[]> {
    try {
      return (await this.db.query(numbered(sql), params)).rows as Row[];
    } catch (e) {
      throw translatePgError(e, this.location);
    }
  }

  protected async get(sql: string, params: Value[] = []): Promise<Row | null> {
    return (await this.all(sql, params))[0] ?? null;
  }

  async info(): Promise<ProjectInfo> {
    const count = async (sql: string) => Number((await this.get(sql))?.n ?? 0);
    const codings: Record<string, number> = {};
    for (const r of await this.all('SELECT origin, status, count(*) AS n FROM codings GROUP BY origin, status ORDER BY origin, status'))
      codings[`${r.origin}/${r.status}`] = Number(r.n);
    const version = (await this.get('SELECT max(version) AS v FROM codebook_versions'))?.v ?? null;
    return {
      location: this.location,
      schemaVersion: Number((await this.get("SELECT value FROM meta WHERE key = 'schema_version'"))?.value ?? 0),
      createdAt: String((await this.get("SELECT value FROM meta WHERE key = 'created_at'"))?.value ?? ''),
      documents: await count('SELECT count(*) AS n FROM documents'),
      coders: (await this.all('SELECT name FROM coders ORDER BY name COLLATE "C"')).map((r) => String(r.name)),
      codebookVersion: version === null ? null : Number(version),
      codings,
      unplaced: await count('SELECT count(*) AS n FROM unplaced'),
      memos: await count('SELECT count(*) AS n FROM memos'),
      events: await count('SELECT count(*) AS n FROM events'),
    };
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    return (
      await this.all('SELECT id, file, format, language, hash, length, turns, attributes, added_at, updated_at FROM documents ORDER BY seq')
    ).map(documentSummaryOf);
  }

  async getDocument(id: string): Promise<Document | null> {
    const row = await this.get('SELECT * FROM documents WHERE id = ?', [id]);
    return row ? documentOf(row) : null;
  }

  async getDocuments(ids?: readonly string[]): Promise<Document[]> {
    const rows = await this.all('SELECT * FROM documents ORDER BY seq');
    const wanted = ids ? new Set(ids) : null;
    return rows.filter((r) => !wanted || wanted.has(String(r.id))).map(documentOf);
  }

  async currentCodebook(): Promise<CodebookVersion | null> {
    const row = await this.get('SELECT * FROM codebook_versions ORDER BY version DESC LIMIT 1');
    return row ? codebookVersionOf(row) : null;
  }

  async codebookVersions(): Promise<CodebookVersion[]> {
    return (await this.all('SELECT * FROM codebook_versions ORDER BY version')).map(codebookVersionOf);
  }

  async listCoders(): Promise<ProjectCoder[]> {
    return (await this.all('SELECT * FROM coders ORDER BY name COLLATE "C"')).map((r) => ({
      name: String(r.name),
      color: r.color === null ? null : String(r.color),
      createdAt: String(r.created_at),
    }));
  }

  async listCodings(filter: CodingFilter = {}): Promise<StoredCoding[]> {
    const where: string[] = [];
    const params: Value[] = [];
    filterSql(filter, where, params);
    const policy = filter.viewer !== undefined ? this.options.visibility?.(filter.viewer) : null;
    if (policy) filterSql(policy, where, params);
    const sql = `SELECT * FROM codings${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY document COLLATE "C", start, id`;
    return (await this.all(sql, params)).map(codingOf);
  }

  async getCoding(id: number): Promise<StoredCoding | null> {
    const row = await this.get('SELECT * FROM codings WHERE id = ?', [id]);
    return row ? codingOf(row) : null;
  }

  async listUnplaced(): Promise<UnplacedCoding[]> {
    return (await this.all('SELECT * FROM unplaced ORDER BY document COLLATE "C", id')).map(unplacedOf);
  }

  async listMemos(target?: MemoTarget): Promise<Memo[]> {
    if (!target) return (await this.all('SELECT * FROM memos ORDER BY id')).map(memoOf);
    const { kind, ref } = memoTargetColumns(target);
    return (await this.all('SELECT * FROM memos WHERE target_kind = ? AND target = ? ORDER BY id', [kind, ref])).map(memoOf);
  }

  async listEvents(filter: EventFilter = {}): Promise<StoreEvent[]> {
    const { sql, params } = eventsQuery(filter);
    return (await this.all(sql, params)).map(eventOf);
  }

  async listChanges(filter: { after?: number; actor?: string; limit?: number } = {}): Promise<Change[]> {
    const { sql, params } = changesQuery(filter);
    return (await this.all(sql, params)).map(changeOf);
  }
}

/** The writes of one change, on the transaction's client; every row touched is logged. */
class PostgresWriter extends PostgresReader implements ProjectWriter {
  private readonly knownCoders = new Set<string>();

  constructor(
    location: string,
    client: Queryable,
    options: OpenOptions,
    readonly changeId: number,
    private readonly actor: string,
    private readonly at: string,
  ) {
    super(location, client, options);
  }

  /** Append one event. Documents are logged without their text (the hash tells versions apart). */
  async log(entity: EventEntity, id: string | number, action: StoreEvent['action'], before: Row | null, after: Row | null): Promise<void> {
    const lean = (row: Row | null) =>
      row && entity === 'document' ? { ...row, text: undefined, turns: undefined, participants: undefined } : row;
    await this.all('INSERT INTO events (change, at, actor, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
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
  async row(entity: Entity, id: string | number): Promise<Row | null> {
    const { table, key } = ENTITY_TABLES[entity];
    return this.get(`SELECT * FROM ${table} WHERE ${key} = ?`, [id]);
  }

  /** Insert a row and log it; returns the row as stored. */
  async insert(entity: Entity, row: Row): Promise<Row> {
    const { table, key } = ENTITY_TABLES[entity];
    const names = Object.keys(row);
    const stored = (await this.get(
      `INSERT INTO ${table} (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')}) RETURNING *`,
      names.map((n) => row[n] as Value),
    ))!;
    await this.log(entity, String(stored[key]), 'create', null, stored);
    return stored;
  }

  /** Replace columns of a row and log before and after. */
  async replace(entity: Entity, id: string | number, columns: Row): Promise<Row> {
    const { table, key } = ENTITY_TABLES[entity];
    const before = await this.row(entity, id);
    if (!before) throw projectError(this.location, `${entity} ${id} does not exist`, `no-such-${entity}`);
    const names = Object.keys(columns).filter((n) => n !== key);
    const after = (await this.get(`UPDATE ${table} SET ${names.map((n) => `"${n}" = ?`).join(', ')} WHERE ${key} = ? RETURNING *`, [
      ...names.map((n) => columns[n] as Value),
      id,
    ]))!;
    await this.log(entity, id, 'update', before, after);
    return after;
  }

  /** Delete a row and log what it was. */
  async remove(entity: Entity, id: string | number): Promise<void> {
    const { table, key } = ENTITY_TABLES[entity];
    const before = await this.get(`DELETE FROM ${table} WHERE ${key} = ? RETURNING *`, [id]);
    if (!before) throw projectError(this.location, `${entity} ${id} does not exist`, `no-such-${entity}`);
    await this.log(entity, id, 'delete', before, null);
  }

  private async ensureCoder(name: string): Promise<void> {
    if (this.knownCoders.has(name)) return;
    if (!(await this.get('SELECT 1 AS x FROM coders WHERE name = ?', [name])))
      await this.insert('coder', { name, color: null, created_at: this.at });
    this.knownCoders.add(name);
  }

  async addDocument(document: Document): Promise<AddDocumentResult> {
    const old = await this.row('document', document.id);
    const update = documentUpdate(old, document);
    if (update.status === 'unchanged') return { id: document.id, status: 'unchanged', reanchored: 0, unplaced: 0 };
    if (update.status === 'added') {
      await this.insert('document', { ...update.columns, added_at: this.at, updated_at: this.at });
      return { id: document.id, status: 'added', reanchored: 0, unplaced: 0 };
    }
    const plan = update.textChanged
      ? reanchorCodings(old!, document.text, await this.all('SELECT * FROM codings WHERE document = ? ORDER BY id', [document.id]))
      : { moved: [], unplaced: [] };
    for (const m of plan.moved) await this.replace('coding', m.id, { start: m.start, end: m.end, hits: '[]', updated_at: this.at });
    for (const u of plan.unplaced) {
      await this.remove('coding', u.id);
      await this.insert('unplaced', u.row);
    }
    await this.replace('document', document.id, { ...update.columns, updated_at: this.at });
    return { id: document.id, status: 'updated', reanchored: plan.moved.length, unplaced: plan.unplaced.length };
  }

  async saveCodebook(codebook: Codebook, note?: string): Promise<number> {
    const version = Number((await this.get('SELECT coalesce(max(version), 0) + 1 AS v FROM codebook_versions'))?.v ?? 1);
    await this.insert('codebook', { version, codebook: JSON.stringify(codebook), actor: this.actor, at: this.at, note: note ?? null });
    return version;
  }

  async setCoder(name: string, color: string | null = null): Promise<ProjectCoder> {
    if (name.trim() === '') throw new TypeError('setCoder: name must not be empty');
    const old = await this.row('coder', name);
    const row = old
      ? old.color === color
        ? old
        : await this.replace('coder', name, { color })
      : await this.insert('coder', { name, color, created_at: this.at });
    this.knownCoders.add(name);
    return { name, color: row.color === null ? null : String(row.color), createdAt: String(row.created_at) };
  }

  private async codingRow(c: NewCoding): Promise<Row> {
    const row = newCodingRow(c, this.actor, this.at);
    await this.ensureCoder(String(row.coder));
    return row;
  }

  private async checkSpan(document: string, end: number, lengths?: Map<string, number>): Promise<void> {
    const length =
      lengths?.get(document) ?? Number((await this.get('SELECT length FROM documents WHERE id = ?', [document]))?.length ?? NaN);
    if (Number.isNaN(length)) throw projectError(this.location, `document "${document}" is not in the project`, 'unknown-document');
    if (end > length)
      throw projectError(this.location, `coding ends at ${end}, beyond the ${length} code points of "${document}"`, 'coding-out-of-range');
  }

  async addCoding(coding: NewCoding): Promise<StoredCoding> {
    const row = await this.codingRow(coding);
    await this.checkSpan(coding.document, coding.end);
    return codingOf(await this.insert('coding', row));
  }

  async addCodings(codings: readonly NewCoding[]): Promise<number> {
    const lengths = new Map((await this.all('SELECT id, length FROM documents')).map((r) => [String(r.id), Number(r.length)]));
    for (const c of codings) {
      const row = await this.codingRow(c);
      await this.checkSpan(c.document, c.end, lengths);
      await this.insert('coding', row);
    }
    return codings.length;
  }

  async updateCoding(id: number, patch: CodingPatch): Promise<StoredCoding> {
    const old = await this.row('coding', id);
    if (!old) throw projectError(this.location, `coding ${id} does not exist`, 'no-such-coding');
    checkStatus(patch.status);
    const end = patch.end ?? Number(old.end);
    checkSpanNumbers(patch.start ?? Number(old.start), end);
    await this.checkSpan(String(old.document), end);
    return codingOf(await this.replace('coding', id, codingPatchColumns(patch, this.at)));
  }

  async deleteCoding(id: number): Promise<void> {
    await this.remove('coding', id);
  }

  async deleteCodings(filter: CodingFilter): Promise<number> {
    const where: string[] = [];
    const params: Value[] = [];
    filterSql({ ...filter, viewer: undefined }, where, params);
    const rows = await this.all(`DELETE FROM codings${where.length ? ` WHERE ${where.join(' AND ')}` : ''} RETURNING *`, params);
    rows.sort((a, b) => Number(a.id) - Number(b.id));
    for (const r of rows) await this.log('coding', String(r.id), 'delete', r, null);
    return rows.length;
  }

  async addMemo(target: MemoTarget, text: string): Promise<Memo> {
    const { kind, ref } = memoTargetColumns(target);
    return memoOf(
      await this.insert('memo', { target_kind: kind, target: ref, text, author: this.actor, created_at: this.at, updated_at: this.at }),
    );
  }

  async updateMemo(id: number, text: string): Promise<Memo> {
    return memoOf(await this.replace('memo', id, { text, updated_at: this.at }));
  }

  async deleteMemo(id: number): Promise<void> {
    await this.remove('memo', id);
  }
}

/** An open project in PostgreSQL. Several server processes may share one database. */
class PostgresStore extends PostgresReader implements ProjectStore {
  private closed = false;

  constructor(
    location: string,
    private readonly pool: pg.Pool,
    readonly readOnly: boolean,
    options: OpenOptions,
  ) {
    super(location, pool, options);
  }

  /** The pool, for team mode's tables beside the project. */
  get connections(): pg.Pool {
    return this.pool;
  }

  /** Create the schema, or check its version (PostgreSQL migrations run inside one transaction). */
  async prepare(options: OpenOptions): Promise<void> {
    const exists = Number((await this.get("SELECT (to_regclass('meta') IS NOT NULL)::int AS present"))?.present) === 1;
    if (exists) {
      const meta = new Map((await this.all('SELECT key, value FROM meta')).map((r) => [String(r.key), String(r.value)]));
      if (meta.get('application') !== POSTGRES_APPLICATION)
        throw projectError(this.location, 'not a qda project (a database of another program)', 'project-not-qda');
      const version = Number(meta.get('schema_version'));
      if (version > POSTGRES_SCHEMA_VERSION) {
        throw projectError(
          this.location,
          `written by a newer qda (project schema ${version}); this qda reads schema ${POSTGRES_SCHEMA_VERSION} and older`,
          'project-newer',
          `upgrade qda to a version that reads schema ${version}`,
        );
      }
      if (version === POSTGRES_SCHEMA_VERSION) return;
      if (this.readOnly)
        throw projectError(
          this.location,
          `written by an older qda (project schema ${version})`,
          'project-older',
          'open it once for writing to upgrade it',
        );
      await this.transaction(async (db) => {
        for (let v = version + 1; v <= POSTGRES_SCHEMA_VERSION; v++) await db.query(POSTGRES_MIGRATIONS[v]);
        await db.query("UPDATE meta SET value = $1 WHERE key = 'schema_version'", [String(POSTGRES_SCHEMA_VERSION)]);
      });
      options.notice?.(`${this.location}: upgraded from project schema ${version} to ${POSTGRES_SCHEMA_VERSION}`);
      return;
    }
    if (!(options.create && options.mode === 'write'))
      throw projectError(
        this.location,
        'no qda project in this database',
        'project-missing',
        'create one with `qda project create` and `--database`',
      );
    await this.transaction(async (db) => {
      for (let v = 1; v <= POSTGRES_SCHEMA_VERSION; v++) await db.query(POSTGRES_MIGRATIONS[v]);
      const at = now();
      await db.query('INSERT INTO meta (key, value) VALUES ($1, $2), ($3, $4), ($5, $6), ($7, $8)', [
        'application',
        POSTGRES_APPLICATION,
        'schema_version',
        String(POSTGRES_SCHEMA_VERSION),
        'created_at',
        at,
        'qda_version',
        '0.1.0',
      ]);
      await db.query('INSERT INTO coders (name, color, created_at) VALUES ($1, NULL, $2)', [AUTO_CODER, at]);
    });
  }

  /** Run `fn` in one transaction on one client, after taking the change lock. */
  private async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('the project is closed');
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      throw translatePgError(e, this.location);
    }
    let broken = false;
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [CHANGE_LOCK]);
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw translatePgError(e, this.location);
    } finally {
      client.release(broken);
    }
  }

  private assertWritable(): void {
    if (this.closed) throw new Error('the project is closed');
    if (this.readOnly) throw projectError(this.location, 'the project was opened for reading only', 'project-read-only');
  }

  private async begin(
    client: pg.PoolClient,
    actor: string,
    label: string,
    kind: Change['kind'],
    target: number | null,
  ): Promise<PostgresWriter> {
    const at = now();
    const row = (
      await client.query('INSERT INTO changes (at, actor, label, kind, target) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
        at,
        actor,
        label,
        kind,
        target,
      ])
    ).rows[0] as Row;
    return new PostgresWriter(this.location, client, this.options, Number(row.id), actor, at);
  }

  async change<T>(actor: string, label: string, fn: (tx: ProjectWriter) => Promise<T>): Promise<T> {
    this.assertWritable();
    if (typeof actor !== 'string' || actor.trim() === '') throw new TypeError('change: actor must be a non-empty name');
    return this.transaction(async (client) => fn(await this.begin(client, actor, label, 'edit', null)));
  }

  /** The actor's undo and redo tops, read from the log. */
  private async tops(db: Queryable, actor: string): Promise<{ undo: number | null; redo: number | null }> {
    const rows = (
      await db.query(
        "SELECT c.id, c.kind, c.target, (SELECT count(*) FROM events e WHERE e.change = c.id) AS events, (SELECT count(*) FROM events e WHERE e.change = c.id AND e.entity IN ('document', 'project', 'unplaced')) AS fixed FROM changes c WHERE c.actor = $1 ORDER BY c.id",
        [actor],
      )
    ).rows as Row[];
    return undoTops(
      rows.map((r) => ({
        id: Number(r.id),
        kind: String(r.kind) as Change['kind'],
        target: r.target === null ? null : Number(r.target),
        undoable: Number(r.events) > 0 && Number(r.fixed) === 0,
      })),
    );
  }

  async undoState(actor: string): Promise<UndoState> {
    const { undo, redo } = await this.tops(this.pool, actor);
    const changeById = async (id: number | null) =>
      id === null ? null : changeOf((await this.get('SELECT * FROM changes WHERE id = ?', [id]))!);
    return { undo: await changeById(undo), redo: await changeById(redo) };
  }

  undo(actor: string): Promise<Change | null> {
    return this.replay(actor, 'undo');
  }

  redo(actor: string): Promise<Change | null> {
    return this.replay(actor, 'redo');
  }

  /** Apply the inverse (undo) or the events again (redo) of the actor's top change, as a new change. */
  private async replay(actor: string, kind: 'undo' | 'redo'): Promise<Change | null> {
    this.assertWritable();
    return this.transaction(async (client) => {
      const target = (await this.tops(client, actor))[kind];
      if (target === null) return null;
      const original = changeOf((await client.query('SELECT * FROM changes WHERE id = $1', [target])).rows[0] as Row);
      const events = (await client.query('SELECT * FROM events WHERE change = $1 ORDER BY id', [target])).rows as Row[];
      if (kind === 'undo') events.reverse();
      const tx = await this.begin(client, actor, `${kind} ${original.label}`, kind, target);
      for (const e of events) {
        const entity = String(e.entity) as Entity;
        const id = String(e.entity_id);
        const before = e.before === null ? null : (JSON.parse(String(e.before)) as Row);
        const after = e.after === null ? null : (JSON.parse(String(e.after)) as Row);
        const [expected, wanted] = kind === 'undo' ? [after, before] : [before, after];
        const key = entity === 'coder' || entity === 'document' ? id : Number(id);
        const current = await tx.row(entity, key);
        if (JSON.stringify(current) !== JSON.stringify(expected)) {
          throw projectError(this.location, `cannot ${kind} "${original.label}": ${entity} ${id} was changed since`, `${kind}-conflict`);
        }
        if (wanted === null) await tx.remove(entity, key);
        else if (expected === null) await tx.insert(entity, wanted);
        else await tx.replace(entity, key, wanted);
      }
      return changeOf((await client.query('SELECT * FROM changes WHERE id = $1', [tx.changeId])).rows[0] as Row);
    });
  }

  async check(): Promise<Message[]> {
    const messages: Message[] = [];
    const at = (reason: string, ruleId: string, fatal = true) =>
      messages.push(message(reason, { file: this.location, ruleId, source: 'project-check', fatal }));
    for (const r of await this.all(
      'SELECT c.id, c.document, c."end", d.length FROM codings c JOIN documents d ON d.id = c.document WHERE c."end" > d.length ORDER BY c.id',
    )) {
      at(
        `coding ${String(r.id)} ends at ${String(r.end)}, beyond the ${String(r.length)} code points of "${String(r.document)}"`,
        'coding-out-of-range',
      );
    }
    const current = await this.get('SELECT codebook FROM codebook_versions ORDER BY version DESC LIMIT 1');
    if (current) {
      const known = new Set((JSON.parse(String(current.codebook)) as Codebook).codes.map((c) => c.id));
      for (const r of await this.all('SELECT code, count(*) AS n FROM codings GROUP BY code ORDER BY code')) {
        if (!known.has(String(r.code)))
          at(`code "${String(r.code)}" (${counted(Number(r.n), 'coding')}) is not in the current codebook`, 'unknown-code', false);
      }
    }
    const unplaced = Number((await this.get('SELECT count(*) AS n FROM unplaced'))?.n ?? 0);
    if (unplaced > 0)
      at(
        `${counted(unplaced, 'coding')} could not be placed after their document changed (kept apart; \`qda project export --format csv\` lists them)`,
        'unplaced-codings',
        false,
      );
    return messages;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
