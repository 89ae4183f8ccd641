import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The cookie that carries the session token after the first visit. Cookies are shared by every
 * port of a host, so the name carries the port: two workbenches side by side keep their own.
 */
export function sessionCookie(port: number): string {
  return `qda_session_${port}`;
}

/** The header every write must carry: a cross-site form cannot set it, and no CORS answer lets a script. */
export const WRITE_HEADER = 'x-qda-request';

/**
 * The Content-Security-Policy of every response: scripts, styles and fonts from this server only,
 * no inline script, no framing, nothing from the network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** A fresh random session token (256 bits, URL-safe). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** True when two tokens are equal, compared in constant time. */
export function sameToken(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** True for host names that mean this machine only. */
export function isLoopbackHost(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1' || host === '[::1]';
}

/**
 * The Host header values this server answers to (against DNS rebinding): the loopback names with
 * the port it listens on.
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/** The values of a request's cookies whose names start with `prefix`. */
export function cookies(req: IncomingMessage, prefix: string): string[] {
  const header = req.headers.cookie;
  if (!header) return [];
  const out: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim().startsWith(prefix)) out.push(part.slice(eq + 1).trim());
  }
  return out;
}

/** Set the headers every response carries. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  res.setHeader('Cache-Control', 'no-store');
}

/** Why a request is refused before it reaches a route, or undefined when it may go on. */
export function refusal(req: IncomingMessage, hosts: ReadonlySet<string>): { status: number; reason: string } | undefined {
  const host = req.headers.host;
  if (!host || !hosts.has(host.toLowerCase()))
    return { status: 421, reason: `this server answers only to ${[...hosts][0]} (Host header was ${host ?? 'missing'})` };
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null' && !hosts.has(originHost(origin)))
    return { status: 403, reason: 'requests from another origin are refused' };
  const method = req.method ?? 'GET';
  const writes = !['GET', 'HEAD'].includes(method);
  if (writes && req.headers[WRITE_HEADER] !== '1') return { status: 403, reason: `writes need the header ${WRITE_HEADER}: 1` };
  if (writes && req.headers['sec-fetch-site'] !== undefined && !['same-origin', 'none'].includes(String(req.headers['sec-fetch-site']))) {
    return { status: 403, reason: 'cross-site writes are refused' };
  }
  return undefined;
}

function originHost(origin: string): string {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return '';
  }
}
