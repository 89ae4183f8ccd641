import type { Codebook } from '../model/codebook.js';
import type { Attributes, Document, Participant, Turn } from '../model/document.js';
import { OffsetMap } from '../text/offsets.js';
import type {
  CodebookVersion,
  CodingHit,
  CodingReason,
  CodingOrigin,
  CodingStatus,
  DocumentSummary,
  Memo,
  MemoTarget,
  StoredCoding,
  UnplacedCoding,
} from './store.js';

/** A row as the SQLite driver returns it. */
export type Row = Record<string, number | bigint | string | Uint8Array | null>;

const str = (v: Row[string]): string => (v === null ? '' : String(v));
const num = (v: Row[string]): number => Number(v);
const strOrNull = (v: Row[string]): string | null => (v === null ? null : String(v));
/** A JSON array column; most are empty, which needs no parsing. */
const array = <T>(v: Row[string]): T[] => (v === '[]' ? [] : (JSON.parse(str(v)) as T[]));

/** A coding row as the contract's type. */
export function codingOf(row: Row): StoredCoding {
  return {
    id: num(row.id),
    document: str(row.document),
    start: num(row.start),
    end: num(row.end),
    code: str(row.code),
    coder: str(row.coder),
    origin: str(row.origin) as CodingOrigin,
    status: str(row.status) as CodingStatus,
    memo: strOrNull(row.memo),
    matches: array<string>(row.matches),
    hits: array<CodingHit>(row.hits),
    score: row.score === null || row.score === undefined ? null : num(row.score),
    explanation: array<CodingReason>(row.explanation ?? '[]'),
    createdAt: str(row.created_at),
    updatedAt: str(row.updated_at),
  };
}

/** An unplaced-coding row as the contract's type. */
export function unplacedOf(row: Row): UnplacedCoding {
  return { ...codingOf(row), text: str(row.text), fromHash: str(row.from_hash) };
}

/** A codebook version row. */
export function codebookVersionOf(row: Row): CodebookVersion {
  return {
    version: num(row.version),
    codebook: JSON.parse(str(row.codebook)) as Codebook,
    actor: str(row.actor),
    at: str(row.at),
    note: strOrNull(row.note),
  };
}

/** What a memo row (or an event's copy of one) is about, from its `target_kind` and `target` columns. */
export function memoTargetOf(row: Readonly<Record<string, unknown>>): MemoTarget {
  const kind = String(row.target_kind);
  const ref = String(row.target);
  return kind === 'document'
    ? { kind, document: ref }
    : kind === 'code'
      ? { kind, code: ref }
      : kind === 'coding'
        ? { kind, coding: Number(ref) }
        : { kind: 'project' };
}

/** A memo row. */
export function memoOf(row: Row): Memo {
  return {
    id: num(row.id),
    target: memoTargetOf(row),
    text: str(row.text),
    author: str(row.author),
    createdAt: str(row.created_at),
    updatedAt: str(row.updated_at),
  };
}

/** The `target_kind`/`target` columns of a memo target. */
export function memoTargetColumns(target: MemoTarget): { kind: string; ref: string } {
  switch (target.kind) {
    case 'document':
      return { kind: target.kind, ref: target.document };
    case 'code':
      return { kind: target.kind, ref: target.code };
    case 'coding':
      return { kind: target.kind, ref: String(target.coding) };
    default:
      return { kind: 'project', ref: '' };
  }
}

/** Turns stored in code points; `Document`s in JS carry UTF-16 offsets. */
interface StoredTurn {
  speaker: string | null;
  timestamp?: string;
  start: number;
  end: number;
}

/** The columns of a document (turns in code points). */
export function documentColumns(doc: Document, hash: string, length: number): Row {
  const map = new OffsetMap(doc.text);
  const turns: StoredTurn[] = doc.turns.map((t) => ({ ...t, start: map.toCodePoint(t.start), end: map.toCodePoint(t.end) }));
  return {
    id: doc.id,
    file: doc.file,
    format: doc.format,
    language: doc.language ?? null,
    text: doc.text,
    hash,
    length,
    turns: JSON.stringify(turns),
    participants: JSON.stringify(doc.participants),
    attributes: JSON.stringify(doc.attributes),
  };
}

/** A document row as a model `Document` (turns back in UTF-16). */
export function documentOf(row: Row): Document {
  const text = str(row.text);
  const map = new OffsetMap(text);
  const turns: Turn[] = (JSON.parse(str(row.turns)) as StoredTurn[]).map((t) => ({
    ...t,
    start: map.toUtf16(t.start),
    end: map.toUtf16(t.end),
  }));
  const doc: Document = {
    id: str(row.id),
    file: str(row.file),
    format: str(row.format),
    text,
    attributes: JSON.parse(str(row.attributes)) as Attributes,
    participants: JSON.parse(str(row.participants)) as Participant[],
    turns,
  };
  if (row.language !== null) doc.language = str(row.language);
  return doc;
}

/** A document row (without text) as a summary. */
export function documentSummaryOf(row: Row): DocumentSummary {
  const turns = JSON.parse(str(row.turns)) as StoredTurn[];
  const speakers = [...new Set(turns.map((t) => t.speaker).filter((s): s is string => s !== null))];
  return {
    id: str(row.id),
    file: str(row.file),
    format: str(row.format),
    language: strOrNull(row.language),
    hash: str(row.hash),
    length: num(row.length),
    turns: turns.length,
    speakers,
    attributes: JSON.parse(str(row.attributes)) as Attributes,
    addedAt: str(row.added_at),
    updatedAt: str(row.updated_at),
  };
}
