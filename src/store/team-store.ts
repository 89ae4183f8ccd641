import type { Account, SessionRecord } from '../model/account.js';

/** Which documents' codings every team member may see (blind coding lifted). */
export interface RevealState {
  /** Revealed for every document. */
  all: boolean;
  documents: string[];
}

/**
 * Where team mode keeps accounts, signed-in sessions and what the owner has revealed: beside
 * the project, in its SQLite file or its PostgreSQL database. Every method is one transaction.
 */
export interface TeamStore {
  /** All accounts, by name. */
  listAccounts(): Promise<Account[]>;
  getAccount(name: string): Promise<Account | undefined>;
  /** Insert or replace an account (role or password change). */
  saveAccount(account: Account): Promise<void>;
  /** Remove an account and all its sessions; false when there was none. */
  removeAccount(name: string): Promise<boolean>;
  addSession(session: SessionRecord): Promise<void>;
  getSession(tokenHash: string): Promise<SessionRecord | undefined>;
  touchSession(tokenHash: string, lastSeenAt: number): Promise<void>;
  removeSession(tokenHash: string): Promise<void>;
  /** Remove every session of an account (sign-out everywhere); how many there were. */
  removeSessionsOf(account: string): Promise<number>;
  /**
   * When each account last used one of its sessions (milliseconds since the epoch); accounts
   * with no session (never signed in, or signed out everywhere) are left out.
   */
  lastSeen(): Promise<Record<string, number>>;
  reveals(): Promise<RevealState>;
  /** Reveal (or hide again) one document's codings; with `document` null, all (hiding all withdraws every reveal). */
  setRevealed(document: string | null, revealed: boolean): Promise<void>;
  close(): Promise<void>;
}
