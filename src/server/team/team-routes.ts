import type { IncomingMessage, ServerResponse } from 'node:http';
import { ACCOUNT_NAME, ROLES, type Role } from '../../model/account.js';
import type { ProjectStore } from '../../store/store.js';
import type { TeamStore } from '../../store/team-store.js';
import { OffsetMap } from '../../text/offsets.js';
import { segmentDocument } from '../../text/segment.js';
import type { Actor } from '../auth.js';
import { HttpError } from '../http.js';
import { oneOf, requiredString } from '../input.js';
import type { Route } from '../router.js';
import { cookies } from '../security.js';
import { agreementCsv, classCodings, classQdpx, classView, codingsCsv } from './class-view.js';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from './password.js';
import type { TeamSessions } from './sessions.js';

/** How the session cookie is named and set (Secure and `__Host-` under HTTPS). */
export interface SessionCookie {
  name: string;
  secure: boolean;
}

/** What team routes share. */
export interface TeamContext {
  store: ProjectStore;
  team: TeamStore;
  sessions: TeamSessions;
  cookie: SessionCookie;
  /** The project's name, for export file names. */
  name: string;
}

/** The member behind an actor (team mode's actors carry one role). */
export function roleOf(actor: Actor): Role {
  const role = actor.roles[0];
  return (ROLES as readonly string[]).includes(role) ? (role as Role) : 'viewer';
}

function requireOwner(actor: Actor): void {
  if (roleOf(actor) !== 'owner') throw new HttpError(403, "only the project's owner may do this");
}

function setCookie(res: ServerResponse, c: SessionCookie, token: string | null): void {
  const value = token === null ? `${c.name}=; Max-Age=0` : `${c.name}=${token}`;
  res.setHeader('Set-Cookie', `${value}; HttpOnly; SameSite=Strict; Path=/${c.secure ? '; Secure' : ''}`);
}

function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

function accountName(value: unknown, field = 'name'): string {
  if (typeof value !== 'string' || !ACCOUNT_NAME.test(value))
    throw new HttpError(400, `"${field}" must be 1–40 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit`);
  return value;
}

function newPassword(value: unknown): string {
  if (typeof value !== 'string') throw new HttpError(400, '"password" must be a string');
  const problem = passwordProblem(value);
  if (problem) throw new HttpError(400, problem);
  return value;
}

/**
 * The password the owner gives an account: the one typed (`password`), or with `generate: true` a
 * new random one, which the answer shows once (`generated`) for the owner to pass on.
 */
function ownerGivenPassword(input: Record<string, unknown>): { password: string; generated: boolean } {
  if (input.generate === true) {
    if (input.password !== undefined) throw new HttpError(400, 'give "password" or "generate": true, not both');
    return { password: generatePassword(), generated: true };
  }
  if (input.password === undefined) throw new HttpError(400, 'give a "password" (or "generate": true)');
  return { password: newPassword(input.password), generated: false };
}

/** Signing in: the one route answered without a session. */
export function signInRoutes(ctx: TeamContext): Route[] {
  return [
    {
      method: 'POST',
      path: '/api/team/login',
      handler: async ({ body, req, res }) => {
        const input = await body();
        const name = typeof input.name === 'string' ? input.name.trim().toLowerCase() : '';
        const password = typeof input.password === 'string' ? input.password : '';
        if (name === '' || password === '') throw new HttpError(400, 'give "name" and "password"');
        const result = await ctx.sessions.signIn(name, password, clientAddress(req), cookies(req, ctx.cookie.name)[0]);
        if (!result.ok && result.reason === 'rate-limited') {
          res.setHeader('Retry-After', String(Math.ceil(result.retryAfterMs / 1000)));
          throw new HttpError(429, `too many failed sign-ins: try again in ${Math.ceil(result.retryAfterMs / 60_000)} minutes`);
        }
        if (!result.ok) throw new HttpError(401, 'wrong name or password');
        setCookie(res, ctx.cookie, result.token);
        return { name: result.account.name, role: result.account.role, csrf: result.session.csrfToken };
      },
    },
  ];
}

/**
 * Accounts, reveals and class view: `/api/team/…` and `/api/class/…` (owner-only where the
 * owner's powers are needed; every member manages their own session and password).
 * @example new Router([...teamRoutes(ctx), ...workbenchRoutes(wb)])
 */
export function teamRoutes(ctx: TeamContext): Route[] {
  const token = (req: IncomingMessage) => cookies(req, ctx.cookie.name)[0];
  return [
    {
      method: 'GET',
      path: '/api/team/me',
      handler: async ({ actor, req }) => {
        const signed = await ctx.sessions.authenticate(token(req));
        return { name: actor.name, role: roleOf(actor), csrf: signed?.session.csrfToken ?? null, reveals: await ctx.team.reveals() };
      },
    },
    {
      method: 'POST',
      path: '/api/team/logout',
      handler: async ({ req, res }) => {
        const t = token(req);
        if (t) await ctx.sessions.signOut(t);
        setCookie(res, ctx.cookie, null);
        return { signedOut: 1 };
      },
    },
    {
      method: 'POST',
      path: '/api/team/logout-everywhere',
      handler: async ({ actor, res }) => {
        const ended = await ctx.sessions.signOutEverywhere(actor.name);
        setCookie(res, ctx.cookie, null);
        return { signedOut: ended };
      },
    },
    {
      method: 'POST',
      path: '/api/team/password',
      handler: async ({ actor, body, res }) => {
        const input = await body();
        const account = await ctx.team.getAccount(actor.name);
        if (!account || typeof input.current !== 'string' || !(await verifyPassword(input.current, account.passwordHash)))
          throw new HttpError(403, 'the current password is wrong');
        const fresh = await ctx.sessions.changePassword(account, newPassword(input.password));
        setCookie(res, ctx.cookie, fresh.token);
        return { changed: true, csrf: fresh.session.csrfToken };
      },
    },
    {
      method: 'GET',
      path: '/api/team/users',
      handler: async ({ actor }) => {
        requireOwner(actor);
        const [accounts, lastSeen] = await Promise.all([ctx.team.listAccounts(), ctx.team.lastSeen()]);
        return accounts.map(({ name, role, createdAt }) => ({ name, role, createdAt, lastSeenAt: lastSeen[name] ?? null }));
      },
    },
    {
      method: 'POST',
      path: '/api/team/users',
      handler: async ({ actor, body }) => {
        requireOwner(actor);
        const input = await body();
        const name = accountName(input.name);
        const role = oneOf(input.role, 'role', ROLES);
        const given = ownerGivenPassword(input);
        if (await ctx.team.getAccount(name)) throw new HttpError(409, `there is already an account "${name}"`);
        const createdAt = new Date().toISOString();
        await ctx.team.saveAccount({ name, role, passwordHash: await hashPassword(given.password), createdAt });
        return { name, role, createdAt, ...(given.generated ? { generated: given.password } : {}) };
      },
    },
    {
      method: 'PATCH',
      path: '/api/team/users/:name',
      handler: async ({ actor, params, body }) => {
        requireOwner(actor);
        const input = await body();
        const account = await ctx.team.getAccount(accountName(params.name));
        if (!account) throw new HttpError(404, `no account "${params.name}"`);
        const role = input.role === undefined ? account.role : oneOf(input.role, 'role', ROLES);
        if (account.role === 'owner' && role !== 'owner') await keepAnOwner(ctx.team, account.name);
        const given = input.password === undefined && input.generate === undefined ? null : ownerGivenPassword(input);
        const passwordHash = given ? await hashPassword(given.password) : account.passwordHash;
        await ctx.team.saveAccount({ ...account, role, passwordHash });
        // A reset password or a changed role ends the account's sessions: they sign in again.
        const ended = await ctx.sessions.signOutEverywhere(account.name);
        return { name: account.name, role, signedOut: ended, ...(given?.generated ? { generated: given.password } : {}) };
      },
    },
    {
      method: 'DELETE',
      path: '/api/team/users/:name',
      handler: async ({ actor, params }) => {
        requireOwner(actor);
        const account = await ctx.team.getAccount(accountName(params.name));
        if (!account) throw new HttpError(404, `no account "${params.name}"`);
        if (account.role === 'owner') await keepAnOwner(ctx.team, account.name);
        // Their sessions end with the account; their codings stay in the project under their name.
        await ctx.team.removeAccount(account.name);
        return { removed: account.name };
      },
    },
    {
      method: 'GET',
      path: '/api/team/reveals',
      handler: async () => ctx.team.reveals(),
    },
    {
      method: 'POST',
      path: '/api/team/reveals',
      handler: async ({ actor, body }) => {
        requireOwner(actor);
        const input = await body();
        if (typeof input.revealed !== 'boolean') throw new HttpError(400, '"revealed" must be true or false');
        const document = input.document === undefined || input.document === null ? null : requiredString(input, 'document', 500);
        if (document !== null && !(await ctx.store.listDocuments()).some((d) => d.id === document))
          throw new HttpError(404, `no document "${document}" in this project`);
        await ctx.team.setRevealed(document, input.revealed);
        return ctx.team.reveals();
      },
    },
    {
      method: 'GET',
      path: '/api/class',
      handler: async ({ actor, query }) => {
        requireOwner(actor);
        const coders = (await ctx.team.listAccounts()).filter((a) => a.role !== 'viewer').map((a) => a.name);
        const reference = query.get('reference') || undefined;
        const document = query.get('document') || undefined;
        return classView(ctx.store, { coders, ...(reference ? { reference } : {}), ...(document ? { document } : {}) });
      },
    },
    {
      method: 'GET',
      path: '/api/class/passage',
      handler: async ({ actor, query }) => {
        requireOwner(actor);
        const document = query.get('document') ?? '';
        const segment = Number(query.get('segment'));
        const doc = await ctx.store.getDocument(document);
        const turn = doc ? segmentDocument(doc, 'turn')[segment - 1] : undefined;
        if (!doc || !turn) throw new HttpError(404, `no turn ${query.get('segment')} in document "${document}"`);
        const offsets = new OffsetMap(doc.text);
        const { codings } = await classCodings(ctx.store, document);
        const spans = codings
          .filter((c) => c.segment === segment && c.span)
          .map((c) => ({ coder: c.coder, code: c.code, start: c.span!.start, end: c.span!.end }));
        return {
          document,
          segment,
          speaker: turn.speaker,
          text: turn.text,
          start: offsets.toCodePoint(turn.start),
          end: offsets.toCodePoint(turn.end),
          spans,
        };
      },
    },
    {
      method: 'GET',
      path: '/api/class/export',
      handler: async ({ actor, query }) => {
        requireOwner(actor);
        const format = oneOf(query.get('format'), 'format', ['csv', 'qdpx', 'agreement'] as const);
        if (format === 'csv') return { download: await codingsCsv(ctx.store) };
        if (format === 'qdpx') return { download: await classQdpx(ctx.store, ctx.name) };
        const coders = (await ctx.team.listAccounts()).filter((a) => a.role !== 'viewer').map((a) => a.name);
        const reference = query.get('reference') || undefined;
        return { download: agreementCsv(await classView(ctx.store, { coders, ...(reference ? { reference } : {}) })) };
      },
    },
  ];
}

async function keepAnOwner(team: TeamStore, leaving: string): Promise<void> {
  const owners = (await team.listAccounts()).filter((a) => a.role === 'owner' && a.name !== leaving);
  if (owners.length === 0) throw new HttpError(409, `"${leaving}" is the only owner: make another account owner first`);
}
