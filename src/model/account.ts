/** What a person may do in team mode: the owner runs the study, coders code, viewers read. */
export const ROLES = ['owner', 'coder', 'viewer'] as const;

/** An account name: 1–40 lower-case letters, digits, `.`, `_`, `-`, starting with a letter or digit; it is also the coder name. */
export const ACCOUNT_NAME = /^[a-z0-9][a-z0-9._-]{0,39}$/;

/** Shortest and longest password accepted, in code points (long ones are allowed; the cap only bounds the hashing work). */
export const PASSWORD_LENGTH = { min: 10, max: 1024 } as const;

/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** A team member's account. The name is also the `coder` of their codings. */
export interface Account {
  name: string;
  role: Role;
  /** `scrypt$…` string made by the server's password module; never the password. */
  passwordHash: string;
  /** ISO 8601 time of creation. */
  createdAt: string;
}

/**
 * A signed-in browser. Only a hash of the cookie's token is kept, so a copy of the database
 * opens no sessions.
 */
export interface SessionRecord {
  tokenHash: string;
  account: string;
  /** Sent back with each write in a header; a page from another origin cannot read it. */
  csrfToken: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  lastSeenAt: number;
}
