import type { Route } from '../router.js';
import { HttpError } from '../http.js';
import { OffsetMap } from '../../text/offsets.js';
import { roleOf } from '../../model/document.js';
import type { StoredCoding } from '../../store/store.js';
import { decisionsOf, isSuggestion, reviewsIntoOwnCodings, spotKey } from '../review-decisions.js';
import { actingCoder, type Workbench } from '../workbench.js';

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/**
 * The documents list and one document with its turns and codings (offsets in code points).
 * @example new Router(documentRoutes(workbench))
 */
export function documentRoutes(wb: Workbench): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/documents',
      handler: async ({ actor, req }) => {
        const [documents, codings, decisions] = await Promise.all([
          wb.store.getDocuments(),
          wb.store.listCodings({ viewer: actor.coder ?? actor.id }),
          reviewsIntoOwnCodings(actor) ? decisionsOf(wb.store, actingCoder(actor, req)) : null,
        ]);
        return documents.map((doc) => {
          const mine = codings.filter((c) => c.document === doc.id && c.status !== 'rejected');
          const byCoder: Record<string, number> = {};
          for (const c of mine) byCoder[c.coder] = (byCoder[c.coder] ?? 0) + 1;
          const machine = codings.filter((c) => c.document === doc.id && isSuggestion(c));
          const decided = (c: StoredCoding) => (decisions ? decisions.has(spotKey(c)) : c.status !== 'suggested');
          return {
            id: doc.id,
            file: doc.file,
            attributes: doc.attributes,
            turns: doc.turns.length,
            words: doc.text.match(WORD)?.length ?? 0,
            codings: mine.length,
            byCoder,
            suggestions: machine.length,
            reviewed: machine.filter(decided).length,
          };
        });
      },
    },
    {
      method: 'GET',
      path: '/api/documents/:id',
      handler: async ({ params, actor, req }) => {
        const doc = await wb.store.getDocument(params.id);
        if (!doc) throw new HttpError(404, `no document "${params.id}" in this project`);
        const offsets = new OffsetMap(doc.text);
        const listed = await wb.store.listCodings({
          document: doc.id,
          status: ['suggested', 'accepted'],
          viewer: actor.coder ?? actor.id,
        });
        // A team coder's decided suggestions show as their own copies only.
        const decisions = reviewsIntoOwnCodings(actor) ? await decisionsOf(wb.store, actingCoder(actor, req), doc.id) : null;
        const codings = decisions ? listed.filter((c) => !(isSuggestion(c) && decisions.has(spotKey(c)))) : listed;
        return {
          id: doc.id,
          file: doc.file,
          language: doc.language ?? null,
          attributes: doc.attributes,
          participants: doc.participants,
          text: doc.text,
          turns: doc.turns.map((t, i) => ({
            index: i + 1,
            speaker: t.speaker,
            role: roleOf(doc, t.speaker) ?? null,
            timestamp: t.timestamp ?? null,
            start: offsets.toCodePoint(t.start),
            end: offsets.toCodePoint(t.end),
          })),
          codings,
        };
      },
    },
  ];
}
