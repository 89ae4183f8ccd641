import { retrieve, type RetrievalQuery } from '../../analysis/retrieve.js';
import { toCsv } from '../../report/csv.js';
import { quotesToMarkdown } from '../../report/markdown.js';
import { quoteTable } from '../../report/tables.js';
import { OffsetMap } from '../../text/offsets.js';
import { codedProject } from '../coded-project.js';
import { HttpError } from '../http.js';
import type { Route, RouteContext } from '../router.js';
import type { Workbench } from '../workbench.js';

/**
 * Retrieval: the coded passages of a code (or of two codes in one segment, or within documents
 * of an attribute value), as JSON, CSV or Markdown quotes with `(Name, Year)` citations.
 * @example new Router(retrievalRoutes(workbench))
 */
export function retrievalRoutes(wb: Workbench): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/retrieve',
      handler: async (ctx) => {
        const { quotes, documents } = await run(wb, ctx);
        const offsets = new Map(documents.map((d) => [d.id, new OffsetMap(d.text)]));
        // Offsets out are code points, as everywhere in the API.
        return quotes.map((q) => ({
          ...q,
          start: offsets.get(q.document)!.toCodePoint(q.start),
          end: offsets.get(q.document)!.toCodePoint(q.end),
        }));
      },
    },
    {
      method: 'GET',
      path: '/api/retrieve/export',
      handler: async (ctx) => {
        const format = ctx.query.get('format');
        if (format !== 'csv' && format !== 'md') throw new HttpError(400, '"format" must be csv or md');
        const { quotes, query } = await run(wb, ctx);
        const name = `${[query.code, query.and].filter(Boolean).join('+').replace(/\//g, '-')}-quotes.${format}`;
        return format === 'csv'
          ? { download: { name, type: 'text/csv; charset=utf-8', body: toCsv(quoteTable(quotes)) } }
          : {
              download: {
                name,
                type: 'text/markdown; charset=utf-8',
                body: `# ${query.code}${query.and ? ` + ${query.and}` : ''}\n\n${quotesToMarkdown(quotes)}`,
              },
            };
      },
    },
  ];
}

async function run(wb: Workbench, { query: params, actor }: RouteContext) {
  const code = params.get('code');
  if (!code) throw new HttpError(400, '"code" is required: the code whose passages to list');
  const query: RetrievalQuery = { code };
  const and = params.get('and');
  if (and) query.and = and;
  const attribute = params.get('attribute');
  if (attribute) query.attribute = { name: attribute, value: params.get('value') ?? '' };
  const language = params.get('language');
  if (language) query.language = language;
  const coder = params.getAll('coder').filter(Boolean);
  const current = await wb.store.currentCodebook();
  if (!current) throw new HttpError(409, 'this project has no codebook yet');
  for (const id of [code, and])
    if (id && !current.codebook.codes.some((c) => c.id === id)) throw new HttpError(400, `there is no code "${id}" in the codebook`);
  const coded = await codedProject(wb.store, { ...(coder.length > 0 ? { coder } : {}), viewer: actor.coder ?? actor.id });
  return { quotes: retrieve(coded, current.codebook, query), documents: coded.documents, query };
}
