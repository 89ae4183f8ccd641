import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWeb } from '../../scripts/build-web.js';
import { loadAssets } from '../../src/server/assets.js';
import { tokenAuthenticator } from '../../src/server/auth.js';
import { projectFromFiles } from '../../src/server/project-from-files.js';
import { workbenchRoutes } from '../../src/server/routes/index.js';
import { newToken, sessionCookie } from '../../src/server/security.js';
import { startServer, type RunningServer } from '../../src/server/server.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import type { ProjectStore } from '../../src/store/store.js';

/** The sample study's files. */
export const SAMPLE = {
  transcripts: ['01', '02', '03', '04', '05', '06']
    .map((n) => `data-sample/transcripts/informan-${n}.md`)
    .concat('data-sample/transcripts/informant-07-en.md'),
  codebook: 'codebooks/lk3-psychosocial.yaml',
  cases: 'data-sample/cases.csv',
  codings: ['data-sample/coders/coder-a.csv', 'data-sample/coders/coder-b.csv'],
};

let built: string | undefined;

/** The browser app, bundled once per test process into a temporary folder. */
export async function webAssets(): Promise<string> {
  if (!built) {
    built = mkdtempSync(join(tmpdir(), 'qda-web-'));
    await buildWeb(built);
  }
  return built;
}

/** A running workbench on a fresh project in a temporary folder. */
export interface TestWorkbench {
  server: RunningServer;
  store: ProjectStore;
  token: string;
  dir: string;
  file: string;
  /** `http://127.0.0.1:port` */
  origin: string;
  /** The Cookie header of a signed-in browser. */
  cookie: string;
  close(): Promise<void>;
}

/**
 * Make a project (the sample study unless `fill` says otherwise) and serve it on an ephemeral port.
 * @example const wb = await startTestWorkbench(); … await wb.close();
 */
export async function startTestWorkbench(
  fill: (store: ProjectStore) => Promise<unknown> = (store) => projectFromFiles(store, SAMPLE),
): Promise<TestWorkbench> {
  const dir = mkdtempSync(join(tmpdir(), 'qda-serve-'));
  const file = join(dir, 'study.qda');
  const store = await openSqliteStore(file, { mode: 'write', create: true });
  await fill(store);
  const token = newToken();
  const server = await startServer({
    routes: workbenchRoutes({ store, name: 'study.qda' }),
    assets: loadAssets(await webAssets()),
    token,
    authenticate: tokenAuthenticator(token),
  });
  return {
    server,
    store,
    token,
    dir,
    file,
    origin: `http://127.0.0.1:${server.port}`,
    cookie: `${sessionCookie(server.port)}=${token}`,
    async close() {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A response as the tests read it. */
export interface Reply<T> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body as JSON (the caller names its shape; `error` on failures). */
  json: T;
}

/**
 * Call the server with full control of the headers (Host included, which fetch cannot set).
 * Writes get the JSON content type, the write header and a coder unless the headers say otherwise.
 */
export function call<T = { error?: string }>(
  wb: TestWorkbench,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; signedIn?: boolean; coder?: string } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { host: `127.0.0.1:${wb.server.port}` };
  if (options.signedIn !== false) headers.cookie = wb.cookie;
  if (method !== 'GET') {
    headers['x-qda-request'] = '1';
    headers['x-qda-coder'] = options.coder ?? 'ana';
  }
  const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, options.headers ?? {});
  for (const [k, v] of Object.entries(headers)) if (v === '') delete headers[k];
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: wb.server.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: json as T });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
