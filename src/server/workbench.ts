import type { IncomingMessage } from 'node:http';
import type { ProjectStore } from '../store/store.js';
import type { Actor } from './auth.js';
import { HttpError } from './http.js';

/** What the routes share: the open project. */
export interface Workbench {
  store: ProjectStore;
  /** Shown in the title bar: the project file's name. */
  name: string;
}

/** The header that names the coder at the keyboard (single-user mode lets them choose). */
export const CODER_HEADER = 'x-qda-coder';

/**
 * The coder a request acts as: the actor's own coder when authentication fixes one (team mode),
 * else the coder named in the `X-QDA-Coder` header.
 */
export function actingCoder(actor: Actor, req: IncomingMessage): string {
  if (actor.coder) return actor.coder;
  const raw = req.headers[CODER_HEADER];
  const name = typeof raw === 'string' ? decodeURIComponent(raw).trim() : '';
  if (name === '') throw new HttpError(400, `say who is coding: send the coder's name in the ${CODER_HEADER} header`);
  if (name.length > 80 || /[\u0000-\u001f]/.test(name))
    throw new HttpError(400, 'a coder name is at most 80 characters, without control characters');
  return name;
}
