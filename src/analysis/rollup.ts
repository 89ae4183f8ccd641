import { ancestors, type Codebook } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { Document } from '../model/document.js';
import type { Segment } from '../model/segment.js';
import { checkInteger } from '../util/options.js';

/** What every analysis reads: the documents, their segments and the codings of those segments. */
export interface CodedCorpus {
  documents: readonly Document[];
  segments: readonly Segment[];
  codings: readonly Coding[];
}

/** The codes of each segment (keyed by `segmentKey`), ancestors included. */
export type RolledUp = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * The key of a segment in roll-up maps: its document id and its 1-based index.
 * @example segmentKey('informan-01', 3) // 'informan-01\u00003'
 */
export function segmentKey(document: string, segment: number): string {
  return `${document}\u0000${segment}`;
}

/**
 * The set of codes of every coded segment, with each code's ancestors implied: a parent counts
 * a segment once when it or any of its descendants codes it, however many codings there are.
 * @example rollUp([{ document: 'a', segment: 1, code: 'factor/attachment', … }]).get(segmentKey('a', 1)) // Set {'factor/attachment', 'factor'}
 */
export function rollUp(codings: readonly Coding[]): RolledUp {
  const out = new Map<string, Set<string>>();
  for (const c of codings) {
    const key = segmentKey(c.document, c.segment);
    let codes = out.get(key);
    if (!codes) {
      codes = new Set();
      out.set(key, codes);
    }
    if (codes.has(c.code)) continue;
    codes.add(c.code);
    for (const a of ancestors(c.code)) codes.add(a);
  }
  return out;
}

/**
 * Depth of a code in its tree: 1 for a top-level code, 2 for its children, and so on.
 * @example depthOf('stage/assessment') // 2
 */
export function depthOf(code: string): number {
  return ancestors(code).length + 1;
}

/**
 * The codes of a codebook at one depth of the tree, or all of them when `level` is undefined,
 * in codebook order.
 * @example codesAtLevel(codebook, 2).map((c) => c.id) // ['factor/proximity', 'factor/attachment', …]
 */
export function codesAtLevel(codebook: Codebook, level?: number): Codebook['codes'] {
  checkInteger('codesAtLevel', 'level', level, { min: 1 });
  return level === undefined ? codebook.codes : codebook.codes.filter((c) => depthOf(c.id) === level);
}
