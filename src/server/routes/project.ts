import type { Route } from '../router.js';
import { HttpError } from '../http.js';
import { optionalString, requiredString } from '../input.js';
import { actingCoder, type Workbench } from '../workbench.js';

/**
 * The project at a glance, coders, and undo/redo (the store's event log makes them survive a reload).
 * @example new Router(projectRoutes(workbench))
 */
export function projectRoutes(wb: Workbench): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/project',
      handler: async ({ actor }) => {
        const [info, coders, codebook] = await Promise.all([wb.store.info(), wb.store.listCoders(), wb.store.currentCodebook()]);
        return {
          name: wb.name,
          readOnly: wb.store.readOnly,
          actor: { name: actor.name, coder: actor.coder ?? null },
          documents: info.documents,
          codings: info.codings,
          memos: info.memos,
          events: info.events,
          codebook: codebook
            ? { version: codebook.version, name: codebook.codebook.name ?? null, language: codebook.codebook.language }
            : null,
          coders: coders.map((c) => ({ name: c.name, color: c.color })),
        };
      },
    },
    {
      method: 'POST',
      path: '/api/coders',
      handler: async ({ body, actor, req }) => {
        const input = await body();
        const name = requiredString(input, 'name', 80);
        const color = optionalString(input, 'color', 20);
        if (color !== undefined && !/^#[0-9a-f]{6}$/i.test(color)) throw new HttpError(400, '"color" must look like #1f77b4');
        if (actor.coder && actor.coder !== name) throw new HttpError(403, 'you can only add yourself as a coder');
        const by = actor.coder ?? (req.headers['x-qda-coder'] ? actingCoder(actor, req) : name);
        const coder = await wb.store.change(by, `add coder "${name}"`, (tx) => tx.setCoder(name, color ?? null));
        return { name: coder.name, color: coder.color };
      },
    },
    {
      method: 'GET',
      path: '/api/history',
      handler: async ({ actor, req }) => {
        const coder = actingCoder(actor, req);
        const [state, changes] = await Promise.all([wb.store.undoState(coder), wb.store.listChanges({ actor: coder })]);
        return { undo: state.undo, redo: state.redo, changes: changes.slice(-50).reverse() };
      },
    },
    {
      method: 'POST',
      path: '/api/undo',
      handler: async ({ actor, req }) => {
        const change = await wb.store.undo(actingCoder(actor, req));
        if (!change) throw new HttpError(409, 'nothing to undo');
        return { change };
      },
    },
    {
      method: 'POST',
      path: '/api/redo',
      handler: async ({ actor, req }) => {
        const change = await wb.store.redo(actingCoder(actor, req));
        if (!change) throw new HttpError(409, 'nothing to redo');
        return { change };
      },
    },
  ];
}
