import type { IncomingMessage } from 'node:http';
import type { ProjectStore } from '../../store/store.js';
import type { TeamStore } from '../../store/team-store.js';
import type { Asset } from '../assets.js';
import type { Actor, Authenticate } from '../auth.js';
import { HttpError } from '../http.js';
import type { Route } from '../router.js';
import { workbenchRoutes } from '../routes/index.js';
import { cookies, newToken, sameToken } from '../security.js';
import { startServer, type RunningServer } from '../server.js';
import { BlindStore, runAsMember } from './blind-store.js';
import { LoginLimiter } from './login-limiter.js';
import { TeamSessions, type SessionLifetimes } from './sessions.js';
import { roleOf, signInRoutes, teamRoutes, type SessionCookie } from './team-routes.js';

/** Workbench routes only the owner may call (the codebook is the owner's); checked before the route reads its input. */
const OWNER_ROUTES = new Set(['POST /api/codebook/codes', 'PATCH /api/codebook/codes/:id', 'POST /api/codebook/merge']);

/** The header a team member's writes carry: their session's CSRF token (from sign-in or `/api/team/me`). */
export const CSRF_HEADER = 'x-qda-csrf';

/** How to start a team server. */
export interface TeamServerOptions {
  store: ProjectStore;
  team: TeamStore;
  /** The project's name (title bar, export names). */
  name: string;
  assets: ReadonlyMap<string, Asset>;
  /** Address to listen on: 127.0.0.1 (default), or 0.0.0.0 for the network. */
  host?: string;
  port?: number;
  /** Names the server is reached by from other machines (Host header checks against DNS rebinding). */
  hosts?: readonly string[];
  tls?: { cert: string | Buffer; key: string | Buffer };
  limiter?: LoginLimiter;
  lifetimes?: Partial<SessionLifetimes>;
  onError?(error: unknown): void;
}

/**
 * Serve a project to a team: accounts and sessions instead of the one-time token, every route
 * of the workbench behind roles and blind coding, plus accounts, reveals and class view.
 * @example const server = await startTeamServer({ store, team, name: 'study.qda', assets, host: '0.0.0.0' })
 */
export async function startTeamServer(options: TeamServerOptions): Promise<RunningServer> {
  const sessions = new TeamSessions(options.team, options.limiter ?? new LoginLimiter(), options.lifetimes);
  // Named once the port is known (port 0 picks one when listening); no request comes before that.
  const sessionCookie: SessionCookie = teamCookie(options.port ?? 0, options.tls !== undefined);
  const blind = new BlindStore(options.store);
  const ctx = { store: blind, team: options.team, sessions, cookie: sessionCookie, name: options.name };
  const csrfOf = new WeakMap<IncomingMessage, string>();

  const authenticate: Authenticate = async (req) => {
    const signed = await sessions.authenticate(cookies(req, sessionCookie.name)[0]);
    if (!signed) return undefined;
    csrfOf.set(req, signed.session.csrfToken);
    const actor: Actor = { id: signed.account.name, name: signed.account.name, roles: [signed.account.role], coder: signed.account.name };
    return actor;
  };

  const guard = (route: Route): Route => ({
    ...route,
    handler: (rc) => {
      const writes = rc.req.method !== 'GET' && rc.req.method !== 'HEAD';
      const given = rc.req.headers[CSRF_HEADER];
      if (writes && !sameToken(typeof given === 'string' ? given : undefined, csrfOf.get(rc.req) ?? newToken())) {
        throw new HttpError(403, `writes need this session's token in the ${CSRF_HEADER} header (cross-site requests are refused)`);
      }
      const member = { name: rc.actor.name, role: roleOf(rc.actor) };
      if (OWNER_ROUTES.has(`${route.method} ${route.path}`) && member.role !== 'owner')
        throw new HttpError(403, "only the project's owner may change the codebook");
      return runAsMember(
        {
          member,
          reveals: once(() => options.team.reveals()),
          owners: once(async () => new Set((await options.team.listAccounts()).filter((a) => a.role === 'owner').map((a) => a.name))),
        },
        () => route.handler(rc),
      );
    },
  });

  const server = await startServer({
    routes: [...teamRoutes(ctx), ...workbenchRoutes({ store: blind, name: options.name })].map(guard),
    assets: options.assets,
    token: newToken(),
    authenticate,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    ...(options.onError ? { onError: options.onError } : {}),
    team: { publicRoutes: signInRoutes(ctx), hosts: options.hosts ?? [], ...(options.tls ? { tls: options.tls } : {}) },
  });
  Object.assign(sessionCookie, teamCookie(server.port, sessionCookie.secure));
  return server;
}

/**
 * The team session cookie of a server on this port. Browsers share cookies among all ports of a
 * host, so the name carries the port: two team servers side by side do not sign each other out.
 * Under HTTPS it is `Secure` with the `__Host-` prefix (no Domain, Path=/: only this host sets it).
 * @example teamCookie(8443, true) // { name: '__Host-qda_team_8443', secure: true }
 */
export function teamCookie(port: number, secure: boolean): SessionCookie {
  return { name: `${secure ? '__Host-' : ''}qda_team_${port}`, secure };
}

function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= fn());
}
