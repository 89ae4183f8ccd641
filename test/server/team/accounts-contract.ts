// The owner's accounts (add, change a role, reset a password, remove) and every member's own
// password, through the API of a running team server: accounts.test.ts runs them on an SQLite
// project, accounts.pg.test.ts on a PostgreSQL one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_LENGTH } from '../../../src/model/account.js';
import { WRITE_HEADER } from '../../../src/server/security.js';
import { call, PASSWORD, signIn, startTestTeam, type Backend, type Member, type TestTeam } from '../../helpers/team.js';

const DOC = 'informan-01';
const CODE = 'factor/proximity';

/** The accounts tests on one backend. */
export function teamAccounts(title: string, backend: () => Promise<Backend>): void {
  describe(title, () => {
    let t: TestTeam;
    let lecturer: Member;

    beforeAll(async () => {
      t = await startTestTeam(await backend());
      lecturer = await signIn(t.origin, 'lecturer');
    }, 120_000);

    afterAll(async () => {
      await t?.close();
    });

    const login = (name: string, password: string) =>
      call(t.origin, 'POST', '/api/team/login', { body: { name, password }, headers: { [WRITE_HEADER]: '1' } });

    it('lists the accounts for the owner: names, roles and when they were made, never a password hash', async () => {
      const reply = await lecturer.call('GET', '/api/team/users');
      expect(reply.status).toBe(200);
      const users = reply.json as Array<{ name: string; role: string; createdAt: string; lastSeenAt: number | null }>;
      expect(users.map((u) => [u.name, u.role])).toEqual([
        ['ana', 'coder'],
        ['budi', 'coder'],
        ['lecturer', 'owner'],
        ['vera', 'viewer'],
      ]);
      for (const u of users) expect(Number.isNaN(Date.parse(u.createdAt))).toBe(false);
      // Only the lecturer has signed in so far: the others have never been seen.
      expect(users.map((u) => [u.name, u.lastSeenAt === null ? 'never' : 'seen'])).toEqual([
        ['ana', 'never'],
        ['budi', 'never'],
        ['lecturer', 'seen'],
        ['vera', 'never'],
      ]);
      await signIn(t.origin, 'vera');
      const after = (await lecturer.call('GET', '/api/team/users')).json as Array<{ name: string; lastSeenAt: number | null }>;
      expect(after.find((u) => u.name === 'vera')?.lastSeenAt).toEqual(expect.any(Number));
      expect(reply.text).not.toContain('scrypt');
    });

    it('adds an account with the password the owner typed, under the same rules as the command line', async () => {
      const short = await lecturer.call('POST', '/api/team/users', { name: 'sari', role: 'coder', password: 'short' });
      expect(short.status).toBe(400);
      expect(short.text).toContain(`at least ${PASSWORD_LENGTH.min} characters (it has 5)`);
      const badName = await lecturer.call('POST', '/api/team/users', { name: 'Sari Dewi', role: 'coder', password: 'sari password 1' });
      expect(badName.status).toBe(400);
      expect(badName.text).toMatch(/lower-case letters/);
      const badRole = await lecturer.call('POST', '/api/team/users', { name: 'sari', role: 'admin', password: 'sari password 1' });
      expect(badRole.status).toBe(400);
      expect(badRole.text).toMatch(/owner.*coder.*viewer/);
      expect((await lecturer.call('POST', '/api/team/users', { name: 'sari', role: 'coder' })).status).toBe(400);
      expect((await login('sari', 'sari password 1')).status).toBe(401);

      const added = await lecturer.call('POST', '/api/team/users', { name: 'sari', role: 'coder', password: 'sari password 1' });
      expect(added.status).toBe(201);
      expect(added.json).toMatchObject({ name: 'sari', role: 'coder' });
      expect(added.json).not.toHaveProperty('generated');
      expect((await lecturer.call('POST', '/api/team/users', { name: 'sari', role: 'viewer', password: 'other password' })).status).toBe(
        409,
      );
      const sari = await signIn(t.origin, 'sari', 'sari password 1');
      expect((await sari.call('GET', '/api/team/me')).json).toMatchObject({ name: 'sari', role: 'coder' });
    });

    it('adds an account with a generated password, shown once in the answer', async () => {
      const reply = await lecturer.call('POST', '/api/team/users', { name: 'tono', role: 'viewer', generate: true });
      expect(reply.status).toBe(201);
      const { generated } = reply.json as { generated: string };
      expect(generated).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      expect((await login('tono', generated)).status).toBe(201);
      const listed = await lecturer.call('GET', '/api/team/users');
      expect(listed.text).not.toContain(generated);
      const both = await lecturer.call('POST', '/api/team/users', {
        name: 'umi',
        role: 'coder',
        generate: true,
        password: 'typed password 1',
      });
      expect(both.status).toBe(400);
    });

    it("changes a role: the account's sessions end and it signs in with the new role", async () => {
      const tono = await signIn(
        t.origin,
        'tono',
        ((await lecturer.call('PATCH', '/api/team/users/tono', { generate: true })).json as { generated: string }).generated,
      );
      const changed = await lecturer.call('PATCH', '/api/team/users/tono', { role: 'coder' });
      expect(changed.status).toBe(200);
      expect(changed.json).toMatchObject({ name: 'tono', role: 'coder', signedOut: 1 });
      expect((await tono.call('GET', '/api/team/me')).status).toBe(401);
      expect((await lecturer.call('PATCH', '/api/team/users/nobody', { role: 'coder' })).status).toBe(404);
      expect((await lecturer.call('PATCH', '/api/team/users/tono', { role: 'boss' })).status).toBe(400);
    });

    it('resets a password: the old one is refused, the new one accepted, the old sessions end', async () => {
      const budi = await signIn(t.origin, 'budi');
      const short = await lecturer.call('PATCH', '/api/team/users/budi', { password: 'too short' });
      expect(short.status).toBe(400);
      expect((await budi.call('GET', '/api/team/me')).status).toBe(200);
      const reset = await lecturer.call('PATCH', '/api/team/users/budi', { password: 'budi fresh password' });
      expect(reset.status).toBe(200);
      expect((await budi.call('GET', '/api/team/me')).status).toBe(401);
      expect((await login('budi', PASSWORD)).status).toBe(401);
      expect((await login('budi', 'budi fresh password')).status).toBe(201);
    });

    it('lets every member change their own password: the current one is checked, the other sessions end', async () => {
      const ana = await signIn(t.origin, 'ana');
      const elsewhere = await signIn(t.origin, 'ana');
      const wrong = await ana.call('POST', '/api/team/password', { current: 'not the password', password: 'ana new password' });
      expect(wrong.status).toBe(403);
      expect(wrong.text).toMatch(/current password is wrong/);
      const short = await ana.call('POST', '/api/team/password', { current: PASSWORD, password: 'short' });
      expect(short.status).toBe(400);
      expect(short.text).toMatch(/at least 10 characters/);
      const changed = await ana.call('POST', '/api/team/password', { current: PASSWORD, password: 'ana new password' });
      expect(changed.status).toBe(201);
      const cookie = String(changed.headers['set-cookie']).split(';')[0];
      expect(cookie).not.toBe(ana.cookie);
      expect((await call(t.origin, 'GET', '/api/team/me', { headers: { cookie } })).status).toBe(200);
      expect((await elsewhere.call('GET', '/api/team/me')).status).toBe(401);
      expect((await ana.call('GET', '/api/team/me')).status).toBe(401);
      expect((await login('ana', PASSWORD)).status).toBe(401);
      expect((await login('ana', 'ana new password')).status).toBe(201);
    });

    it('removes an account: its sessions end, it cannot sign in, and its codings stay in the project under its name', async () => {
      const sari = await signIn(t.origin, 'sari', 'sari password 1');
      const coded = await sari.call('POST', '/api/codings', { document: DOC, code: CODE, start: 200, end: 240 });
      expect(coded.status).toBe(201);
      const removed = await lecturer.call('DELETE', '/api/team/users/sari');
      expect(removed.status).toBe(200);
      expect(removed.json).toEqual({ removed: 'sari' });
      expect((await sari.call('GET', '/api/team/me')).status).toBe(401);
      expect((await login('sari', 'sari password 1')).status).toBe(401);
      const kept = await t.store.getCoding((coded.json as { id: number }).id);
      expect(kept).toMatchObject({ coder: 'sari', code: CODE, start: 200, end: 240 });
      expect((await lecturer.call('GET', '/api/team/users')).text).not.toContain('"sari"');
      expect((await lecturer.call('DELETE', '/api/team/users/sari')).status).toBe(404);
    });

    it('never removes or demotes the last owner', async () => {
      const remove = await lecturer.call('DELETE', '/api/team/users/lecturer');
      expect(remove.status).toBe(409);
      expect(remove.text).toMatch(/only owner/);
      expect((await lecturer.call('PATCH', '/api/team/users/lecturer', { role: 'coder' })).status).toBe(409);
      // With a second owner, the first may step down.
      expect((await lecturer.call('PATCH', '/api/team/users/vera', { role: 'owner' })).status).toBe(200);
      expect((await lecturer.call('PATCH', '/api/team/users/lecturer', { role: 'coder' })).status).toBe(200);
      const vera = await signIn(t.origin, 'vera');
      expect((await vera.call('GET', '/api/team/users')).text).toContain('"name":"lecturer","role":"coder"');
      expect((await vera.call('DELETE', '/api/team/users/vera')).status).toBe(409);
    });
  });
}
