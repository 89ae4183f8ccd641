// The only way the app talks to the server: JSON over fetch, same origin, with the header that
// marks a write as ours and the coder at the keyboard. Every write reports its saved state.
import type { Code } from '../model/codebook.js';
import type { Attributes, Participant } from '../model/document.js';
// Type-only: the server's own types are the API's contract (erased when the app is bundled).
import type { Quote } from '../analysis/quotes.js';
import type { StoredCoding } from '../store/store.js';

/** A coding as the API gives it: as the store keeps it (offsets in code points). */
export type ApiCoding = StoredCoding;

/** A turn of a document (offsets in code points). */
export interface ApiTurn {
  index: number;
  speaker: string | null;
  role: string | null;
  timestamp: string | null;
  start: number;
  end: number;
}

/** One document with its text, turns and codings. */
export interface ApiDocument {
  id: string;
  file: string;
  language: string | null;
  attributes: Attributes;
  participants: Participant[];
  text: string;
  turns: ApiTurn[];
  codings: ApiCoding[];
}

/** A row of the documents list. */
export interface ApiDocumentRow {
  id: string;
  file: string;
  attributes: Attributes;
  turns: number;
  words: number;
  codings: number;
  byCoder: Record<string, number>;
  suggestions: number;
  reviewed: number;
}

/** The project at a glance. */
export interface ApiProject {
  name: string;
  readOnly: boolean;
  documents: number;
  /** How many changes the project's event log holds: a different number means someone changed it. */
  events: number;
  codebook: { version: number; name: string | null; language: string } | null;
  coders: Array<{ name: string; color: string | null }>;
}

/** The codebook with counts. */
export interface ApiCodebook {
  version: number;
  name?: string | null;
  language: string;
  codes: Code[];
  counts: Record<string, Record<string, number>>;
  suggested: Record<string, number>;
}

/** A memo. */
export interface ApiMemo {
  id: number;
  target: { kind: string; document?: string; code?: string };
  text: string;
  author: string;
  updatedAt: string;
}

/** A retrieved passage: a quote of the quote bank, as the API gives it. */
export type ApiQuote = Quote;

/** One item of the review queue. */
export interface ApiReviewItem {
  coding: ApiCoding;
  turn: ApiTurn & { text: string };
}

/** Agreement figures of one code (or pooled), as `qda agree --format json` gives them (null: undefined, see notes). */
export interface ApiAgreementFigures {
  units: number;
  percent_agreement: number | null;
  cohen_kappa: number | null;
  alpha: number | null;
  notes: string[];
}

/** Agreement between coders, as `qda agree --format json` gives it. */
export interface ApiAgreement {
  coders: string[];
  method: string;
  codes: Array<ApiAgreementFigures & { code: string }>;
  pooled: ApiAgreementFigures;
  disagreements: Array<{ document: string; segment: number; code: string; coded_by: string[]; not_coded_by: string[]; text: string }>;
}

/** An error the server answered with (its message is shown to the user). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type SaveState = 'saving' | 'saved' | 'failed';
const listeners = new Set<(state: SaveState, message?: string) => void>();
let coder = '';
let csrf = '';
let pending = 0;

/** Team mode: the session's token, sent with every write (a page of another site cannot read it). */
export function setCsrf(token: string): void {
  csrf = token;
}

/** Who is coding: sent with every request. */
export function setCoder(name: string): void {
  coder = name;
}

/** Be told when saving starts, ends or fails. */
export function onSaveState(listener: (state: SaveState, message?: string) => void): void {
  listeners.add(listener);
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'X-QDA-Request': '1', Accept: 'application/json' };
  if (coder) headers['X-QDA-Coder'] = encodeURIComponent(coder);
  if (csrf && method !== 'GET') headers['X-QDA-CSRF'] = csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'offline');
  }
  const value = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new ApiError(response.status, value.error ?? `${response.status} ${response.statusText}`);
  return value as T;
}

/** Read from the API. */
export function get<T>(path: string): Promise<T> {
  return request<T>('GET', path);
}

/** Write through the API: the save indicator shows saving, then saved, or the failure and its reason. */
export async function write<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  pending++;
  for (const l of listeners) l('saving');
  try {
    const value = await request<T>(method, path, body);
    pending--;
    if (pending === 0) for (const l of listeners) l('saved');
    return value;
  } catch (e) {
    pending--;
    for (const l of listeners) l('failed', (e as Error).message);
    throw e;
  }
}

/**
 * A write that is not project data (signing in, accounts, passwords): the saved-state indicator
 * is left alone, and the caller shows any refusal where it belongs (in the form).
 */
export function send<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return request<T>(method, path, body);
}

/** A query string from the given parameters (empty values left out, arrays repeated). */
export function query(params: Record<string, string | string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const value of [v ?? []].flat()) if (value) search.append(k, value);
  const s = search.toString();
  return s ? `?${s}` : '';
}
