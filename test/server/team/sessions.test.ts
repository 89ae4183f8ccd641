import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LoginLimiter } from '../../../src/server/team/login-limiter.js';
import { hashPassword } from '../../../src/server/team/password.js';
import { TeamSessions, tokenHash } from '../../../src/server/team/sessions.js';
import { openSqliteTeamStore } from '../../../src/store/sqlite-team-store.js';
import { tempDir } from '../../store/helpers.js';

async function setUp() {
  let now = 1_700_000_000_000;
  const team = await openSqliteTeamStore(join(tempDir(), 'study.qda'), { create: true });
  await team.saveAccount({
    name: 'sari',
    role: 'owner',
    passwordHash: await hashPassword('lecturer password 1'),
    createdAt: '2026-11-30T06:00:00Z',
  });
  const clock = { now: () => now, advance: (ms: number) => (now += ms) };
  const sessions = new TeamSessions(team, new LoginLimiter({ now: clock.now }), {
    now: clock.now,
    idleMs: 3600_000,
    absoluteMs: 24 * 3600_000,
  });
  return { team, sessions, clock };
}

describe('TeamSessions', () => {
  it('signs in with the right password only, storing a hash of the token and never the token', async () => {
    const { team, sessions } = await setUp();
    expect(await sessions.signIn('sari', 'wrong password!', '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' });
    expect(await sessions.signIn('nobody', 'lecturer password 1', '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' });
    const ok = await sessions.signIn('sari', 'lecturer password 1', '10.0.0.1');
    if (!ok.ok) throw new Error('expected a session');
    expect(ok.token).toMatch(/^[\w-]{43}$/);
    expect(await team.getSession(ok.token)).toBeUndefined();
    expect((await team.getSession(tokenHash(ok.token)))?.account).toBe('sari');
    expect((await sessions.authenticate(ok.token))?.account.name).toBe('sari');
    expect(await sessions.authenticate('forged-token')).toBeUndefined();
    expect(await sessions.authenticate(undefined)).toBeUndefined();
    await team.close();
  });

  it('issues a new token at sign-in and revokes the one the browser brought (session fixation)', async () => {
    const { team, sessions } = await setUp();
    const first = await sessions.signIn('sari', 'lecturer password 1', 'a');
    if (!first.ok) throw new Error('expected a session');
    const second = await sessions.signIn('sari', 'lecturer password 1', 'a', first.token);
    if (!second.ok) throw new Error('expected a session');
    expect(second.token).not.toBe(first.token);
    expect(await sessions.authenticate(first.token)).toBeUndefined();
    expect(await sessions.authenticate(second.token)).toBeDefined();
    await team.close();
  });

  it('rate-limits guessing: after five failures even the right password waits', async () => {
    const { team, sessions, clock } = await setUp();
    for (let i = 0; i < 5; i++) expect((await sessions.signIn('sari', `guess number ${i}`, '10.0.0.7')).ok).toBe(false);
    const limited = await sessions.signIn('sari', 'lecturer password 1', '10.0.0.7');
    expect(limited).toMatchObject({ ok: false, reason: 'rate-limited' });
    clock.advance(15 * 60_000);
    expect((await sessions.signIn('sari', 'lecturer password 1', '10.0.0.7')).ok).toBe(true);
    await team.close();
  });

  it('ends idle and old sessions, and sessions of removed accounts', async () => {
    const { team, sessions, clock } = await setUp();
    const s = await sessions.signIn('sari', 'lecturer password 1', 'a');
    if (!s.ok) throw new Error('expected a session');
    clock.advance(50 * 60_000);
    expect(await sessions.authenticate(s.token)).toBeDefined();
    clock.advance(50 * 60_000);
    expect(await sessions.authenticate(s.token)).toBeDefined();
    clock.advance(61 * 60_000);
    expect(await sessions.authenticate(s.token)).toBeUndefined();
    const t = await sessions.signIn('sari', 'lecturer password 1', 'a');
    if (!t.ok) throw new Error('expected a session');
    for (let h = 0; h < 25; h++) {
      clock.advance(59 * 60_000);
      await sessions.authenticate(t.token);
    }
    expect(await sessions.authenticate(t.token)).toBeUndefined();
    const u = await sessions.signIn('sari', 'lecturer password 1', 'a');
    if (!u.ok) throw new Error('expected a session');
    await team.removeAccount('sari');
    expect(await sessions.authenticate(u.token)).toBeUndefined();
    await team.close();
  });

  it('signs out one browser, or every browser, and a password change ends every other session', async () => {
    const { team, sessions } = await setUp();
    const open = async () => {
      const s = await sessions.signIn('sari', 'lecturer password 1', 'a');
      if (!s.ok) throw new Error('expected a session');
      return s.token;
    };
    const [laptop, phone, lab] = [await open(), await open(), await open()];
    await sessions.signOut(laptop);
    expect(await sessions.authenticate(laptop)).toBeUndefined();
    expect(await sessions.authenticate(phone)).toBeDefined();
    expect(await sessions.signOutEverywhere('sari')).toBe(2);
    expect(await sessions.authenticate(lab)).toBeUndefined();
    const before = await open();
    const account = (await team.getAccount('sari'))!;
    const after = await sessions.changePassword(account, 'a brand new password');
    expect(await sessions.authenticate(before)).toBeUndefined();
    expect((await sessions.authenticate(after.token))?.account.name).toBe('sari');
    expect((await sessions.signIn('sari', 'lecturer password 1', 'b')).ok).toBe(false);
    expect((await sessions.signIn('sari', 'a brand new password', 'b')).ok).toBe(true);
    await team.close();
  });
});
