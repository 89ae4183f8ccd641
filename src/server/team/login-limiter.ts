/** Limits of {@link LoginLimiter}. */
export interface LoginLimits {
  /** Failed sign-ins allowed for one account name within the window. */
  perAccount: number;
  /** Failed sign-ins allowed from one client address within the window (any names). */
  perAddress: number;
  windowMs: number;
  /** Clock in milliseconds; tests pass their own. */
  now: () => number;
}

const DEFAULT_LIMITS: LoginLimits = { perAccount: 5, perAddress: 30, windowMs: 15 * 60_000, now: Date.now };
/** Keys remembered at most, so a flood of made-up names cannot fill memory. */
const MAX_KEYS = 10_000;

/**
 * Counts failed sign-ins in a sliding window, per account name and per client address, and says
 * how long a caller must wait. Guessing is slowed for one account without locking its owner out
 * for good: the oldest failure leaving the window frees one attempt.
 * @example if (limiter.retryAfter(name, ip) > 0) answer 429; else check, then recordFailure/recordSuccess
 */
export class LoginLimiter {
  private readonly limits: LoginLimits;
  private readonly failures = new Map<string, number[]>();

  constructor(limits: Partial<LoginLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    for (const key of ['perAccount', 'perAddress', 'windowMs'] as const) {
      if (!Number.isInteger(this.limits[key]) || this.limits[key] < 1)
        throw new TypeError(`LoginLimiter: ${key} must be a positive integer (got ${this.limits[key]})`);
    }
  }

  /** Milliseconds until another attempt for this name from this address is allowed; 0 when it is. */
  retryAfter(account: string, address: string): number {
    return Math.max(this.wait(`a:${account.toLowerCase()}`, this.limits.perAccount), this.wait(`i:${address}`, this.limits.perAddress));
  }

  /** Count a failed attempt (wrong password or unknown name). */
  recordFailure(account: string, address: string): void {
    const now = this.limits.now();
    for (const key of [`a:${account.toLowerCase()}`, `i:${address}`]) {
      const times = this.recent(key, now);
      times.push(now);
      this.failures.delete(key);
      this.failures.set(key, times);
    }
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value as string);
  }

  /** A correct password clears the account's failures (the address keeps its count). */
  recordSuccess(account: string): void {
    this.failures.delete(`a:${account.toLowerCase()}`);
  }

  private wait(key: string, limit: number): number {
    const now = this.limits.now();
    const times = this.recent(key, now);
    if (times.length < limit) return 0;
    return times[times.length - limit] + this.limits.windowMs - now;
  }

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => t > now - this.limits.windowMs);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }
}
