import { roleOf } from '../../model/document.js';
import { OffsetMap } from '../../text/offsets.js';
import type { Route } from '../router.js';
import { decisionsOf, isSuggestion, reviewsIntoOwnCodings, spotKey } from '../review-decisions.js';
import { actingCoder, type Workbench } from '../workbench.js';

/**
 * The review queue: the machine's codings (suggested first come as they stand in the documents),
 * each with its turn for context; filters by code (and sub-codes), document, speaker and status.
 * @example new Router(reviewRoutes(workbench))
 */
export function reviewRoutes(wb: Workbench): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/review',
      handler: async ({ query, actor, req }) => {
        const code = query.get('code') || undefined;
        const document = query.get('document') || undefined;
        const speaker = query.get('speaker') || undefined;
        const status = query.get('status') || 'all';
        const documents = await wb.store.getDocuments(document ? [document] : undefined);
        const all = (await wb.store.listCodings({ origin: 'auto', ...(document ? { document } : {}) })).filter(isSuggestion);
        // A team coder's queue shows their own decisions (their copies), not the shared suggestion's status.
        const decisions = reviewsIntoOwnCodings(actor) ? await decisionsOf(wb.store, actingCoder(actor, req), document) : null;
        const docs = new Map(documents.map((d) => [d.id, { doc: d, offsets: new OffsetMap(d.text) }]));
        const order = new Map(documents.map((d, i) => [d.id, i]));
        const items = [];
        let total = 0;
        let reviewed = 0;
        for (const suggestion of all.sort(
          (a, b) => (order.get(a.document) ?? 0) - (order.get(b.document) ?? 0) || a.start - b.start || a.id - b.id,
        )) {
          const c = decisions ? { ...suggestion, status: decisions.get(spotKey(suggestion))?.status ?? 'suggested' } : suggestion;
          const entry = docs.get(c.document);
          if (!entry || (code && c.code !== code && !c.code.startsWith(`${code}/`))) continue;
          const from = entry.offsets.toUtf16(c.start);
          const index = entry.doc.turns.findIndex((t) => t.end > from);
          const turn = entry.doc.turns[index === -1 ? entry.doc.turns.length - 1 : index];
          if (!turn || (speaker && turn.speaker !== speaker)) continue;
          total++;
          if (c.status !== 'suggested') reviewed++;
          if (status !== 'all' && c.status !== status) continue;
          items.push({
            coding: c,
            turn: {
              index: index + 1,
              speaker: turn.speaker,
              role: roleOf(entry.doc, turn.speaker) ?? null,
              timestamp: turn.timestamp ?? null,
              start: entry.offsets.toCodePoint(turn.start),
              end: entry.offsets.toCodePoint(turn.end),
              text: entry.doc.text.slice(turn.start, turn.end),
            },
          });
        }
        return { total, reviewed, items };
      },
    },
  ];
}
