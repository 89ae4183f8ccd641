import type { Account, SessionRecord } from '../model/account.js';

/**
 * Where team mode keeps accounts and signed-in sessions: the project's SQLite file or its
 * PostgreSQL database. Every method is one transaction.
 */
export interface AccountStore {
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
}
