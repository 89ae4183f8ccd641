import { ancestors } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import { UNITS, type Segment, type Unit } from '../model/segment.js';
import { checkChoice, checkList } from '../util/options.js';
import { counted } from '../util/plural.js';

/** What validation needs of a coding: its segment (gold rows are put on segments by `placeCodings` first). */
export type CodingForValidation = Pick<Coding, 'document' | 'segment' | 'code'>;

/** Precision, recall and F1 of the automatic coding against the gold standard, at segment level. */
export interface ValidationScores {
  /** Segments the gold standard applies the code to. */
  support: number;
  /** Segments the automatic coding applies it to. */
  predicted: number;
  /** Segments both apply it to. */
  truePositives: number;
  /** truePositives ÷ predicted; NaN when the automatic coding never applies the code. */
  precision: number;
  /** truePositives ÷ support; NaN when the gold standard never applies the code. */
  recall: number;
  /** Harmonic mean of precision and recall; 0 when both are 0, NaN when either is NaN. */
  f1: number;
  notes: string[];
}

/** Scores of one code. */
export interface CodeValidation extends ValidationScores {
  code: string;
  /** True when no other code of the list lies below it. */
  leaf: boolean;
}

/** A segment where the automatic coding and the gold standard differ on a code. */
export interface SegmentMismatch {
  document: string;
  segment: number;
  code: string;
  speaker: string | null;
  text: string;
}

/** Everything `qda validate` reports. */
export interface ValidationResult {
  /** Segments of the transcripts (the automatic coding's segmentation). */
  segments: number;
  /** Segments neither side coded with any code (true negatives for every code). */
  uncodedSegments: number;
  codes: CodeValidation[];
  /** Micro-average over the leaf codes (parents would count their children twice). */
  overall: ValidationScores;
  /** The gold standard applies the code, the automatic coding does not: rules to widen. */
  missed: SegmentMismatch[];
  /** The automatic coding applies the code, the gold standard does not: rules to narrow. */
  overCoded: SegmentMismatch[];
  /** Gold codings whose segment is not among the segments. */
  unplaced: CodingForValidation[];
  /** Documents compared, and documents left out because the gold standard codes nothing in them. */
  documents: { compared: string[]; skipped: string[] };
  method: string;
}

/** Options of `validateCoding`. */
export interface ValidationOptions {
  /** Codes to report, in this order (e.g. every code of the codebook, parents included); others follow, sorted. */
  codes?: readonly string[];
  /** The segment unit, named in the method text. */
  unit?: Unit;
  /**
   * Which documents to score: `gold` (default) only those the gold standard codes something
   * in — a coder who never read a document would count every automatic coding there as
   * wrong —, `all` every document.
   */
  documents?: 'gold' | 'all';
}

/**
 * Compare automatic codings with a gold standard (a human's) segment by segment, per code:
 * a code counts as applied to a segment when it, or a code below it, is coded there (parents
 * roll up their children). Gold rows of a coding table are put on the segments by
 * `placeCodings` first, as the report does. Missed and over-coded segments are listed for leaf
 * codes and for codes applied directly.
 * @example validateCoding(segments, autoCodings, goldCodings, { codes: codebook.codes.map((c) => c.id) }).codes[0].f1
 */
export function validateCoding(
  segments: readonly Segment[],
  auto: readonly CodingForValidation[],
  gold: readonly CodingForValidation[],
  options: ValidationOptions = {},
): ValidationResult {
  checkList('validateCoding', 'codes', options.codes);
  checkChoice('validateCoding', 'unit', options.unit, UNITS);
  checkChoice('validateCoding', 'documents', options.documents, ['gold', 'all']);
  const scope = options.documents ?? 'gold';
  const documents = [...new Set(segments.map((s) => s.document))];
  const goldDocuments = new Set(gold.map((c) => c.document));
  const compared = scope === 'all' ? documents : documents.filter((d) => goldDocuments.has(d));
  const skipped = documents.filter((d) => !compared.includes(d));
  if (skipped.length > 0) {
    const kept = new Set(compared);
    segments = segments.filter((s) => kept.has(s.document));
    auto = auto.filter((c) => kept.has(c.document));
  }
  const order = new Map(segments.map((s, i) => [`${s.document}\u0000${s.index}`, i]));
  const unplaced: CodingForValidation[] = [];
  const place = (c: CodingForValidation): number[] => {
    const at = order.get(`${c.document}\u0000${c.segment}`);
    return at === undefined ? [] : [at];
  };
  const autoSets = new Map<string, Set<number>>();
  const goldSets = new Map<string, Set<number>>();
  const direct = new Set<string>();
  const collect = (codings: readonly CodingForValidation[], sets: Map<string, Set<number>>, recordUnplaced: boolean) => {
    for (const c of codings) {
      const at = place(c);
      if (at.length === 0 && recordUnplaced) unplaced.push(c);
      if (at.length === 0) continue;
      direct.add(c.code);
      for (const code of [c.code, ...ancestors(c.code)]) {
        let set = sets.get(code);
        if (!set) sets.set(code, (set = new Set()));
        for (const i of at) set.add(i);
      }
    }
  };
  collect(auto, autoSets, false);
  collect(gold, goldSets, true);

  const listed = [...(options.codes ?? [])];
  const others = [...new Set([...autoSets.keys(), ...goldSets.keys()])]
    .filter((c) => !listed.includes(c))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const all = [...listed, ...others];
  const parents = new Set(all.flatMap((c) => ancestors(c)));
  const empty = new Set<number>();
  const codes: CodeValidation[] = all.map((code) => ({
    code,
    leaf: !parents.has(code),
    ...scores(autoSets.get(code) ?? empty, goldSets.get(code) ?? empty),
  }));
  const leaves = codes.filter((c) => c.leaf);
  const overall = scoresOf(
    leaves.reduce((s, c) => s + c.truePositives, 0),
    leaves.reduce((s, c) => s + c.predicted, 0),
    leaves.reduce((s, c) => s + c.support, 0),
  );

  const missed: SegmentMismatch[] = [];
  const overCoded: SegmentMismatch[] = [];
  const mismatch = (i: number, code: string): SegmentMismatch => {
    const s = segments[i];
    return { document: s.document, segment: s.index, code, speaker: s.speaker, text: s.text };
  };
  for (const c of codes) {
    if (!c.leaf && !direct.has(c.code)) continue;
    const a = autoSets.get(c.code) ?? empty;
    const g = goldSets.get(c.code) ?? empty;
    for (const i of g) if (!a.has(i)) missed.push(mismatch(i, c.code));
    for (const i of a) if (!g.has(i)) overCoded.push(mismatch(i, c.code));
  }
  const codeOrder = new Map(all.map((c, i) => [c, i]));
  const bySegment = (x: SegmentMismatch, y: SegmentMismatch) =>
    (order.get(`${x.document}\u0000${x.segment}`) as number) - (order.get(`${y.document}\u0000${y.segment}`) as number) ||
    (codeOrder.get(x.code) as number) - (codeOrder.get(y.code) as number);
  missed.sort(bySegment);
  overCoded.sort(bySegment);

  const coded = new Set<number>();
  for (const set of [...autoSets.values(), ...goldSets.values()]) for (const i of set) coded.add(i);
  const uncodedSegments = segments.length - coded.size;
  const unit = options.unit ?? 'segment';
  const scopeText =
    skipped.length === 0
      ? ''
      : `Only the ${counted(compared.length, 'document')} the gold standard codes ${compared.length === 1 ? 'is' : 'are'} compared (${nameList(compared)}); ${skipped.length} other${skipped.length === 1 ? ' is' : 's are'} left out (${nameList(skipped)}) as the gold coder coded nothing there. `;
  const method =
    `${scopeText}Unit: a ${unit}; ${segments.length} ${unit}s in all. A code counts as applied to a ${unit} when it or a code below it is coded there (parents roll up their children). ` +
    `Precision = ${unit}s both apply the code to ÷ ${unit}s the automatic coding applies it to; recall = the same ÷ ${unit}s the gold standard applies it to (support). ` +
    `The ${uncodedSegments} ${unit}s that neither side coded, and every ${unit} neither side applied a code to, are true negatives: they do not enter precision, recall or F1. Overall = micro-average over leaf codes.`;
  return {
    segments: segments.length,
    uncodedSegments,
    codes,
    overall,
    missed,
    overCoded,
    unplaced,
    documents: { compared, skipped },
    method,
  };
}

/** Up to five names, then how many more. */
function nameList(names: readonly string[]): string {
  return names.length <= 5 ? names.join(', ') : `${names.slice(0, 5).join(', ')} and ${names.length - 5} more`;
}

function scores(auto: ReadonlySet<number>, gold: ReadonlySet<number>): ValidationScores {
  let both = 0;
  for (const i of auto) if (gold.has(i)) both++;
  return scoresOf(both, auto.size, gold.size);
}

function scoresOf(truePositives: number, predicted: number, support: number): ValidationScores {
  const precision = predicted === 0 ? NaN : truePositives / predicted;
  const recall = support === 0 ? NaN : truePositives / support;
  const f1 =
    Number.isNaN(precision) || Number.isNaN(recall) ? NaN : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const notes: string[] = [];
  if (predicted === 0 && support === 0) notes.push('neither the automatic coding nor the gold standard applies this code');
  else if (predicted === 0) notes.push('the automatic coding never applies this code: precision is undefined');
  else if (support === 0) notes.push('the gold standard never applies this code: recall is undefined');
  return { support, predicted, truePositives, precision, recall, f1, notes };
}
