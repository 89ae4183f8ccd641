import { mergeSpan } from '../../coding/merge-span.js';
import { CODING_STATUSES, type CodingPatch, type CodingStatus, type ProjectStore, type StoredCoding } from '../../store/store.js';
import { HttpError } from '../http.js';
import { idParam, oneOf, optionalOffset, requiredOffset, requiredString } from '../input.js';
import type { Route } from '../router.js';
import { decide, isSuggestion, reviewsIntoOwnCodings } from '../review-decisions.js';
import { actingCoder, type Workbench } from '../workbench.js';
import { counted } from '../../util/plural.js';

/**
 * Coding by hand: add (a span of the same code by the same coder that overlaps merges into one),
 * change span/code/status/memo, remove, and review many suggestions at once. Each is one undo step.
 * @example new Router(codingRoutes(workbench))
 */
export function codingRoutes(wb: Workbench): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/codings',
      handler: async ({ query, actor }) => {
        const filter = {
          ...(query.getAll('document').length > 0 ? { document: query.getAll('document') } : {}),
          ...(query.getAll('coder').length > 0 ? { coder: query.getAll('coder') } : {}),
          ...(query.getAll('code').length > 0 ? { code: query.getAll('code') } : {}),
          status:
            query.getAll('status').length > 0
              ? query.getAll('status').map((s) => oneOf(s, 'status', CODING_STATUSES))
              : (['suggested', 'accepted'] as CodingStatus[]),
        };
        return wb.store.listCodings({ ...filter, viewer: actor.coder ?? actor.id });
      },
    },
    {
      method: 'POST',
      path: '/api/codings',
      handler: async ({ body, actor, req }) => {
        const input = await body();
        const coder = actingCoder(actor, req);
        const document = requiredString(input, 'document', 500);
        const code = requiredString(input, 'code', 200);
        const start = requiredOffset(input, 'start');
        const end = requiredOffset(input, 'end');
        await checkSpan(wb.store, document, start, end);
        await checkCode(wb.store, code);
        return wb.store.change(coder, `code "${code}" in ${document}`, async (tx) => {
          const same = await tx.listCodings({ document, coder, code, origin: 'manual', status: 'accepted' });
          const { merged, span } = mergeSpan(same, { start, end });
          for (const m of merged) await tx.deleteCoding(m.id);
          const memo =
            merged
              .map((m) => m.memo)
              .filter((m): m is string => !!m)
              .join('\n\n') || null;
          return tx.addCoding({ document, code, start: span.start, end: span.end, origin: 'manual', coder, status: 'accepted', memo });
        });
      },
    },
    {
      method: 'PATCH',
      path: '/api/codings/:id',
      handler: async ({ params, body, actor, req }) => {
        const id = idParam(params.id, 'coding');
        const input = await body();
        const coder = actingCoder(actor, req);
        const existing = await getCoding(wb.store, id);
        const patch: CodingPatch = {};
        const start = optionalOffset(input, 'start');
        const end = optionalOffset(input, 'end');
        if (start !== undefined) patch.start = start;
        if (end !== undefined) patch.end = end;
        if (input.code !== undefined) patch.code = await checkCode(wb.store, requiredString(input, 'code', 200));
        if (input.status !== undefined) patch.status = oneOf(input.status, 'status', CODING_STATUSES);
        if (input.memo !== undefined) {
          if (input.memo !== null && typeof input.memo !== 'string') throw new HttpError(400, '"memo" must be a string or null');
          patch.memo = input.memo === null || input.memo.trim() === '' ? null : input.memo;
        }
        if (Object.keys(patch).length === 0) throw new HttpError(400, 'nothing to change: give start, end, code, status or memo');
        if (patch.start !== undefined || patch.end !== undefined)
          await checkSpan(wb.store, existing.document, patch.start ?? existing.start, patch.end ?? existing.end);
        const decision = patch.status;
        if (decision !== undefined && Object.keys(patch).length === 1 && reviewsIntoOwnCodings(actor) && isSuggestion(existing))
          // A team coder's decision is their own copy (answered instead of the shared suggestion).
          return wb.store.change(coder, describe(existing, patch), async (tx) => (await decide(tx, existing, coder, decision)) ?? existing);
        return wb.store.change(coder, describe(existing, patch), (tx) => tx.updateCoding(id, patch));
      },
    },
    {
      method: 'DELETE',
      path: '/api/codings/:id',
      handler: async ({ params, actor, req }) => {
        const id = idParam(params.id, 'coding');
        const coder = actingCoder(actor, req);
        const existing = await getCoding(wb.store, id);
        await wb.store.change(coder, `remove "${existing.code}" in ${existing.document}`, (tx) => tx.deleteCoding(id));
        return { deleted: id };
      },
    },
    {
      method: 'POST',
      path: '/api/codings/review',
      handler: async ({ body, actor, req }) => {
        const input = await body();
        const coder = actingCoder(actor, req);
        const status = oneOf(input.status, 'status', ['accepted', 'rejected', 'suggested'] as const satisfies readonly CodingStatus[]);
        if (!Array.isArray(input.ids) || input.ids.length === 0 || input.ids.some((v) => !Number.isInteger(v) || (v as number) < 1)) {
          throw new HttpError(400, '"ids" must be a non-empty array of coding ids');
        }
        const ids = input.ids as number[];
        const codings: StoredCoding[] = [];
        for (const id of ids) codings.push(await getCoding(wb.store, id));
        const ownCopies = reviewsIntoOwnCodings(actor);
        await wb.store.change(
          coder,
          `${status === 'accepted' ? 'accept' : status === 'rejected' ? 'reject' : 'reopen'} ${counted(ids.length, 'suggestion')}`,
          async (tx) => {
            for (const c of codings) {
              if (ownCopies && isSuggestion(c)) await decide(tx, c, coder, status);
              else await tx.updateCoding(c.id, { status });
            }
          },
        );
        return { updated: ids.length, status };
      },
    },
  ];
}

async function getCoding(store: ProjectStore, id: number): Promise<StoredCoding> {
  const coding = await store.getCoding(id);
  if (!coding) throw new HttpError(404, `no coding ${id} (it may have been removed or undone)`);
  return coding;
}

async function checkSpan(store: ProjectStore, document: string, start: number, end: number): Promise<void> {
  const summary = (await store.listDocuments()).find((d) => d.id === document);
  if (!summary) throw new HttpError(404, `no document "${document}" in this project`);
  if (end <= start) throw new HttpError(400, `a coded span must not be empty: end (${end}) must be after start (${start})`);
  if (end > summary.length)
    throw new HttpError(400, `the span ends at ${end}, after the end of ${document} (${summary.length} characters)`);
}

async function checkCode(store: ProjectStore, code: string): Promise<string> {
  const codebook = await store.currentCodebook();
  if (!codebook?.codebook.codes.some((c) => c.id === code))
    throw new HttpError(400, `there is no code "${code}" in the codebook: add it first`);
  return code;
}

function describe(c: StoredCoding, patch: CodingPatch): string {
  if (patch.status === 'accepted') return `accept "${c.code}" in ${c.document}`;
  if (patch.status === 'rejected') return `reject "${c.code}" in ${c.document}`;
  if (patch.code !== undefined) return `recode "${c.code}" as "${patch.code}" in ${c.document}`;
  if (patch.memo !== undefined) return `memo on "${c.code}" in ${c.document}`;
  return `move the edges of "${c.code}" in ${c.document}`;
}
