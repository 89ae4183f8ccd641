import { addCode, mergeCode, moveCode, updateCode, type CodePatch } from '../../codebook/edit.js';
import { codebookToYaml } from '../../codebook/to-yaml.js';
import { codebookToQdc } from '../../refi/write-qdc.js';
import type { Codebook } from '../../model/codebook.js';
import type { ProjectStore, ProjectWriter } from '../../store/store.js';
import { HttpError } from '../http.js';
import { optionalString, requiredString, stringArray } from '../input.js';
import type { Route } from '../router.js';
import { actingCoder, type Workbench } from '../workbench.js';

/**
 * The codebook panel: the tree with counts by coder, and edits that each save a new codebook
 * version (renames, moves and merges carry the codings along, in the same undo step).
 * @example new Router(codebookRoutes(workbench))
 */
export function codebookRoutes(wb: Workbench): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/codebook',
      handler: async ({ actor }) => {
        const [current, codings] = await Promise.all([
          wb.store.currentCodebook(),
          wb.store.listCodings({ status: ['suggested', 'accepted'], viewer: actor.coder ?? actor.id }),
        ]);
        const counts: Record<string, Record<string, number>> = {};
        const suggested: Record<string, number> = {};
        for (const c of codings) {
          if (c.status === 'suggested') suggested[c.code] = (suggested[c.code] ?? 0) + 1;
          else (counts[c.code] ??= {})[c.coder] = (counts[c.code]?.[c.coder] ?? 0) + 1;
        }
        if (!current) return { version: 0, language: 'en', codes: [], counts, suggested };
        return {
          version: current.version,
          name: current.codebook.name ?? null,
          language: current.codebook.language,
          codes: current.codebook.codes,
          counts,
          suggested,
        };
      },
    },
    {
      method: 'GET',
      path: '/api/codebook/export',
      handler: async ({ query }) => {
        const format = query.get('format');
        if (format !== 'yaml' && format !== 'qdc') throw new HttpError(400, '"format" must be yaml or qdc');
        const current = await wb.store.currentCodebook();
        if (!current) throw new HttpError(409, 'this project has no codebook yet');
        const name = `codebook-v${current.version}.${format}`;
        return format === 'yaml'
          ? { download: { name, type: 'application/yaml; charset=utf-8', body: codebookToYaml(current.codebook) } }
          : { download: { name, type: 'application/xml; charset=utf-8', body: codebookToQdc(current.codebook) } };
      },
    },
    {
      method: 'POST',
      path: '/api/codebook/codes',
      handler: async ({ body, actor, req }) => {
        const input = await body();
        const id = requiredString(input, 'id', 200);
        const patch = codePatch(input);
        const codebook = await edit(wb.store, actingCoder(actor, req), `add code "${id}"`, (cb) => ({ codebook: addCode(cb, id, patch) }));
        return codebook.codes.find((c) => c.id === id);
      },
    },
    {
      method: 'PATCH',
      path: '/api/codebook/codes/:id',
      handler: async ({ params, body, actor, req }) => {
        const input = await body();
        const patch = codePatch(input);
        const newId = optionalString(input, 'newId', 200)?.trim();
        const label = newId && newId !== params.id ? `move "${params.id}" to "${newId}"` : `edit code "${params.id}"`;
        const codebook = await edit(wb.store, actingCoder(actor, req), label, (cb) => {
          const edited = Object.keys(patch).length > 0 ? updateCode(cb, params.id, patch) : cb;
          return newId ? moveCode(edited, params.id, newId) : { codebook: edited };
        });
        return codebook.codes.find((c) => c.id === (newId || params.id));
      },
    },
    {
      method: 'POST',
      path: '/api/codebook/merge',
      handler: async ({ body, actor, req }) => {
        const input = await body();
        const from = requiredString(input, 'from', 200);
        const into = requiredString(input, 'into', 200);
        await edit(wb.store, actingCoder(actor, req), `merge "${from}" into "${into}"`, (cb) => mergeCode(cb, from, into));
        return { merged: from, into };
      },
    },
  ];
}

/** One codebook edit as one change: a new version, and the codings of renamed codes renamed with it. */
async function edit(
  store: ProjectStore,
  coder: string,
  label: string,
  fn: (cb: Codebook) => { codebook: Codebook; renamed?: Map<string, string> },
): Promise<Codebook> {
  return store.change(coder, label, async (tx: ProjectWriter) => {
    const current = await tx.currentCodebook();
    if (!current) throw new HttpError(409, 'this project has no codebook yet: add one with `qda project create --codebook`');
    const { codebook, renamed } = fn(current.codebook);
    if (renamed && renamed.size > 0) {
      const codings = await tx.listCodings({ code: [...renamed.keys()] });
      for (const c of codings) await tx.updateCoding(c.id, { code: renamed.get(c.code)! });
    }
    await tx.saveCodebook(codebook, label);
    return codebook;
  });
}

function codePatch(input: Record<string, unknown>): CodePatch {
  const patch: CodePatch = {};
  for (const field of ['definition', 'include', 'exclude', 'color'] as const) {
    const value = optionalString(input, field, 20_000);
    if (value !== undefined) patch[field] = value;
  }
  if (patch.color !== undefined && patch.color !== '' && !/^#[0-9a-f]{6}$/i.test(patch.color))
    throw new HttpError(400, '"color" must look like #1f77b4');
  if (input.examples !== undefined) patch.examples = stringArray(input, 'examples', 200);
  if (input.labels !== undefined) {
    const labels = input.labels;
    if (
      typeof labels !== 'object' ||
      labels === null ||
      Array.isArray(labels) ||
      Object.values(labels).some((v) => typeof v !== 'string' || v.trim() === '')
    ) {
      throw new HttpError(400, '"labels" must map language codes to non-empty names, e.g. {"en": "disclosure", "id": "pengungkapan"}');
    }
    patch.labels = labels as Record<string, string>;
  }
  return patch;
}
