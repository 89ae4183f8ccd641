import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, passwordProblem, verifyNoAccount, verifyPassword } from '../../../src/server/team/password.js';

describe('password hashing (scrypt)', () => {
  it('verifies the password it hashed and refuses others', async () => {
    const stored = await hashPassword('kopi tubruk pagi hari');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored).not.toContain('kopi');
    expect(await verifyPassword('kopi tubruk pagi hari', stored)).toBe(true);
    expect(await verifyPassword('kopi tubruk pagi har', stored)).toBe(false);
    expect(await verifyPassword('Kopi tubruk pagi hari', stored)).toBe(false);
  });

  it('salts every hash, so equal passwords give different hashes', async () => {
    const [a, b] = await Promise.all([hashPassword('same password here'), hashPassword('same password here')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password here', b)).toBe(true);
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const stored = await hashPassword('kafe\u0301 di Jakarta');
    expect(await verifyPassword('kaf\u00e9 di Jakarta', stored)).toBe(true);
  });

  it('answers false, not an error, for a malformed or tampered hash', async () => {
    const stored = await hashPassword('a good long password');
    const parts = stored.split('$');
    const tampered = [
      '',
      'plain-text-password',
      stored.replace('scrypt', 'bcrypt'),
      [...parts.slice(0, 1), String(2 ** 30), ...parts.slice(2)].join('$'),
      [...parts.slice(0, 1), '1000', ...parts.slice(2)].join('$'),
      [...parts.slice(0, 5), 'AAAA'].join('$'),
    ];
    for (const bad of tampered) expect(await verifyPassword('a good long password', bad), bad).toBe(false);
  });

  it('refuses passwords that are too short or absurdly long, naming the rule', async () => {
    expect(passwordProblem('short')).toBe('a password needs at least 10 characters (it has 5)');
    expect(passwordProblem('x'.repeat(1025))).toMatch(/at most 1024/);
    expect(passwordProblem('😀'.repeat(10))).toBeUndefined();
    await expect(hashPassword('short')).rejects.toThrow(TypeError);
  });

  it('spends a real check on unknown names and never matches', async () => {
    expect(await verifyNoAccount('anything at all')).toBe(false);
    expect(await verifyNoAccount('y'.repeat(5000))).toBe(false);
  });

  it('generates passwords that pass the rules, without look-alike characters, different each time', () => {
    const made = Array.from({ length: 200 }, generatePassword);
    for (const p of made) {
      expect(p).toMatch(/^[a-hj-km-np-z2-9]{4}(-[a-hj-km-np-z2-9]{4}){3}$/);
      expect(passwordProblem(p)).toBeUndefined();
    }
    expect(new Set(made).size).toBe(made.length);
  });
});
