import type { IncomingMessage } from 'node:http';
import { cookies, sameToken } from './security.js';

/** Who is making a request. Single-user mode knows one person at the keyboard; team mode adds accounts. */
export interface Actor {
  /** Stable id of the person or session. */
  id: string;
  /** Shown in the interface. */
  name: string;
  /** What they may do; the local user may do everything. */
  roles: readonly string[];
  /** The coder they code as, when their account fixes it (team mode); else they choose. */
  coder?: string;
}

/**
 * The one place that decides who a request comes from: undefined means "not signed in". Every
 * route goes through it; team mode replaces it with one that reads accounts.
 */
export type Authenticate = (req: IncomingMessage) => Actor | undefined | Promise<Actor | undefined>;

/** The local actor: whoever holds the token printed in the terminal. */
export const LOCAL_ACTOR: Actor = { id: 'local', name: 'local', roles: ['owner'] };

/**
 * Single-user authentication: the request carries the session token in its cookie (or, for
 * scripts, an `Authorization: Bearer` header).
 * @example const authenticate = tokenAuthenticator(token)
 */
export function tokenAuthenticator(token: string): Authenticate {
  return (req) => {
    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    const given = [...cookies(req, 'qda_session_'), ...(bearer ? [bearer] : [])];
    return given.some((value) => sameToken(value, token)) ? LOCAL_ACTOR : undefined;
  };
}
