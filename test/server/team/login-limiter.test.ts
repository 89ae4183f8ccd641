import { describe, expect, it } from 'vitest';
import { LoginLimiter } from '../../../src/server/team/login-limiter.js';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('LoginLimiter', () => {
  it('blocks an account after five failures until the oldest leaves the window', () => {
    const time = clock();
    const limiter = new LoginLimiter({ now: time.now });
    for (let i = 0; i < 5; i++) {
      expect(limiter.retryAfter('sari', '10.0.0.1')).toBe(0);
      limiter.recordFailure('sari', '10.0.0.1');
      time.advance(1000);
    }
    expect(limiter.retryAfter('sari', '10.0.0.1')).toBe(15 * 60_000 - 5000);
    // Another address does not help: the limit is on the account.
    expect(limiter.retryAfter('SARI', '10.0.0.2')).toBe(15 * 60_000 - 5000);
    // Another account from the same address is still allowed.
    expect(limiter.retryAfter('budi', '10.0.0.1')).toBe(0);
    time.advance(15 * 60_000 - 5000);
    expect(limiter.retryAfter('sari', '10.0.0.1')).toBe(0);
  });

  it('blocks an address that tries many names', () => {
    const time = clock();
    const limiter = new LoginLimiter({ now: time.now, perAddress: 30 });
    for (let i = 0; i < 30; i++) limiter.recordFailure(`name${i}`, '10.0.0.9');
    expect(limiter.retryAfter('fresh-name', '10.0.0.9')).toBeGreaterThan(0);
    expect(limiter.retryAfter('fresh-name', '10.0.0.8')).toBe(0);
  });

  it('clears an account after a correct password', () => {
    const limiter = new LoginLimiter({ perAccount: 2 });
    limiter.recordFailure('sari', 'a');
    limiter.recordFailure('sari', 'a');
    expect(limiter.retryAfter('sari', 'b')).toBeGreaterThan(0);
    limiter.recordSuccess('sari');
    expect(limiter.retryAfter('sari', 'b')).toBe(0);
  });

  it('rejects limits that are not positive integers', () => {
    expect(() => new LoginLimiter({ perAccount: 0 })).toThrow(/perAccount must be a positive integer/);
    expect(() => new LoginLimiter({ windowMs: 1.5 })).toThrow(/windowMs/);
  });

  it('blocks exactly when the failures within the window reach the limit (seeded)', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 50; round++) {
      const time = clock();
      const limit = 1 + Math.floor(random() * 6);
      const window = 1000 + Math.floor(random() * 10_000);
      const limiter = new LoginLimiter({ now: time.now, perAccount: limit, perAddress: 1000, windowMs: window });
      const failures: number[] = [];
      for (let step = 0; step < 60; step++) {
        time.advance(Math.floor(random() * 1500));
        const recent = failures.filter((t) => t > time.now() - window).length;
        const wait = limiter.retryAfter('x', 'ip');
        expect(wait > 0, `round ${round} step ${step}`).toBe(recent >= limit);
        if (wait === 0 && random() < 0.7) {
          limiter.recordFailure('x', 'ip');
          failures.push(time.now());
        }
      }
    }
  });
});
