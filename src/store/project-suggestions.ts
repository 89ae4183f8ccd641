import { buildDataset, type CodingDecision, type Dataset } from '../learn/dataset.js';
import { trainSuggester, type TrainOptions } from '../learn/model.js';
import { suggestCodings } from '../learn/suggest.js';
import type { LearningUnit } from '../learn/units.js';
import type { Document } from '../model/document.js';
import { OffsetMap } from '../text/offsets.js';
import { AUTO_CODER, type NewCoding, type ProjectReader, type ProjectStore, type StoredCoding } from './store.js';

/** Options of `projectDataset` and `suggestProject`. */
export interface ProjectLearnOptions {
  /** Learn from (and suggest for) this coder; needed when people other than `auto` coded. */
  coder?: string;
  unit?: LearningUnit;
  language?: string;
}

/**
 * The decisions a project records: people's codings (manual, imported) and accepted
 * suggestions are `applied`, rejected codings of any origin `rejected`; unreviewed suggestions
 * say nothing. Offsets become UTF-16 for the learner.
 * @example projectDecisions(await store.listCodings(), await store.getDocuments())
 */
export function projectDecisions(codings: readonly StoredCoding[], documents: readonly Document[]): CodingDecision[] {
  const maps = new Map(documents.map((d) => [d.id, new OffsetMap(d.text)]));
  const out: CodingDecision[] = [];
  for (const c of codings) {
    const map = maps.get(c.document);
    if (!map) continue;
    const person = c.origin === 'manual' || c.origin === 'import';
    const verdict = c.status === 'rejected' ? 'rejected' : person || c.status === 'accepted' ? 'applied' : null;
    if (verdict === null) continue;
    out.push({ document: c.document, code: c.code, start: map.toUtf16(c.start), end: map.toUtf16(c.end), coder: c.coder, verdict });
  }
  return out;
}

/**
 * Whether a stored coding counts in reports and exports: not rejected, and — for learned
 * suggestions — accepted by the coder (an unreviewed suggestion is nobody's coding yet).
 * @example (await store.listCodings()).filter(counts)
 */
export function counts(c: StoredCoding): boolean {
  return c.status !== 'rejected' && !(c.origin === 'learned' && c.status === 'suggested');
}

/** The people who coded in a project (every coder of a manual or imported coding), sorted. */
export function projectCoders(codings: readonly StoredCoding[]): string[] {
  return [...new Set(codings.filter((c) => c.origin === 'manual' || c.origin === 'import').map((c) => c.coder))]
    .filter((c) => c !== AUTO_CODER)
    .sort();
}

/**
 * A project's documents, cut into learning units with features (rules of its current codebook
 * included) and labelled with one coder's decisions. Throws a TypeError naming the coders when
 * `coder` is missing and several people coded, or names nobody who did.
 * @example const { dataset, coder } = await projectDataset(store, { coder: 'ana' })
 */
export async function projectDataset(
  store: ProjectReader,
  options: ProjectLearnOptions = {},
): Promise<{ dataset: Dataset; coder: string; documents: Document[] }> {
  const documents = await store.getDocuments();
  const codings = await store.listCodings();
  const coders = projectCoders(codings);
  const coder = options.coder ?? (coders.length === 1 ? coders[0] : undefined);
  if (coder === undefined) {
    throw new TypeError(
      coders.length === 0
        ? 'projectDataset: the project has no codings made by people to learn from'
        : `projectDataset: option coder is needed: the project has codings of ${coders.join(', ')}`,
    );
  }
  if (!coders.includes(coder))
    throw new TypeError(
      `projectDataset: option coder must name someone who coded in the project (${coders.join(', ') || 'nobody has'}); got "${coder}"`,
    );
  const codebook = (await store.currentCodebook())?.codebook ?? null;
  const dataset = buildDataset({ documents }, projectDecisions(codings, documents), {
    coder,
    codebook,
    ...(options.unit !== undefined ? { unit: options.unit } : {}),
    ...(options.language !== undefined ? { language: options.language } : {}),
  });
  return { dataset, coder, documents };
}

/** What `suggestProject` did. */
export interface SuggestProjectResult {
  coder: string;
  /** Codes that got a model (enough coded units). */
  models: number;
  /** The coder's unreviewed learned suggestions of the previous run, removed. */
  removed: number;
  added: number;
}

/**
 * Train on one coder's decisions in a project and write the suggestions into it, in one change:
 * the coder's unreviewed learned suggestions are replaced by new ones (origin `learned`, status
 * `suggested`, with score and explanation); accepted and rejected ones stay and teach the model.
 * @example await suggestProject(store, 'ana', { coder: 'ana', minScore: 0.5 })
 */
export async function suggestProject(
  store: ProjectStore,
  actor: string,
  options: ProjectLearnOptions & TrainOptions & { minScore?: number } = {},
): Promise<SuggestProjectResult> {
  const { dataset, coder, documents } = await projectDataset(store, options);
  const train: TrainOptions = {};
  for (const key of ['l2', 'minExamples', 'minFeatureCount', 'positiveWeight', 'seed'] as const)
    if (options[key] !== undefined) train[key] = options[key];
  const suggester = trainSuggester(dataset, train);
  const suggestions = suggestCodings(dataset, suggester, options.minScore !== undefined ? { minScore: options.minScore } : {});
  const maps = new Map(documents.map((d) => [d.id, new OffsetMap(d.text)]));
  const rows: NewCoding[] = suggestions.map((s) => {
    const map = maps.get(s.document)!;
    return {
      document: s.document,
      start: map.toCodePoint(s.start),
      end: map.toCodePoint(s.end),
      code: s.code,
      coder,
      origin: 'learned',
      status: 'suggested',
      score: s.score,
      explanation: s.because.map((r) => ({ feature: r.feature, label: r.label, weight: r.weight })),
    };
  });
  return store.change(actor, `learned suggestions for ${coder}`, async (tx) => {
    const removed = await tx.deleteCodings({ origin: 'learned', status: 'suggested', coder });
    const added = await tx.addCodings(rows);
    return { coder, models: suggester.models.length, removed, added };
  });
}
