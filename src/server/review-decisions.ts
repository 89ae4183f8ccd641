// A team coder's review of the machine's suggestions. The suggestion (coder `auto`) is shared by
// everyone, so a coder does not change it: their decision is a coding of their own copied from it
// (origin `auto`, status accepted or rejected). Blind coding then hides it like any of their
// codings, everyone keeps their own queue, and agreement compares what each coder accepted.
// The owner (and single-user mode) decides on the suggestion itself, as before.
import { AUTO_CODER, type CodingStatus, type ProjectReader, type ProjectWriter, type StoredCoding } from '../store/store.js';
import type { Actor } from './auth.js';

/** Where a coding sits: a copy of a suggestion has the suggestion's place. */
type Spot = Pick<StoredCoding, 'document' | 'start' | 'end' | 'code'>;

/** True when the actor's review decisions are codings of their own: a team member other than the owner. */
export function reviewsIntoOwnCodings(actor: Actor): boolean {
  return actor.coder !== undefined && !actor.roles.includes('owner');
}

/** True for one of the machine's shared suggestions (not a coder's copy of one). */
export function isSuggestion(coding: StoredCoding): boolean {
  return coding.coder === AUTO_CODER && coding.origin === 'auto';
}

/** A key for a coding's place, the same for a suggestion and a coder's copy of it. */
export function spotKey(c: Spot): string {
  return [c.document, c.start, c.end, c.code].join('\u0000');
}

/** The coder's decisions, by the place of the suggestion each copies. */
export async function decisionsOf(reader: ProjectReader, coder: string, document?: string): Promise<Map<string, StoredCoding>> {
  const copies = await reader.listCodings({ coder, origin: 'auto', status: ['accepted', 'rejected'], ...(document ? { document } : {}) });
  return new Map(copies.map((c) => [spotKey(c), c]));
}

/**
 * Record a coder's decision on a suggestion inside an open change: accepting or rejecting makes
 * (or updates) their copy; `suggested` (reopen) removes it. Returns the copy, or null.
 */
export async function decide(
  tx: ProjectWriter,
  suggestion: StoredCoding,
  coder: string,
  status: CodingStatus,
): Promise<StoredCoding | null> {
  const key = spotKey(suggestion);
  const [copy] = (await tx.listCodings({ coder, origin: 'auto', document: suggestion.document, code: suggestion.code })).filter(
    (c) => spotKey(c) === key,
  );
  if (status === 'suggested') {
    if (copy) await tx.deleteCoding(copy.id);
    return null;
  }
  if (copy) return copy.status === status ? copy : tx.updateCoding(copy.id, { status });
  return tx.addCoding({
    document: suggestion.document,
    start: suggestion.start,
    end: suggestion.end,
    code: suggestion.code,
    origin: 'auto',
    coder,
    status,
    matches: suggestion.matches,
    hits: suggestion.hits,
  });
}
