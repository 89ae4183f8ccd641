// What the SQLite and the PostgreSQL stores share: the same tables, the same rows, the same
// checks of what callers give. Only running the statements differs between them.
import type { Row } from './rows.js';
import {
  AUTO_CODER,
  CODING_ORIGINS,
  CODING_STATUSES,
  type Change,
  type CodingFilter,
  type CodingPatch,
  type EventEntity,
  type EventFilter,
  type NewCoding,
  type StoreEvent,
} from './store.js';

/** A value bound to a `?` placeholder. */
export type SqlValue = string | number | null;

/** An entity of the event log that has a table. */
export type TableEntity = Exclude<EventEntity, 'project'>;

/** Table and key column of each entity the event log records. */
export const ENTITY_TABLES: Record<TableEntity, { table: string; key: string }> = {
  document: { table: 'documents', key: 'id' },
  codebook: { table: 'codebook_versions', key: 'version' },
  coder: { table: 'coders', key: 'name' },
  coding: { table: 'codings', key: 'id' },
  unplaced: { table: 'unplaced', key: 'id' },
  memo: { table: 'memos', key: 'id' },
};

/** A value or a list of values as a list (undefined stays undefined). */
export function list<T>(value: T | readonly T[] | undefined): readonly T[] | undefined {
  return value === undefined ? undefined : Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

/** WHERE clauses (with `?` placeholders) for a coding filter; an empty list matches nothing. */
export function filterSql(filter: CodingFilter, where: string[], params: SqlValue[]): void {
  const columns: Array<keyof CodingFilter> = ['document', 'coder', 'origin', 'status', 'code'];
  for (const column of columns) {
    const values = list(filter[column] as string | readonly string[] | undefined);
    if (values === undefined) continue;
    where.push(values.length === 0 ? '1 = 0' : `${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  }
}

/** The query of `listEvents`. */
export function eventsQuery(filter: EventFilter): { sql: string; params: SqlValue[] } {
  const where: string[] = ['id > ?'];
  const params: SqlValue[] = [filter.after ?? 0];
  if (filter.entity) (where.push('entity = ?'), params.push(filter.entity));
  if (filter.entityId !== undefined) (where.push('entity_id = ?'), params.push(filter.entityId));
  if (filter.actor !== undefined) (where.push('actor = ?'), params.push(filter.actor));
  return { sql: `SELECT * FROM events WHERE ${where.join(' AND ')} ORDER BY id${limitSql(filter.limit)}`, params };
}

/** The query of `listChanges`. */
export function changesQuery(filter: { after?: number; actor?: string; limit?: number }): { sql: string; params: SqlValue[] } {
  const where: string[] = ['id > ?'];
  const params: SqlValue[] = [filter.after ?? 0];
  if (filter.actor !== undefined) (where.push('actor = ?'), params.push(filter.actor));
  return { sql: `SELECT * FROM changes WHERE ${where.join(' AND ')} ORDER BY id${limitSql(filter.limit)}`, params };
}

function limitSql(limit: number | undefined): string {
  return limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(limit))}` : '';
}

/** An event row as the contract's type. */
export function eventOf(r: Row): StoreEvent {
  return {
    id: Number(r.id),
    change: Number(r.change),
    at: String(r.at),
    actor: String(r.actor),
    entity: String(r.entity) as EventEntity,
    entityId: String(r.entity_id),
    action: String(r.action) as StoreEvent['action'],
    before: r.before === null ? null : (JSON.parse(String(r.before)) as unknown),
    after: r.after === null ? null : (JSON.parse(String(r.after)) as unknown),
  };
}

/** A change row as the contract's type. */
export function changeOf(r: Row): Change {
  return {
    id: Number(r.id),
    at: String(r.at),
    actor: String(r.actor),
    label: String(r.label),
    kind: String(r.kind) as Change['kind'],
    target: r.target === null ? null : Number(r.target),
  };
}

/** Refuse a span that is not whole numbers with 0 ≤ start ≤ end. */
export function checkSpanNumbers(start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start)
    throw new TypeError(`coding span must be whole numbers with 0 ≤ start ≤ end (got ${start}–${end})`);
}

/** Refuse a status that is not one of the contract's. */
export function checkStatus(status: unknown): void {
  if (status !== undefined && !CODING_STATUSES.includes(status as never))
    throw new TypeError(`coding status must be one of ${CODING_STATUSES.join(', ')} (got "${String(status)}")`);
}

/**
 * The row of a new coding by `actor` at time `at`, after checking origin, status and span;
 * defaults as the contract says (coder: the actor, or `auto` for automatic codings).
 */
export function newCodingRow(c: NewCoding, actor: string, at: string): Row {
  if (!CODING_ORIGINS.includes(c.origin))
    throw new TypeError(`coding origin must be one of ${CODING_ORIGINS.join(', ')} (got "${String(c.origin)}")`);
  checkStatus(c.status);
  checkSpanNumbers(c.start, c.end);
  if (c.score !== undefined && c.score !== null && !(c.score >= 0 && c.score <= 1))
    throw new TypeError(`coding score must be a number from 0 to 1, or null (got ${String(c.score)})`);
  return {
    document: c.document,
    start: c.start,
    end: c.end,
    code: c.code,
    coder: c.coder ?? (c.origin === 'auto' ? AUTO_CODER : actor),
    origin: c.origin,
    status: c.status ?? (c.origin === 'auto' || c.origin === 'learned' ? 'suggested' : 'accepted'),
    memo: c.memo ?? null,
    matches: JSON.stringify(c.matches ?? []),
    hits: JSON.stringify(c.hits ?? []),
    created_at: at,
    updated_at: at,
    score: c.score ?? null,
    explanation: JSON.stringify(c.explanation ?? []),
  };
}

/** The columns a coding patch changes (moving an edge drops the rule hits, which no longer fit). */
export function codingPatchColumns(patch: CodingPatch, at: string): Row {
  const columns: Row = { updated_at: at };
  if (patch.start !== undefined) columns.start = patch.start;
  if (patch.end !== undefined) columns.end = patch.end;
  if (patch.start !== undefined || patch.end !== undefined) columns.hits = '[]';
  if (patch.code !== undefined) columns.code = patch.code;
  if (patch.status !== undefined) columns.status = patch.status;
  if (patch.memo !== undefined) columns.memo = patch.memo;
  return columns;
}
