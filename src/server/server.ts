import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { QdaError } from '../model/message.js';
import type { Asset } from './assets.js';
import type { Actor, Authenticate } from './auth.js';
import { HttpError, readJsonBody, sendDownload, sendError, sendJson, type Download } from './http.js';
import { Router, type Route } from './router.js';
import { allowedHosts, isLoopbackHost, refusal, sessionCookie, setSecurityHeaders } from './security.js';

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
  /** Team mode: routes anyone may call (signing in), and what makes the server reachable from other machines. */
  team?: TeamServing;
}

/** What team mode changes in the server. */
export interface TeamServing {
  /** Routes answered before authentication (signing in). */
  publicRoutes: readonly Route[];
  /** Host header values (`name:port`) besides the loopback ones, e.g. the machine's name on the network. */
  hosts: readonly string[];
  /** PEM certificate and key: HTTPS instead of HTTP. */
  tls?: { cert: string | Buffer; key: string | Buffer };
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
  if (!isLoopbackHost(host) && !options.team)
    throw new TypeError(`host must be a loopback address (127.0.0.1, ::1 or localhost) outside team mode; got "${host}"`);
  const router = new Router(options.routes);
  const publicRouter = new Router(options.team?.publicRoutes ?? []);
  let hosts = new Set<string>();
  let port = 0;
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) return void sendIfOpen(res, error.status, error.message);
      // Problems the user can act on (a refused undo, a code id taken, a busy project) are the store's and library's QdaErrors.
      if (error instanceof QdaError) return void sendIfOpen(res, 409, error.messages.map((m) => m.reason).join('; '));
      options.onError?.(error);
      sendIfOpen(res, 500, `the server could not do this: ${(error as Error).message ?? String(error)}`);
    });
  };
  const server: Server = options.team?.tls ? createTlsServer(options.team.tls, listener) : createServer(listener);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    const refused = refusal(req, hosts);
    if (refused) return sendError(res, refused.status, refused.reason);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';

    // First visit: the token in the address becomes a cookie, and the address loses it.
    const given = url.searchParams.get('token');
    if (given !== null && method === 'GET' && url.pathname === '/' && !options.team) {
      if (given !== options.token) return sendError(res, 401, 'this address has the wrong token: use the one printed by `qda serve`');
      res.setHeader('Set-Cookie', `${sessionCookie(port)}=${options.token}; HttpOnly; SameSite=Strict; Path=/`);
      res.writeHead(303, { Location: '/' });
      return void res.end();
    }
    const open = publicRouter.match(method, url.pathname);
    if (open && 'route' in open) return answer(req, res, url, open.route, open.params, { id: '', name: '', roles: [] });
    // The app's files hold no project data: in team mode they load before signing in, to show the sign-in form.
    const asset =
      options.team && !url.pathname.startsWith('/api/')
        ? options.assets.get(url.pathname === '/' ? '/index.html' : url.pathname)
        : undefined;
    const actor = asset ? undefined : await options.authenticate(req);
    if (!actor && !asset)
      return sendError(
        res,
        401,
        options.team
          ? 'not signed in: sign in with your account first'
          : 'not signed in: open the address printed by `qda serve` (it carries the token)',
      );

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
    return answer(req, res, url, found.route, found.params, actor!);
  }

  async function answer(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    route: Route,
    params: Record<string, string>,
    actor: Actor,
  ): Promise<void> {
    const method = req.method ?? 'GET';
    const result = await route.handler({ req, res, params, query: url.searchParams, actor, body: () => readJsonBody(req) });
    if (res.writableEnded) return;
    if (isDownload(result)) return sendDownload(res, result.download);
    sendJson(res, method === 'POST' ? 201 : 200, result ?? { ok: true });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  hosts = new Set([
    ...allowedHosts(port),
    ...(options.team?.hosts ?? []).map((h) => (h.includes(':') && !h.endsWith(']') ? h : `${h}:${port}`).toLowerCase()),
  ]);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const scheme = options.team?.tls ? 'https' : 'http';
  return {
    url: options.team
      ? `${scheme}://${isLoopbackHost(host) || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : shownHost}:${port}/`
      : `http://${shownHost === 'localhost' ? '127.0.0.1' : shownHost}:${port}/?token=${options.token}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
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
