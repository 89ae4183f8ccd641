// Team mode's security promises, endpoint by endpoint: security.test.ts runs them on an SQLite
// project, security.pg.test.ts on a PostgreSQL one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../../src/server/team/team-server.js';
import { WRITE_HEADER } from '../../../src/server/security.js';
import { call, signIn, startTestTeam, type Backend, type Member, type Reply, type TestTeam } from '../../helpers/team.js';

const SECRET = 'BUDI-SECRET-MEMO';
const DOC = 'informan-01';
const CODE = 'factor/proximity';

/** Marks of Budi in a response: his memo, his name anywhere as a JSON string or key, a CSV row or change label of his. */
function leaksBudi(reply: Reply): boolean {
  return reply.text.includes(SECRET) || reply.text.includes('"budi"') || /(^|,)budi,/m.test(reply.text) || reply.text.includes("budi's");
}

interface Ids {
  budiCoding: number;
  budiMemo: number;
  anaCoding: number;
}

/** How each route is probed by a blind coder: refused (403), or answered without anything of Budi's. */
type Probe = { path: (ids: Ids) => string; body?: (ids: Ids) => unknown; expect: 'forbidden' | 'no-leak' };

const BLIND_PROBES: Record<string, Probe> = {
  'GET /api/memos': { path: () => '/api/memos', expect: 'no-leak' },
  'POST /api/memos': { path: () => '/api/memos', body: () => ({ kind: 'document', id: DOC, text: 'my own note' }), expect: 'no-leak' },
  'PATCH /api/memos/:id': { path: (ids) => `/api/memos/${ids.budiMemo}`, body: () => ({ text: 'overwritten' }), expect: 'forbidden' },
  'DELETE /api/memos/:id': { path: (ids) => `/api/memos/${ids.budiMemo}`, expect: 'forbidden' },
  'GET /api/retrieve': { path: () => `/api/retrieve?code=${CODE}&coder=budi`, expect: 'forbidden' },
  'GET /api/retrieve/export': { path: () => `/api/retrieve/export?format=csv&code=${CODE}&coder=budi`, expect: 'forbidden' },
  'GET /api/review': { path: () => '/api/review', expect: 'no-leak' },
  'GET /api/project': { path: () => '/api/project', expect: 'no-leak' },
  'POST /api/coders': { path: () => '/api/coders', body: () => ({ name: 'budi', color: '#112233' }), expect: 'forbidden' },
  'GET /api/history': { path: () => '/api/history', expect: 'no-leak' },
  'POST /api/undo': { path: () => '/api/undo', expect: 'no-leak' },
  'POST /api/redo': { path: () => '/api/redo', expect: 'no-leak' },
  'GET /api/codings': { path: () => '/api/codings?coder=budi', expect: 'forbidden' },
  'POST /api/codings': { path: () => '/api/codings', body: () => ({ document: DOC, code: CODE, start: 300, end: 320 }), expect: 'no-leak' },
  'PATCH /api/codings/:id': { path: (ids) => `/api/codings/${ids.budiCoding}`, body: () => ({ memo: 'mine now' }), expect: 'forbidden' },
  'DELETE /api/codings/:id': { path: (ids) => `/api/codings/${ids.budiCoding}`, expect: 'forbidden' },
  'POST /api/codings/review': {
    path: () => '/api/codings/review',
    body: (ids) => ({ ids: [ids.budiCoding], status: 'rejected' }),
    expect: 'forbidden',
  },
  'GET /api/documents': { path: () => '/api/documents', expect: 'no-leak' },
  'GET /api/documents/:id': { path: () => `/api/documents/${DOC}`, expect: 'no-leak' },
  'GET /api/report': { path: () => '/api/report?format=html&coder=budi', expect: 'forbidden' },
  'GET /api/agreement': { path: () => '/api/agreement?a=ana&b=budi', expect: 'forbidden' },
  'GET /api/agreement/codings': { path: () => '/api/agreement/codings?a=ana&b=budi', expect: 'forbidden' },
  'POST /api/agreement/adopt': {
    path: () => '/api/agreement/adopt',
    body: () => ({ from: 'budi', into: 'ana', document: DOC }),
    expect: 'forbidden',
  },
  'GET /api/codebook': { path: () => '/api/codebook', expect: 'no-leak' },
  'GET /api/codebook/export': { path: () => '/api/codebook/export?format=yaml', expect: 'no-leak' },
  'POST /api/codebook/codes': { path: () => '/api/codebook/codes', body: () => ({ id: 'new/code', label: 'New' }), expect: 'forbidden' },
  'PATCH /api/codebook/codes/:id': {
    path: () => `/api/codebook/codes/${encodeURIComponent(CODE)}`,
    body: () => ({ definition: 'changed' }),
    expect: 'forbidden',
  },
  'POST /api/codebook/merge': {
    path: () => '/api/codebook/merge',
    body: () => ({ from: CODE, into: 'factor/attachment' }),
    expect: 'forbidden',
  },
  'GET /api/team/me': { path: () => '/api/team/me', expect: 'no-leak' },
  'GET /api/team/users': { path: () => '/api/team/users', expect: 'forbidden' },
  'POST /api/team/users': {
    path: () => '/api/team/users',
    body: () => ({ name: 'mallory', role: 'owner', password: 'a long password' }),
    expect: 'forbidden',
  },
  'PATCH /api/team/users/:name': {
    path: () => '/api/team/users/budi',
    body: () => ({ password: 'a new long password' }),
    expect: 'forbidden',
  },
  'DELETE /api/team/users/:name': { path: () => '/api/team/users/budi', expect: 'forbidden' },
  'GET /api/team/reveals': { path: () => '/api/team/reveals', expect: 'no-leak' },
  'POST /api/team/reveals': { path: () => '/api/team/reveals', body: () => ({ revealed: true }), expect: 'forbidden' },
  'GET /api/class': { path: () => '/api/class', expect: 'forbidden' },
  'GET /api/class/passage': { path: () => `/api/class/passage?document=${DOC}&segment=2`, expect: 'forbidden' },
  'GET /api/class/export': { path: () => '/api/class/export?format=csv', expect: 'forbidden' },
  // Probed last by the tests below: they end the session or change the password.
  'POST /api/team/password': {
    path: () => '/api/team/password',
    body: () => ({ current: 'not my password', password: 'whatever long enough' }),
    expect: 'forbidden',
  },
  'POST /api/team/logout': { path: () => '/api/team/logout', expect: 'no-leak' },
  'POST /api/team/logout-everywhere': { path: () => '/api/team/logout-everywhere', expect: 'no-leak' },
};

/** The owner's powers: a coder calling any of these gets 403. */
const OWNER_ONLY = [
  'GET /api/team/users',
  'POST /api/team/users',
  'PATCH /api/team/users/:name',
  'DELETE /api/team/users/:name',
  'POST /api/team/reveals',
  'GET /api/class',
  'GET /api/class/passage',
  'GET /api/class/export',
  'POST /api/codebook/codes',
  'PATCH /api/codebook/codes/:id',
  'POST /api/codebook/merge',
];

/** Every route the team server answers, read from a running server's route table through the 404/405 answers. */
async function routeKeys(t: TestTeam): Promise<string[]> {
  const { teamRoutes, signInRoutes } = await import('../../../src/server/team/team-routes.js');
  const { workbenchRoutes } = await import('../../../src/server/routes/index.js');
  const ctx = { store: t.store, team: t.team, sessions: undefined as never, cookie: { name: 'x', secure: false }, name: 'x' };
  return [...teamRoutes(ctx), ...workbenchRoutes({ store: t.store, name: 'x' }), ...signInRoutes(ctx)].map((r) => `${r.method} ${r.path}`);
}

/** The security tests on one backend. */
export function teamSecurity(title: string, backend: () => Promise<Backend>): void {
  describe(title, () => {
    let t: TestTeam;
    let lecturer: Member;
    let ana: Member;
    let budi: Member;
    let vera: Member;
    const ids: Ids = { budiCoding: 0, budiMemo: 0, anaCoding: 0 };

    beforeAll(async () => {
      t = await startTestTeam(await backend());
      [lecturer, ana, budi, vera] = await Promise.all(['lecturer', 'ana', 'budi', 'vera'].map((n) => signIn(t.origin, n)));
      const b = await budi.call('POST', '/api/codings', { document: DOC, code: CODE, start: 100, end: 160 });
      expect(b.status).toBe(201);
      ids.budiCoding = (b.json as { id: number }).id;
      expect((await budi.call('PATCH', `/api/codings/${ids.budiCoding}`, { memo: SECRET })).status).toBe(200);
      const m = await budi.call('POST', '/api/memos', { kind: 'document', id: DOC, text: `${SECRET} on the document` });
      expect(m.status).toBe(201);
      ids.budiMemo = (m.json as { id: number }).id;
      const a = await ana.call('POST', '/api/codings', { document: DOC, code: CODE, start: 120, end: 170 });
      expect(a.status).toBe(201);
      ids.anaCoding = (a.json as { id: number }).id;
    }, 120_000);

    afterAll(async () => {
      await t?.close();
    });

    it('classifies every route for the blind-coder probe (a new route must be added here)', async () => {
      const keys = (await routeKeys(t)).filter((k) => k !== 'POST /api/team/login');
      expect(Object.keys(BLIND_PROBES).sort()).toEqual([...new Set(keys)].sort());
    });

    it('answers 401 on every route without a session, and with a forged or signed-out cookie', async () => {
      const keys = (await routeKeys(t)).filter((k) => k !== 'POST /api/team/login');
      for (const key of keys) {
        const [method, path] = key.split(' ');
        const concrete = path.replace(':id', '1').replace(':name', 'budi');
        const headers: Record<string, string> = method === 'GET' ? {} : { [WRITE_HEADER]: '1' };
        expect(
          (await call(t.origin, method, concrete, { headers, body: method === 'GET' ? undefined : {} })).status,
          `${key} without a session`,
        ).toBe(401);
        expect(
          (
            await call(t.origin, method, concrete, {
              headers: { ...headers, cookie: `qda_team_${t.server.port}=forged` },
              body: method === 'GET' ? undefined : {},
            })
          ).status,
          `${key} forged`,
        ).toBe(401);
      }
    });

    it('answers 403 when a coder or a viewer calls an owner endpoint, and when a viewer writes', async () => {
      for (const key of OWNER_ONLY) {
        const probe = BLIND_PROBES[key];
        const [method] = key.split(' ');
        for (const member of [ana, vera]) {
          const reply = await member.call(method, probe.path(ids), probe.body?.(ids));
          expect(reply.status, `${member.name}: ${key}: ${reply.text}`).toBe(403);
        }
      }
      expect((await vera.call('POST', '/api/codings', { document: DOC, code: CODE, start: 10, end: 20 })).status).toBe(403);
      expect((await vera.call('POST', '/api/memos', { kind: 'project', text: 'hello' })).status).toBe(403);
      // The owner may: the same calls succeed for the lecturer.
      expect((await lecturer.call('GET', '/api/team/users')).status).toBe(200);
      expect((await lecturer.call('GET', '/api/class')).status).toBe(200);
    });

    it("keeps a blind coder from reading or changing another coder's codings on every endpoint", async () => {
      for (const [key, probe] of Object.entries(BLIND_PROBES)) {
        if (key.startsWith('POST /api/team/')) continue;
        const [method] = key.split(' ');
        const reply = await ana.call(method, probe.path(ids), probe.body?.(ids));
        if (probe.expect === 'forbidden') {
          expect(reply.status, `${key}: ${reply.status} ${reply.text.slice(0, 200)}`).toBe(403);
          // A refusal may repeat the name the coder asked for, never tell whose a coding or memo is.
          expect(reply.text, `${key} tells in its refusal whose it is`).not.toMatch(new RegExp(`budi's|${SECRET}`));
        } else {
          expect(reply.status, `${key}: ${reply.text.slice(0, 200)}`).toBeLessThan(400);
          expect(leaksBudi(reply), `${key} leaked Budi's codings: ${reply.text.slice(0, 300)}`).toBe(false);
        }
      }
      // Listing without naming him leaves his codings out.
      const all = await ana.call('GET', '/api/codings');
      expect(all.status).toBe(200);
      expect(leaksBudi(all)).toBe(false);
      expect(all.text).toContain('"coder":"ana"');
      // Budi's coding and memo are untouched, and he still sees them.
      const mine = await budi.call('GET', `/api/documents/${DOC}`);
      expect(leaksBudi(mine)).toBe(true);
      expect((await t.store.getCoding(ids.budiCoding))?.memo).toBe(SECRET);
      expect((await t.store.listMemos()).find((m) => m.id === ids.budiMemo)?.text).toContain(SECRET);
    });

    it("tells a blind coder neither the other coders' names nor their totals, until the owner reveals them", async () => {
      type Project = { coders: Array<{ name: string }>; codings: Record<string, number>; memos: number; events: number };
      const project = async (m: Member) => (await m.call('GET', '/api/project')).json as Project;
      const total = (p: Project) => Object.values(p.codings).reduce((a, b) => a + b, 0);
      const everything = await project(lecturer);
      expect(everything.coders.map((c) => c.name)).toContain('budi');
      const blind = await project(ana);
      expect(blind.coders.map((c) => c.name)).not.toContain('budi');
      const visible = (await t.store.listCodings()).filter((c) => c.coder === 'ana' || c.coder === 'auto');
      expect(total(blind)).toBe(visible.length);
      expect(total(blind)).toBeLessThan(total(everything));
      expect(blind.memos).toBeLessThan(everything.memos);
      expect(blind.events).toBeLessThan(everything.events);
      expect(total(await project(vera))).toBe(visible.filter((c) => c.coder === 'auto').length);
      // A coder's own totals in the codebook panel and the documents list, nobody else's.
      for (const path of ['/api/codebook', '/api/documents']) expect(leaksBudi(await ana.call('GET', path)), path).toBe(false);

      expect((await lecturer.call('POST', '/api/team/reveals', { revealed: true })).status).toBe(201);
      const revealed = await project(ana);
      expect(revealed.coders.map((c) => c.name)).toContain('budi');
      expect(revealed.codings).toEqual((await project(lecturer)).codings);
      expect(leaksBudi(await ana.call('GET', '/api/documents'))).toBe(true);
      expect((await lecturer.call('POST', '/api/team/reveals', { revealed: false })).status).toBe(201);
      expect((await project(ana)).coders.map((c) => c.name)).not.toContain('budi');
    });

    it("shows the others' codings once the owner reveals the document, and hides them again", async () => {
      expect(leaksBudi(await ana.call('GET', `/api/documents/${DOC}`))).toBe(false);
      expect((await lecturer.call('POST', '/api/team/reveals', { document: DOC, revealed: true })).status).toBe(201);
      expect(leaksBudi(await ana.call('GET', `/api/documents/${DOC}`))).toBe(true);
      expect(leaksBudi(await ana.call('GET', '/api/memos'))).toBe(true);
      expect(leaksBudi(await vera.call('GET', `/api/documents/${DOC}`))).toBe(true);
      // Revealed is not editable: Budi's coding stays his.
      expect((await ana.call('DELETE', `/api/codings/${ids.budiCoding}`)).status).toBe(403);
      expect((await lecturer.call('POST', '/api/team/reveals', { document: DOC, revealed: false })).status).toBe(201);
      expect(leaksBudi(await ana.call('GET', `/api/documents/${DOC}`))).toBe(false);
      expect((await ana.call('GET', `/api/documents/${DOC}`)).text).toContain('"coder":"ana"');
    });

    it("refuses writes from another origin, cross-site, or without the session's CSRF token", async () => {
      const body = { document: DOC, code: CODE, start: 400, end: 420 };
      expect((await ana.call('POST', '/api/codings', body, { origin: 'http://evil.example' })).status).toBe(403);
      expect((await ana.call('POST', '/api/codings', body, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
      expect((await ana.call('POST', '/api/codings', body, { [CSRF_HEADER]: 'guessed' })).status).toBe(403);
      expect((await ana.call('POST', '/api/codings', body, { [CSRF_HEADER]: budi.csrf })).status).toBe(403);
      expect(
        (await call(t.origin, 'POST', '/api/codings', { body, headers: { cookie: ana.cookie, [CSRF_HEADER]: ana.csrf } })).status,
      ).toBe(403);
      expect(
        (
          await call(t.origin, 'POST', '/api/team/login', {
            body: { name: 'ana', password: 'x' },
            headers: { [WRITE_HEADER]: '1', origin: 'http://evil.example' },
          })
        ).status,
      ).toBe(403);
      expect((await ana.call('POST', '/api/codings', body)).status).toBe(201);
    });

    it('sets an HttpOnly, SameSite=Strict cookie, and replaces a cookie planted before sign-in (session fixation)', async () => {
      const planted = await signIn(t.origin, 'vera');
      const reply = await call(t.origin, 'POST', '/api/team/login', {
        body: { name: 'ana', password: 'correct horse battery' },
        headers: { [WRITE_HEADER]: '1', cookie: planted.cookie },
      });
      const setCookie = String(reply.headers['set-cookie']);
      expect(setCookie).toMatch(new RegExp(`^qda_team_${t.server.port}=[\\w-]{43}; HttpOnly; SameSite=Strict; Path=/`));
      expect(setCookie.split(';')[0]).not.toBe(planted.cookie);
      expect((await call(t.origin, 'GET', '/api/team/me', { headers: { cookie: planted.cookie } })).status).toBe(401);
      expect((await call(t.origin, 'GET', '/api/team/me', { headers: { cookie: setCookie.split(';')[0] } })).json).toMatchObject({
        name: 'ana',
        role: 'coder',
      });
    });

    it('rate-limits sign-in attempts with 429 and Retry-After', async () => {
      const attempt = () =>
        call(t.origin, 'POST', '/api/team/login', {
          body: { name: 'budi', password: 'wrong guess here' },
          headers: { [WRITE_HEADER]: '1' },
        });
      for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401);
      const limited = await attempt();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('signs a member out everywhere, and a new account added by the owner can sign in', async () => {
      const second = await signIn(t.origin, 'ana');
      expect((await second.call('POST', '/api/team/logout-everywhere')).status).toBe(201);
      expect((await ana.call('GET', '/api/team/me')).status).toBe(401);
      expect((await second.call('GET', '/api/team/me')).status).toBe(401);
      expect((await lecturer.call('POST', '/api/team/users', { name: 'citra', role: 'coder', password: 'citra password 1' })).status).toBe(
        201,
      );
      const citra = await signIn(t.origin, 'citra', 'citra password 1');
      expect(((await citra.call('GET', '/api/team/me')).json as { role: string }).role).toBe('coder');
    });
  });
}
