import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamCookie } from '../../../src/server/team/team-server.js';
import { call, signIn, startTestTeam, type TestTeam } from '../../helpers/team.js';

describe('team session cookies of two servers on one host', () => {
  let first: TestTeam;
  let second: TestTeam;

  beforeAll(async () => {
    [first, second] = await Promise.all([startTestTeam(), startTestTeam()]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  it('names the cookie after the port, with the __Host- prefix under HTTPS', () => {
    expect(teamCookie(8080, false)).toEqual({ name: 'qda_team_8080', secure: false });
    expect(teamCookie(8443, true)).toEqual({ name: '__Host-qda_team_8443', secure: true });
  });

  it('keeps both signed in when a browser sends both servers all its cookies (cookies ignore ports)', async () => {
    const a = await signIn(first.origin, 'ana');
    const b = await signIn(second.origin, 'budi');
    expect(a.cookie.split('=')[0]).toBe(`qda_team_${first.server.port}`);
    expect(b.cookie.split('=')[0]).toBe(`qda_team_${second.server.port}`);
    // One cookie jar for the host, as a browser keeps it: both cookies go to both servers.
    const jar = `${a.cookie}; ${b.cookie}`;
    const me = async (t: TestTeam) => (await call(t.origin, 'GET', '/api/team/me', { headers: { cookie: jar } })).json as { name: string };
    expect((await me(first)).name).toBe('ana');
    expect((await me(second)).name).toBe('budi');
    // Signing in again on the second server replaces only its own cookie; the first stays signed in.
    const again = await signIn(second.origin, 'vera');
    expect(again.cookie.split('=')[0]).toBe(`qda_team_${second.server.port}`);
    expect((await call(first.origin, 'GET', '/api/team/me', { headers: { cookie: `${a.cookie}; ${again.cookie}` } })).status).toBe(200);
    // Signing out on one server clears only its cookie.
    const out = await b.call('POST', '/api/team/logout');
    expect(String(out.headers['set-cookie'])).toMatch(new RegExp(`^qda_team_${second.server.port}=; Max-Age=0`));
    expect((await me(first)).name).toBe('ana');
  });
});
