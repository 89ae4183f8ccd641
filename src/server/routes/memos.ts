import type { MemoTarget } from '../../store/store.js';
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
        await known(wb, id);
        return wb.store.change(actingCoder(actor, req), 'edit memo', (tx) => tx.updateMemo(id, text));
      },
    },
    {
      method: 'DELETE',
      path: '/api/memos/:id',
      handler: async ({ params, actor, req }) => {
        const id = idParam(params.id, 'memo');
        await known(wb, id);
        await wb.store.change(actingCoder(actor, req), 'delete memo', (tx) => tx.deleteMemo(id));
        return { deleted: id };
      },
    },
  ];
}

async function known(wb: Workbench, id: number): Promise<void> {
  if (!(await wb.store.listMemos()).some((m) => m.id === id)) throw new HttpError(404, `no memo ${id}`);
}

function target(kind: unknown, id: string | null): MemoTarget {
  const k = oneOf(kind, 'kind', ['project', 'document', 'code'] as const);
  if (k === 'project') return { kind: 'project' };
  if (id === null || id.trim() === '') throw new HttpError(400, `a memo on a ${k} needs the ${k}'s "id"`);
  return k === 'document' ? { kind: 'document', document: id } : { kind: 'code', code: id };
}
