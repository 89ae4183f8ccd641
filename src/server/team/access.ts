import type { Role } from '../../model/account.js';
import type { RevealState } from '../../store/team-store.js';
import type { CodingFilter } from '../../store/store.js';

/** The coder name of automatic suggestions: the same for everyone, so never blind. */
const AUTO_CODER = 'auto';

/** A signed-in team member as the access rules see them. */
export interface Member {
  name: string;
  role: Role;
}

/** Things a request may want to do, each granted to some roles. */
export type Permission =
  | 'read' // documents, codebook, their own codings
  | 'code' // add, change and delete their own codings and memos
  | 'manage'; // codebook, accounts, reveal, class view, exports of everyone's codings

const GRANTS: Record<Role, readonly Permission[]> = {
  owner: ['read', 'code', 'manage'],
  coder: ['read', 'code'],
  viewer: ['read'],
};

/** True when the role grants the permission. */
export function allows(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/**
 * May this member see another coder's codings of this document? The owner always; everyone
 * their own and the automatic suggestions; others only once the owner revealed the document
 * (or all documents). Blind coding is the default.
 * @example maySee({ name: 'ana', role: 'coder' }, 'budi', 'p01', { all: false, documents: ['p01'] }) // true
 */
export function maySee(member: Member, coder: string, document: string, reveals: RevealState): boolean {
  if (member.role === 'owner' || coder === member.name || coder === AUTO_CODER) return true;
  return reveals.all || reveals.documents.includes(document);
}

/**
 * The store filter that keeps a member's listing within what they may see, for one document or
 * all; null when nothing needs hiding.
 */
export function visibleCodings(member: Member, reveals: RevealState, document?: string): CodingFilter | null {
  if (member.role === 'owner' || reveals.all) return null;
  if (document !== undefined && reveals.documents.includes(document)) return null;
  return { coder: [member.name, AUTO_CODER] };
}
