import type { MemoTarget } from '../../store/store.js';
import { QdaError } from '../../model/message.js';
import { HttpError } from '../http.js';
import { idParam, oneOf, requiredString } from '../input.js';
import type { Route } from '../router.js';
import { actingCoder, type Workbench } from '../workbench.js';

/**
 * Memos on the project, a document or a code (a coding's memo is a field of the coding: PATCH it).
 * @example new Router(memoRoutes(workbench))
 */
export function memoRoutes(wb: Workbench): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/memos',
      handler: async ({ query }) => {
        const kind = query.get('kind');
        return wb.store.listMemos(kind === null ? undefined : target(kind, query.get('id')));
      },
    },
    {
      method: 'POST',
      path: '/api/memos',
      handler: async ({ body, actor, req }) => {
        const input = await body();
        const about = target(input.kind, typeof input.id === 'string' ? input.id : null);
        const text = requiredString(input, 'text', 100_000);
        return wb.store.change(actingCoder(actor, req), `memo on ${about.kind}`, (tx) => tx.addMemo(about, text));
      },
    },
    {
      method: 'PATCH',
      path: '/api/memos/:id',
      handler: async ({ params, body, actor, req }) => {
        const id = idParam(params.id, 'memo');
        const text = requiredString(await body(), 'text', 100_000);
        return wb.store.change(actingCoder(actor, req), 'edit memo', (tx) => tx.updateMemo(id, text)).catch(noMemo(id));
      },
    },
    {
      method: 'DELETE',
      path: '/api/memos/:id',
      handler: async ({ params, actor, req }) => {
        const id = idParam(params.id, 'memo');
        await wb.store.change(actingCoder(actor, req), 'delete memo', (tx) => tx.deleteMemo(id)).catch(noMemo(id));
        return { deleted: id };
      },
    },
  ];
}

/**
 * A store's "memo N does not exist" as a 404. The write is tried rather than the memo looked up
 * first: in team mode a blind coder's list leaves out another coder's memo, and the team store
 * refuses the write with 403, as it does for another coder's coding.
 */
function noMemo(id: number): (error: unknown) => never {
  return (error) => {
    if (error instanceof QdaError && error.messages.some((m) => m.ruleId === 'no-such-memo')) throw new HttpError(404, `no memo ${id}`);
    throw error;
  };
}

function target(kind: unknown, id: string | null): MemoTarget {
  const k = oneOf(kind, 'kind', ['project', 'document', 'code'] as const);
  if (k === 'project') return { kind: 'project' };
  if (id === null || id.trim() === '') throw new HttpError(400, `a memo on a ${k} needs the ${k}'s "id"`);
  return k === 'document' ? { kind: 'document', document: id } : { kind: 'code', code: id };
}
