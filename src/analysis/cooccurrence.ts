import { labelOf, type Codebook } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import { codesAtLevel, rollUp } from './rollup.js';
import { checkInteger, checkString } from '../util/options.js';

/** One cell of the co-occurrence matrix: segments coded with both codes, and their Jaccard index. */
export interface CooccurrenceCell {
  a: string;
  b: string;
  /** Segments coded with both `a` and `b`; on the diagonal, the segments coded with `a`. */
  segments: number;
  /** `segments / (n(a) + n(b) - segments)`; NaN when neither code codes any segment. */
  jaccard: number;
}

/** A symmetric code × code matrix; `cells` holds every ordered pair, row by row. */
export interface Cooccurrence {
  codes: string[];
  labels: string[];
  cells: CooccurrenceCell[];
}

/** Options of `cooccurrence`. */
export interface CooccurrenceOptions {
  /** Depth of the tree to compare (1 = top-level codes); all codes when undefined. */
  level?: number;
  /** Language of code labels (default: the codebook's). */
  language?: string;
}

/**
 * How often codes occur in the same segment, after the roll-up (a parent codes every segment a
 * descendant codes): counts and Jaccard indices for every pair of codes of one tree level, or of
 * all codes. The matrix is symmetric and its diagonal is each code's segment frequency.
 * @example cooccurrence(codings, codebook, { level: 2 }).cells.find((c) => c.a === 'factor/helplessness' && c.b === 'stage/implementation')
 */
export function cooccurrence(codings: readonly Coding[], codebook: Codebook, options: CooccurrenceOptions = {}): Cooccurrence {
  checkInteger('cooccurrence', 'level', options.level, { min: 1 });
  checkString('cooccurrence', 'language', options.language);
  const selected = codesAtLevel(codebook, options.level);
  const codes = selected.map((c) => c.id);
  const index = new Map(codes.map((c, i) => [c, i]));
  const n = codes.length;
  const counts = new Float64Array(n * n);
  for (const set of rollUp(codings).values()) {
    const present: number[] = [];
    for (const c of set) {
      const i = index.get(c);
      if (i !== undefined) present.push(i);
    }
    for (const i of present) for (const j of present) counts[i * n + j]++;
  }
  const cells: CooccurrenceCell[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const both = counts[i * n + j];
      const union = counts[i * n + i] + counts[j * n + j] - both;
      cells.push({ a: codes[i], b: codes[j], segments: both, jaccard: union === 0 ? NaN : both / union });
    }
  }
  const language = options.language ?? codebook.language;
  return { codes, labels: selected.map((c) => labelOf(c, language)), cells };
}
