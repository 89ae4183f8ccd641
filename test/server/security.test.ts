import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_ACTOR, tokenAuthenticator } from '../../src/server/auth.js';
import { startServer } from '../../src/server/server.js';
import { call, startTestWorkbench, type TestWorkbench } from '../helpers/workbench.js';

describe('qda serve: local and private', () => {
  let wb: TestWorkbench;
  beforeAll(async () => {
    wb = await startTestWorkbench(async () => {});
  }, 180_000);
  afterAll(async () => wb.close(), 60_000);

  it('listens on 127.0.0.1 and prints an address with a long random token', () => {
    expect(wb.server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${wb.server.port}/\\?token=[\\w-]{43}$`));
  });

  it('refuses every page and API call without the token', async () => {
    for (const path of ['/', '/app.js', '/api/project', '/api/documents']) {
      const r = await call(wb, 'GET', path, { signedIn: false });
      expect(r.status, path).toBe(401);
      expect(r.json.error).toMatch(/not signed in/);
    }
  });

  it('turns the token in the address into an HttpOnly, SameSite=Strict cookie and drops it from the address', async () => {
    const r = await call(wb, 'GET', `/?token=${wb.token}`, { signedIn: false });
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    expect(String(r.headers['set-cookie'])).toMatch(
      new RegExp(`^qda_session_${wb.server.port}=${wb.token}; HttpOnly; SameSite=Strict; Path=/`),
    );
    const wrong = await call(wb, 'GET', '/?token=guess', { signedIn: false });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it("accepts the cookie of its own token beside another workbench's cookie on the same host", async () => {
    const both = `qda_session_1=${'z'.repeat(43)}; ${wb.cookie}`;
    expect((await call(wb, 'GET', '/api/project', { signedIn: false, headers: { cookie: both } })).status).toBe(200);
    expect(
      (await call(wb, 'GET', '/api/project', { signedIn: false, headers: { cookie: `qda_session_1=${'z'.repeat(43)}` } })).status,
    ).toBe(401);
  });

  it('takes a Bearer token from scripts, and refuses a wrong one', async () => {
    expect((await call(wb, 'GET', '/api/project', { signedIn: false, headers: { authorization: `Bearer ${wb.token}` } })).status).toBe(200);
    expect(
      (await call(wb, 'GET', '/api/project', { signedIn: false, headers: { authorization: `Bearer ${wb.token.slice(1)}x` } })).status,
    ).toBe(401);
  });

  it('answers only to its own Host (DNS rebinding) and refuses other origins', async () => {
    const rebound = await call(wb, 'GET', '/api/project', { headers: { host: `evil.example:${wb.server.port}` } });
    expect(rebound.status).toBe(421);
    expect(rebound.json.error).toMatch(/answers only to 127\.0\.0\.1/);
    expect((await call(wb, 'GET', '/api/project', { headers: { host: `localhost:${wb.server.port}` } })).status).toBe(200);
    expect((await call(wb, 'GET', '/api/project', { headers: { host: `127.0.0.1:${wb.server.port + 1}` } })).status).toBe(421);
    const cross = await call(wb, 'GET', '/api/project', { headers: { origin: 'https://evil.example' } });
    expect(cross.status).toBe(403);
    expect((await call(wb, 'GET', '/api/project', { headers: { origin: `http://127.0.0.1:${wb.server.port}` } })).status).toBe(200);
  });

  it('refuses writes without the custom header, and cross-site writes', async () => {
    const plain = await call(wb, 'POST', '/api/coders', { body: { name: 'x' }, headers: { 'x-qda-request': '' } });
    expect(plain.status).toBe(403);
    expect(plain.json.error).toMatch(/x-qda-request/);
    const crossSite = await call(wb, 'POST', '/api/coders', { body: { name: 'x' }, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect((await call(wb, 'GET', '/api/project')).json).not.toHaveProperty('coders.1');
  });

  it('sends no CORS headers, even to a preflight', async () => {
    const pre = await call(wb, 'OPTIONS', '/api/codings', {
      headers: { origin: `http://127.0.0.1:${wb.server.port}`, 'access-control-request-method': 'POST', 'x-qda-request': '' },
    });
    expect(pre.status).toBe(403);
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    const get = await call(wb, 'GET', '/api/project');
    expect(Object.keys(get.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('sends a strict Content-Security-Policy with no inline script and no framing, on pages and API', async () => {
    for (const path of ['/', '/app.js', '/api/project', '/api/nothing']) {
      const r = await call(wb, 'GET', path);
      const csp = String(r.headers['content-security-policy']);
      expect(csp, path).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|http:|https:|\*/);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('serves the page without inline script and with no address outside itself', async () => {
    const page = await call(wb, 'GET', '/');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toMatch(/<script type="module" src="\/app\.js"><\/script>/);
    expect(page.text).not.toMatch(/<script>|<script [^>]*>[^<]|\son\w+=|https?:\/\//);
    const script = await call(wb, 'GET', '/app.js');
    expect(script.text).not.toMatch(/https?:\/\/(?!www\.w3\.org)[\w.-]+\.\w+\//);
    expect(script.text).not.toMatch(/\.innerHTML\s*=|insertAdjacentHTML|document\.write\(/);
  });

  it('never serves a path taken from the request', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/%2E%2E%2Fpackage.json', '/src/web/main.ts', '/app.js.map']) {
      expect((await call(wb, 'GET', path)).status, path).toBe(404);
    }
  });

  it('refuses to listen beyond loopback until team mode', async () => {
    const token = 'x'.repeat(43);
    await expect(
      startServer({ routes: [], assets: new Map(), token, authenticate: tokenAuthenticator(token), host: '0.0.0.0' }),
    ).rejects.toThrow(/loopback/);
    await expect(
      startServer({ routes: [], assets: new Map(), token, authenticate: tokenAuthenticator(token), host: '192.168.1.4' }),
    ).rejects.toThrow(/loopback/);
  });

  it('decides the actor of every request in one function', async () => {
    const seen: string[] = [];
    const token = 'y'.repeat(43);
    const server = await startServer({
      routes: [{ method: 'GET', path: '/api/who', handler: ({ actor }) => ({ actor: actor.id }) }],
      assets: new Map(),
      token,
      authenticate: (req) => (
        seen.push(req.url ?? ''),
        req.headers['x-test-user'] === 'lecturer' ? { id: 'lecturer', name: 'Lecturer', roles: ['lecturer'] } : undefined
      ),
    });
    try {
      const ok = await fetch(`http://127.0.0.1:${server.port}/api/who`, { headers: { 'x-test-user': 'lecturer' } });
      expect(await ok.json()).toEqual({ actor: 'lecturer' });
      expect((await fetch(`http://127.0.0.1:${server.port}/api/who`)).status).toBe(401);
      expect(seen).toEqual(['/api/who', '/api/who']);
      expect(LOCAL_ACTOR.roles).toContain('owner');
    } finally {
      await server.close();
    }
  });
});
