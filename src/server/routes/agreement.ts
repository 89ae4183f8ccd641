import { codingAgreement } from '../../analysis/agreement/coding-agreement.js';
import { segmentUnits, type CodingForAgreement } from '../../analysis/agreement/coding-units.js';
import { agreementToJson } from '../../report/agreement-table.js';
import { toCsv } from '../../report/csv.js';
import { segmentCodings } from '../../store/project-codings.js';
import { HttpError } from '../http.js';
import { optionalOffset, optionalString, requiredString } from '../input.js';
import type { Route } from '../router.js';
import { actingCoder, type Workbench } from '../workbench.js';

/**
 * Agreement between two coders (segment units: the figures of `qda agree`), their codings as
 * the CSV `qda agree` reads, and adopting one coder's version into a consensus coder.
 * @example new Router(agreementRoutes(workbench))
 */
export function agreementRoutes(wb: Workbench): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/agreement',
      handler: async ({ query, actor }) => {
        const coders = twoCoders(query);
        const codings = await agreementCodings(wb, coders, actor.coder ?? actor.id);
        const known = new Set(codings.map((c) => c.coder));
        for (const c of coders) if (!known.has(c)) throw new HttpError(400, `coder "${c}" has no codings to compare`);
        return agreementToJson(codingAgreement(segmentUnits(codings, { coders })));
      },
    },
    {
      method: 'GET',
      path: '/api/agreement/codings',
      handler: async ({ query, actor }) => {
        const coders = twoCoders(query);
        const codings = await agreementCodings(wb, coders, actor.coder ?? actor.id);
        const table = {
          columns: ['document', 'segment', 'code', 'start', 'end', 'coder', 'text'],
          rows: codings.map((c) => [c.document, c.segment, c.code, c.span?.start ?? null, c.span?.end ?? null, c.coder, c.text ?? '']),
        };
        return { download: { name: `${coders.join('-vs-')}-codings.csv`, type: 'text/csv; charset=utf-8', body: toCsv(table) } };
      },
    },
    {
      method: 'POST',
      path: '/api/agreement/adopt',
      handler: async ({ body, actor, req }) => {
        const input = await body();
        const from = requiredString(input, 'from', 80);
        const into = optionalString(input, 'into', 80)?.trim() || 'consensus';
        const document = requiredString(input, 'document', 500);
        const code = optionalString(input, 'code', 200);
        const start = optionalOffset(input, 'start');
        const end = optionalOffset(input, 'end');
        if (into === from) throw new HttpError(400, '"into" must be another coder than "from"');
        const inScope = (c: { start: number; end: number }) =>
          (start === undefined || c.end > start) && (end === undefined || c.start < end);
        const filter = { document, status: 'accepted' as const, ...(code ? { code } : {}) };
        return wb.store.change(actingCoder(actor, req), `adopt ${from}'s coding into ${into} in ${document}`, async (tx) => {
          if (!(await tx.listCoders()).some((c) => c.name === into)) await tx.setCoder(into, null);
          const theirs = (await tx.listCodings({ ...filter, coder: from })).filter(inScope);
          const replaced = (await tx.listCodings({ ...filter, coder: into })).filter(inScope);
          for (const c of replaced) await tx.deleteCoding(c.id);
          for (const c of theirs)
            await tx.addCoding({
              document: c.document,
              start: c.start,
              end: c.end,
              code: c.code,
              origin: 'manual',
              coder: into,
              status: 'accepted',
              memo: c.memo,
            });
          return { adopted: theirs.length, replaced: replaced.length, into };
        });
      },
    },
  ];
}

function twoCoders(query: URLSearchParams): [string, string] {
  const a = query.get('a');
  const b = query.get('b');
  if (!a || !b) throw new HttpError(400, 'give two coders: ?a=<coder>&b=<coder>');
  if (a === b) throw new HttpError(400, 'pick two different coders');
  return [a, b];
}

/** The two coders' accepted codings as the coding-table rows `qda agree` reads (see `segmentCodings`), coder a first. */
async function agreementCodings(wb: Workbench, coders: [string, string], viewer: string): Promise<CodingForAgreement[]> {
  const [documents, stored] = await Promise.all([
    wb.store.getDocuments(),
    wb.store.listCodings({ coder: coders, status: 'accepted', viewer }),
  ]);
  const rows = segmentCodings(stored, documents, wb.store.location);
  return coders.flatMap((coder) => rows.filter((r) => r.coder === coder));
}
