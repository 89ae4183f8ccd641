// A team server on a real project (SQLite file or PostgreSQL database) for the team tests: the
// sample study's transcripts and codebook, an owner, two coders and a viewer.
import { request as httpRequest } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCodebook } from '../../src/io/read-codebook.js';
import { readCorpus } from '../../src/io/read-corpus.js';
import type { Role } from '../../src/model/account.js';
import { loadAssets } from '../../src/server/assets.js';
import { hashPassword } from '../../src/server/team/password.js';
import { CSRF_HEADER, startTeamServer } from '../../src/server/team/team-server.js';
import type { RunningServer } from '../../src/server/server.js';
import { WRITE_HEADER } from '../../src/server/security.js';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import { openPostgresTeamStore } from '../../src/store/postgres-team-store.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { openSqliteTeamStore } from '../../src/store/sqlite-team-store.js';
import type { ProjectStore } from '../../src/store/store.js';
import type { TeamStore } from '../../src/store/team-store.js';

/** The sample study's transcripts and codebook. */
export const SAMPLE_TRANSCRIPTS = ['01', '02', '03'].map((n) => `data-sample/transcripts/informan-${n}.md`);
export const SAMPLE_CODEBOOK = 'codebooks/lk3-psychosocial.yaml';

/** Everyone's password in the tests (long enough for the rule). */
export const PASSWORD = 'correct horse battery';

/** The accounts every test team has. */
export const MEMBERS: Record<string, Role> = { lecturer: 'owner', ana: 'coder', budi: 'coder', vera: 'viewer' };

/** Where a test project lives. */
export type Backend = { kind: 'sqlite' } | { kind: 'postgres'; url: string };

/** Open (creating) a project and its team store on a backend. */
export async function openBackend(backend: Backend, file: string): Promise<{ store: ProjectStore; team: TeamStore }> {
  if (backend.kind === 'postgres') {
    const store = await openPostgresStore(backend.url, { mode: 'write', create: true });
    return { store, team: await openPostgresTeamStore(backend.url) };
  }
  const store = await openSqliteStore(file, { mode: 'write', create: true });
  return { store, team: await openSqliteTeamStore(file, { create: true }) };
}

/** Fill an empty project with the sample transcripts and codebook, and the test accounts. */
export async function fillProject(store: ProjectStore, team: TeamStore): Promise<void> {
  const { corpus } = await readCorpus(SAMPLE_TRANSCRIPTS);
  const { codebook } = await readCodebook(SAMPLE_CODEBOOK);
  await store.change('lecturer', 'set up', async (tx) => {
    await tx.saveCodebook(codebook!, 'sample');
    for (const d of corpus.documents) await tx.addDocument(d);
  });
  const hash = await hashPassword(PASSWORD);
  for (const [name, role] of Object.entries(MEMBERS))
    await team.saveAccount({ name, role, passwordHash: hash, createdAt: new Date().toISOString() });
}

/** An empty folder with an index.html, standing in for the bundled app where a test needs none. */
export function plainAssets(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qda-assets-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>qda</title>');
  return dir;
}

/** A running team server and how to reach it. */
export interface TestTeam {
  server: RunningServer;
  store: ProjectStore;
  team: TeamStore;
  file: string;
  origin: string;
  close(): Promise<void>;
}

/** Start a team server on a filled project. */
export async function startTestTeam(backend: Backend = { kind: 'sqlite' }, assetsDir = plainAssets()): Promise<TestTeam> {
  const file = join(mkdtempSync(join(tmpdir(), 'qda-team-')), 'study.qda');
  const { store, team } = await openBackend(backend, file);
  await fillProject(store, team);
  const server = await startTeamServer({ store, team, name: 'study.qda', assets: loadAssets(assetsDir) });
  return {
    server,
    store,
    team,
    file,
    origin: `http://127.0.0.1:${server.port}`,
    async close() {
      await server.close();
      await team.close();
      await store.close();
    },
  };
}

/** A response as tests read it. */
export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body as JSON (null for a download); tests cast it to the shape they expect. */
  json: unknown;
}

/** One HTTP request with full control of the headers. */
export function call(
  origin: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<Reply> {
  const url = new URL(path, origin);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method,
        agent: false,
        headers: {
          host: url.host,
          ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            // a download or an HTML page
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A signed-in member: their cookie and CSRF token, and a caller that sends both. */
export interface Member {
  name: string;
  cookie: string;
  csrf: string;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
}

/** Sign in as a member (through the API, as a browser does). */
export async function signIn(origin: string, name: string, password = PASSWORD): Promise<Member> {
  const reply = await call(origin, 'POST', '/api/team/login', { body: { name, password }, headers: { [WRITE_HEADER]: '1' } });
  if (reply.status !== 201) throw new Error(`sign-in of ${name} failed: ${reply.status} ${reply.text}`);
  const cookie = String(reply.headers['set-cookie']).split(';')[0];
  const csrf = (reply.json as { csrf: string }).csrf;
  return {
    name,
    cookie,
    csrf,
    call: (method, path, body, headers = {}) =>
      call(origin, method, path, {
        body,
        headers: { cookie, ...(method === 'GET' ? {} : { [WRITE_HEADER]: '1', [CSRF_HEADER]: csrf }), ...headers },
      }),
  };
}
