import { seededRandom } from '../analysis/agreement/random.js';
import type { Example } from './dataset.js';
import { shuffleInPlace } from './shuffle.js';

/** How units were grouped into folds: whole documents, or blocks of consecutive units. */
export type FoldGrouping = 'document' | 'block';

/** Folds of example indices, and how they were formed. */
export interface Folds {
  folds: number[][];
  grouping: FoldGrouping;
}

/**
 * Split the labelled examples into `k` folds that keep a document together — or, when fewer
 * than `k` documents are labelled, keep blocks of `blockSize` consecutive units together, so
 * neighbouring turns on one topic do not sit on both sides. Groups are shuffled with the seed
 * and dealt to the fold with the fewest examples so far.
 * @example kFolds(examples, labelled, { k: 5, seed: 1 }).folds.length // 5
 */
export function kFolds(
  examples: readonly Example[],
  labelled: readonly number[],
  options: { k: number; seed: number; blockSize?: number },
): Folds {
  const blockSize = options.blockSize ?? 10;
  const documents = [...new Set(labelled.map((i) => examples[i].unit.document))];
  const grouping: FoldGrouping = documents.length >= options.k ? 'document' : 'block';
  const groups = new Map<string, number[]>();
  const seen = new Map<string, number>();
  for (const i of labelled) {
    const doc = examples[i].unit.document;
    const position = seen.get(doc) ?? 0;
    seen.set(doc, position + 1);
    const key = grouping === 'document' ? doc : `${doc}\u0000${Math.floor(position / blockSize)}`;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  }
  const ordered = [...groups.values()];
  shuffleInPlace(ordered, seededRandom(options.seed));
  const folds: number[][] = Array.from({ length: options.k }, () => []);
  for (const group of ordered) {
    const smallest = folds.reduce((best, f, i) => (f.length < folds[best].length ? i : best), 0);
    folds[smallest].push(...group);
  }
  for (const f of folds) f.sort((a, b) => a - b);
  return { folds, grouping };
}
