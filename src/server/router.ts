import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Actor } from './auth.js';
import type { Download } from './http.js';

/** What a route handler gets. */
export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  /** Values of `:name` parts of the path, decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  actor: Actor;
  /** The JSON body of a write (an object). */
  body(): Promise<Record<string, unknown>>;
}

/** A handler's answer: JSON, or a file to download. */
export type RouteResult = unknown | { download: Download };

/** One route of the API. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path with `:name` parameters, e.g. `/api/documents/:id`. */
  path: string;
  handler(ctx: RouteContext): Promise<RouteResult> | RouteResult;
}

interface CompiledRoute extends Route {
  pattern: RegExp;
  names: string[];
}

/** A route table matched in order. */
export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.routes = routes.map((r) => {
      const names: string[] = [];
      const source = r.path
        .split('/')
        .map((part) => {
          if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(part.slice(1));
          return '([^/]+)';
        })
        .join('/');
      return { ...r, pattern: new RegExp(`^${source}$`), names };
    });
  }

  /** The route for a method and path with its parameters; `allowed` lists methods when only the path matched. */
  match(method: string, path: string): { route: CompiledRoute; params: Record<string, string> } | { allowed: string[] } | undefined {
    const allowed: string[] = [];
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1])));
      return { route, params };
    }
    return allowed.length > 0 ? { allowed } : undefined;
  }
}
