import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { QdaError } from '../model/message.js';
import type { Asset } from './assets.js';
import type { Authenticate } from './auth.js';
import { HttpError, readJsonBody, sendDownload, sendError, sendJson, type Download } from './http.js';
import { Router, type Route } from './router.js';
import { allowedHosts, isLoopbackHost, refusal, SESSION_COOKIE, setSecurityHeaders } from './security.js';

/** How to start the workbench server. */
export interface ServerOptions {
  routes: readonly Route[];
  assets: ReadonlyMap<string, Asset>;
  /** The session token: the printed address carries it once, then a cookie does. */
  token: string;
  /** Decides who a request comes from; every request goes through it. */
  authenticate: Authenticate;
  /** Loopback only until team mode (default 127.0.0.1). */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Called for errors that are not the client's fault (logged by the caller). */
  onError?(error: unknown): void;
}

/** A running server. */
export interface RunningServer {
  /** The address to open, with the token. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Start the workbench's HTTP server on loopback.
 * @example const server = await startServer({ routes, assets, token, authenticate: tokenAuthenticator(token) });
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new TypeError(`host must be a loopback address (127.0.0.1, ::1 or localhost) until team mode exists; got "${host}"`);
  const router = new Router(options.routes);
  let hosts = new Set<string>();
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) return void sendIfOpen(res, error.status, error.message);
      // Problems the user can act on (a refused undo, a code id taken, a busy project) are the store's and library's QdaErrors.
      if (error instanceof QdaError) return void sendIfOpen(res, 409, error.messages.map((m) => m.reason).join('; '));
      options.onError?.(error);
      sendIfOpen(res, 500, `the server could not do this: ${(error as Error).message ?? String(error)}`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    const refused = refusal(req, hosts);
    if (refused) return sendError(res, refused.status, refused.reason);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';

    // First visit: the token in the address becomes a cookie, and the address loses it.
    const given = url.searchParams.get('token');
    if (given !== null && method === 'GET' && url.pathname === '/') {
      if (given !== options.token) return sendError(res, 401, 'this address has the wrong token: use the one printed by `qda serve`');
      res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${options.token}; HttpOnly; SameSite=Strict; Path=/`);
      res.writeHead(303, { Location: '/' });
      return void res.end();
    }
    const actor = options.authenticate(req);
    if (!actor) return sendError(res, 401, 'not signed in: open the address printed by `qda serve` (it carries the token)');

    if (!url.pathname.startsWith('/api/')) {
      if (method !== 'GET' && method !== 'HEAD') return sendError(res, 405, `${method} is not allowed here`);
      const asset = options.assets.get(url.pathname === '/' ? '/index.html' : url.pathname);
      if (!asset) return sendError(res, 404, `no such page: ${url.pathname}`);
      res.writeHead(200, { 'Content-Type': asset.type, 'Content-Length': asset.body.length });
      return void res.end(method === 'HEAD' ? undefined : asset.body);
    }

    const found = router.match(method, url.pathname);
    if (!found) return sendError(res, 404, `no such API route: ${method} ${url.pathname}`);
    if ('allowed' in found) {
      res.setHeader('Allow', found.allowed.join(', '));
      return sendError(res, 405, `${method} is not allowed on ${url.pathname} (allowed: ${found.allowed.join(', ')})`);
    }
    const result = await found.route.handler({ req, res, params: found.params, query: url.searchParams, actor, body: () => readJsonBody(req) });
    if (res.writableEnded) return;
    if (isDownload(result)) return sendDownload(res, result.download);
    sendJson(res, method === 'POST' ? 201 : 200, result ?? { ok: true });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(port);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost === 'localhost' ? '127.0.0.1' : shownHost}:${port}/?token=${options.token}`,
    port,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function isDownload(value: unknown): value is { download: Download } {
  return typeof value === 'object' && value !== null && 'download' in value;
}

function sendIfOpen(res: ServerResponse, status: number, message: string): void {
  if (!res.headersSent) sendError(res, status, message);
  else res.end();
}
