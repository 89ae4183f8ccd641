import { createHash, randomBytes } from 'node:crypto';
import type { Account, SessionRecord } from '../../model/account.js';
import type { TeamStore } from '../../store/team-store.js';
import type { LoginLimiter } from './login-limiter.js';
import { hashPassword, verifyNoAccount, verifyPassword } from './password.js';

/** How long sessions live. */
export interface SessionLifetimes {
  /** Signed out after this long without a request. */
  idleMs: number;
  /** Signed out this long after signing in, however active. */
  absoluteMs: number;
  now: () => number;
}

const DEFAULT_LIFETIMES: SessionLifetimes = { idleMs: 12 * 3600_000, absoluteMs: 14 * 24 * 3600_000, now: Date.now };
/** A session's last-seen time is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

/** The outcome of a sign-in attempt. */
export type SignIn =
  | { ok: true; token: string; session: SessionRecord; account: Account }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate-limited'; retryAfterMs: number };

/** A signed-in request's account and session. */
export interface Signed {
  account: Account;
  session: SessionRecord;
}

/** The stored form of a cookie token: its SHA-256, so the database alone opens no session. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * Accounts' sign-in, sessions and sign-out over an {@link TeamStore}. Tokens are 256 random
 * bits made here on every sign-in; a token the browser brought before signing in is revoked,
 * never promoted (session fixation).
 */
export class TeamSessions {
  private readonly lifetimes: SessionLifetimes;

  constructor(
    private readonly store: TeamStore,
    private readonly limiter: LoginLimiter,
    lifetimes: Partial<SessionLifetimes> = {},
  ) {
    this.lifetimes = { ...DEFAULT_LIFETIMES, ...lifetimes };
  }

  /** Check a name and password; on success a new session replaces `previousToken`'s, if any. */
  async signIn(name: string, password: string, address: string, previousToken?: string): Promise<SignIn> {
    const retryAfterMs = this.limiter.retryAfter(name, address);
    if (retryAfterMs > 0) return { ok: false, reason: 'rate-limited', retryAfterMs };
    const account = await this.store.getAccount(name);
    const valid = account ? await verifyPassword(password, account.passwordHash) : await verifyNoAccount(password);
    if (!account || !valid) {
      this.limiter.recordFailure(name, address);
      return { ok: false, reason: 'invalid' };
    }
    this.limiter.recordSuccess(name);
    if (previousToken) await this.store.removeSession(tokenHash(previousToken));
    return { ok: true, account, ...(await this.open(account.name)) };
  }

  /** The account behind a cookie token, or undefined when it is unknown, expired or its account is gone. */
  async authenticate(token: string | undefined): Promise<Signed | undefined> {
    if (!token) return undefined;
    const hash = tokenHash(token);
    const session = await this.store.getSession(hash);
    if (!session) return undefined;
    const now = this.lifetimes.now();
    if (now - session.lastSeenAt > this.lifetimes.idleMs || now - session.createdAt > this.lifetimes.absoluteMs) {
      await this.store.removeSession(hash);
      return undefined;
    }
    const account = await this.store.getAccount(session.account);
    if (!account) return undefined;
    if (now - session.lastSeenAt > TOUCH_EVERY_MS) {
      await this.store.touchSession(hash, now);
      session.lastSeenAt = now;
    }
    return { account, session };
  }

  /** End this browser's session. */
  async signOut(token: string): Promise<void> {
    await this.store.removeSession(tokenHash(token));
  }

  /** End every session of an account, on every device; how many ended. */
  signOutEverywhere(account: string): Promise<number> {
    return this.store.removeSessionsOf(account);
  }

  /**
   * Set a new password: every session of the account ends (a thief's too), and one new session is
   * returned for the browser that made the change.
   */
  async changePassword(account: Account, password: string): Promise<{ token: string; session: SessionRecord }> {
    await this.store.saveAccount({ ...account, passwordHash: await hashPassword(password) });
    await this.store.removeSessionsOf(account.name);
    return this.open(account.name);
  }

  private async open(account: string): Promise<{ token: string; session: SessionRecord }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.lifetimes.now();
    const session: SessionRecord = {
      tokenHash: tokenHash(token),
      account,
      csrfToken: randomBytes(24).toString('base64url'),
      createdAt: now,
      lastSeenAt: now,
    };
    await this.store.addSession(session);
    return { token, session };
  }
}
