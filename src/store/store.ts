/**
 * THE PROJECT STORE CONTRACT. The CLI (`qda project …`, `--project`), the workbench server,
 * team mode's PostgreSQL store and learned suggestions all build on these types: change them
 * only with the agreement of those callers. An implementation (SQLite in `sqlite-store.ts`,
 * PostgreSQL later) must keep every promise written here; callers must never reach past it.
 *
 * Promises every implementation keeps:
 * - Every method is async, so a networked store fits without touching callers.
 * - Offsets of codings (`start`, `end`) are Unicode code points of the document's normalised
 *   text (end exclusive), as in every qda output. `getDocument` returns a model `Document`
 *   (whose turns are UTF-16, like every `Document` in JS); convert with `text/offsets.ts`.
 * - Every write happens inside `change(actor, label, fn)`: one transaction, all or nothing,
 *   and every row it touches is recorded in the append-only event log (who, when, before,
 *   after). Undo and redo read that log, so they survive closing and reopening the project.
 * - Problems the user can act on (busy, damaged, newer schema, read-only, disk full) are thrown
 *   as `QdaError` with located messages (`file: reason [rule-id]`), never as raw driver errors.
 */
import type { Codebook } from '../model/codebook.js';
import type { Attributes, Document } from '../model/document.js';
import type { Message } from '../model/message.js';

/** Where a coding came from: a person, the automatic coder (rules), another tool, a model learned from a coder's codings. */
export type CodingOrigin = 'manual' | 'auto' | 'import' | 'learned';
/** Every origin, for option checks. */
export const CODING_ORIGINS: readonly CodingOrigin[] = ['manual', 'auto', 'import', 'learned'];

/** Review state: machine output starts `suggested`; people accept or reject it. Rejected codings never count. */
export type CodingStatus = 'suggested' | 'accepted' | 'rejected';
/** Every status, for option checks. */
export const CODING_STATUSES: readonly CodingStatus[] = ['suggested', 'accepted', 'rejected'];

/** The coder name under which automatic (rule-based) codings are stored. */
export const AUTO_CODER = 'auto';

/** A document as listed (without its text). */
export interface DocumentSummary {
  id: string;
  /** The file it was read from, as given when it was added. */
  file: string;
  format: string;
  language: string | null;
  /** SHA-256 (hex) of the normalised text: tells a changed file from an unchanged one. */
  hash: string;
  /** Length of the text in code points. */
  length: number;
  turns: number;
  speakers: string[];
  attributes: Attributes;
  addedAt: string;
  updatedAt: string;
}

/** What adding a document did. `updated` means its text changed: codings were re-anchored. */
export interface AddDocumentResult {
  id: string;
  status: 'added' | 'unchanged' | 'updated';
  /** Codings moved to the same text at a new place. */
  reanchored: number;
  /** Codings whose text is no longer in the document: kept apart (see `listUnplaced`), never dropped. */
  unplaced: number;
}

/** One saved version of the codebook. Versions count from 1; the highest is the current one. */
export interface CodebookVersion {
  version: number;
  codebook: Codebook;
  actor: string;
  at: string;
  note: string | null;
}

/** Someone (or something) that codes. `auto` exists in every project. */
export interface ProjectCoder {
  name: string;
  /** CSS colour such as `#1f77b4`, or null to let the app choose. */
  color: string | null;
  createdAt: string;
}

/** One piece of evidence of an automatic coding: a span (code points) and the rule that matched. */
export interface CodingHit {
  start: number;
  end: number;
  term: string;
}

/** One feature behind a learned suggestion: its name, how it reads, its part in the log-odds. */
export interface CodingReason {
  feature: string;
  label: string;
  weight: number;
}

/** A coding as stored. `start`/`end` are code points (end exclusive). */
export interface StoredCoding {
  id: number;
  document: string;
  start: number;
  end: number;
  code: string;
  coder: string;
  origin: CodingOrigin;
  status: CodingStatus;
  memo: string | null;
  /** Terms or rules that matched (automatic codings); empty for people's codings. */
  matches: string[];
  /** Where each rule matched (code points), so quotes can mark the words; empty for people's codings. */
  hits: CodingHit[];
  /** A learned suggestion's score in [0, 1]; null for people's and rules' codings. */
  score: number | null;
  /** The features that weighed most in a learned suggestion, strongest first; empty otherwise. */
  explanation: CodingReason[];
  createdAt: string;
  updatedAt: string;
}

/** A coding to add. Defaults: coder = the acting actor, status `accepted` for manual/import, `suggested` for auto and learned. */
export interface NewCoding {
  document: string;
  start: number;
  end: number;
  code: string;
  origin: CodingOrigin;
  coder?: string;
  status?: CodingStatus;
  memo?: string | null;
  matches?: string[];
  hits?: CodingHit[];
  score?: number | null;
  explanation?: CodingReason[];
}

/** What may change on a coding. */
export interface CodingPatch {
  start?: number;
  end?: number;
  code?: string;
  status?: CodingStatus;
  memo?: string | null;
}

/** Which codings to list. Every field narrows; arrays mean "any of". */
export interface CodingFilter {
  document?: string | readonly string[];
  coder?: string | readonly string[];
  origin?: CodingOrigin | readonly CodingOrigin[];
  status?: CodingStatus | readonly CodingStatus[];
  code?: string | readonly string[];
  /** The person looking: the store's `visibility` policy narrows the list further (blind coding). */
  viewer?: string;
}

/**
 * Team mode's hook for blind coding: given who is looking, a filter the store adds to every
 * `listCodings` that names a `viewer` (e.g. `{ coder: [viewer, 'auto'] }`), or null for "sees all".
 */
export type VisibilityPolicy = (viewer: string) => CodingFilter | null;

/** A coding whose text vanished when its document changed: kept apart, with what it covered. */
export interface UnplacedCoding extends StoredCoding {
  /** The text the coding covered before the document changed. */
  text: string;
  /** Hash of the document version the offsets belong to. */
  fromHash: string;
}

/** What a memo is about. */
export type MemoTarget =
  { kind: 'project' } | { kind: 'document'; document: string } | { kind: 'code'; code: string } | { kind: 'coding'; coding: number };

/** A memo: free text about the project, a document, a code or a coding. */
export interface Memo {
  id: number;
  target: MemoTarget;
  text: string;
  author: string;
  createdAt: string;
  updatedAt: string;
}

/** What a log entry is about. */
export type EventEntity = 'project' | 'document' | 'codebook' | 'coder' | 'coding' | 'unplaced' | 'memo';

/** One row of the append-only event log: one entity created, updated or deleted. */
export interface StoreEvent {
  id: number;
  /** The change (transaction) it belongs to. */
  change: number;
  at: string;
  actor: string;
  entity: EventEntity;
  entityId: string;
  action: 'create' | 'update' | 'delete';
  /** The entity before (null on create) and after (null on delete), as JSON values. */
  before: unknown;
  after: unknown;
}

/** One transaction in the log: what the user would call "one step" (the unit of undo). */
export interface Change {
  id: number;
  at: string;
  actor: string;
  /** Human label, e.g. `code "stage/assessment" in doc-1`, shown as "Undo …". */
  label: string;
  kind: 'edit' | 'undo' | 'redo';
  /** For undo/redo: the change undone or redone. */
  target: number | null;
}

/** Which events to read. */
export interface EventFilter {
  /** Events with an id above this (for polling). */
  after?: number;
  entity?: EventEntity;
  entityId?: string;
  actor?: string;
  limit?: number;
}

/** What an actor's Ctrl+Z and Ctrl+Shift+Z would do now. */
export interface UndoState {
  undo: Change | null;
  redo: Change | null;
}

/** Counts for `project info`. */
export interface ProjectInfo {
  location: string;
  schemaVersion: number;
  createdAt: string;
  documents: number;
  coders: string[];
  codebookVersion: number | null;
  /** Codings by origin and status, e.g. `{ 'auto/suggested': 120 }`. */
  codings: Record<string, number>;
  unplaced: number;
  memos: number;
  events: number;
}

/** Reading a project. Both the store and an open transaction offer these. */
export interface ProjectReader {
  info(): Promise<ProjectInfo>;
  listDocuments(): Promise<DocumentSummary[]>;
  /** One document with text, turns, participants and attributes; null when unknown. */
  getDocument(id: string): Promise<Document | null>;
  /** Documents in the order they were added (all when `ids` is omitted). */
  getDocuments(ids?: readonly string[]): Promise<Document[]>;
  /** The current codebook, or null before one is saved. */
  currentCodebook(): Promise<CodebookVersion | null>;
  /** Every version, oldest first (with their codebooks). */
  codebookVersions(): Promise<CodebookVersion[]>;
  listCoders(): Promise<ProjectCoder[]>;
  /** Codings by document, then start, then id. */
  listCodings(filter?: CodingFilter): Promise<StoredCoding[]>;
  getCoding(id: number): Promise<StoredCoding | null>;
  listUnplaced(): Promise<UnplacedCoding[]>;
  listMemos(target?: MemoTarget): Promise<Memo[]>;
  listEvents(filter?: EventFilter): Promise<StoreEvent[]>;
  listChanges(filter?: { after?: number; actor?: string; limit?: number }): Promise<Change[]>;
}

/** Writing, inside one transaction (`ProjectStore.change`). Every call is logged under the change's actor. */
export interface ProjectWriter extends ProjectReader {
  /** Add a document, or replace one with the same id: changed text re-anchors its codings by exact text. */
  addDocument(document: Document): Promise<AddDocumentResult>;
  /** Save a new codebook version; returns its number. */
  saveCodebook(codebook: Codebook, note?: string): Promise<number>;
  /** Add a coder or change their colour. */
  setCoder(name: string, color?: string | null): Promise<ProjectCoder>;
  addCoding(coding: NewCoding): Promise<StoredCoding>;
  /** Many codings at once (import, automatic coding); returns how many. */
  addCodings(codings: readonly NewCoding[]): Promise<number>;
  /** Change span, code, status or memo; throws when the coding does not exist. */
  updateCoding(id: number, patch: CodingPatch): Promise<StoredCoding>;
  deleteCoding(id: number): Promise<void>;
  /** Delete every coding the filter selects (`viewer` is ignored); returns how many. */
  deleteCodings(filter: CodingFilter): Promise<number>;
  addMemo(target: MemoTarget, text: string): Promise<Memo>;
  updateMemo(id: number, text: string): Promise<Memo>;
  deleteMemo(id: number): Promise<void>;
}

/** An open project. */
export interface ProjectStore extends ProjectReader {
  /** Where it lives (a file path, or a database URL without secrets). */
  readonly location: string;
  readonly readOnly: boolean;
  /**
   * Run `fn` as one transaction by `actor`, logged as one change labelled `label`. If `fn`
   * throws, nothing of it is kept and the error is rethrown.
   */
  change<T>(actor: string, label: string, fn: (tx: ProjectWriter) => Promise<T>): Promise<T>;
  /** Undo the actor's latest change that is not yet undone (as a new change); null when none. */
  undo(actor: string): Promise<Change | null>;
  /** Redo the actor's latest undone change, if nothing was changed by them since; null when none. */
  redo(actor: string): Promise<Change | null>;
  undoState(actor: string): Promise<UndoState>;
  /** Integrity: the database's own check, offsets inside texts, codes in the codebook. Empty = sound. */
  check(): Promise<Message[]>;
  close(): Promise<void>;
}

/** How to open a project. */
export interface OpenOptions {
  /** `read` never changes the file (not even a migration); `write` takes the project for this process. */
  mode: 'read' | 'write';
  /** Create the project when it does not exist (write mode only). */
  create?: boolean;
  /** False for a file from elsewhere (imported, mailed): the database may not run code from its schema. Default true. */
  trusted?: boolean;
  visibility?: VisibilityPolicy;
  /** How long to wait for another process's transaction before reporting the project busy (default 5000 ms). */
  busyTimeoutMs?: number;
  /** Told about migrations and lock recovery, e.g. to print them on stderr. */
  notice?: (text: string) => void;
}

/** Opens a project; what every implementation exports. */
export type OpenStore = (location: string, options: OpenOptions) => Promise<ProjectStore>;
