import { createCoder } from '../coding/code-corpus.js';
import type { Codebook } from '../model/codebook.js';
import type { Corpus } from '../model/document.js';
import type { Segment } from '../model/segment.js';
import { type StemLanguage } from '../text/stem.js';
import { roleFeature, ruleFeature, textFeatures, textWords } from './features.js';
import { recogniseLanguage, stemLanguageOf } from './language.js';
import { LEARNING_UNITS, learningUnits, type LearningUnit } from './units.js';
import { checkChoice, checkString } from '../util/options.js';

/**
 * A coder's decision about a code on a span: `applied` (a manual coding, or an accepted
 * suggestion) or `rejected` (a suggestion the coder turned down). Offsets are UTF-16 offsets
 * of the document text, as in `Coding`.
 */
export interface CodingDecision {
  document: string;
  code: string;
  start: number;
  end: number;
  coder: string;
  verdict: 'applied' | 'rejected';
}

/** A span of a document that a coder has read: what they left uncoded there is a negative example. */
export interface ReviewedSpan {
  document: string;
  coder: string;
  start: number;
  end: number;
}

/** Options of `buildDataset`. */
export interface DatasetOptions {
  /** The learning unit (default `turn`). */
  unit?: LearningUnit;
  /** `en` or `id` stems words; any other code uses them unstemmed; default: recognised from the text. */
  language?: string;
  /** Learn from this coder only; default: every coder. */
  coder?: string;
  /** Its rules that fire in a unit become features; null or absent: no rule features. */
  codebook?: Codebook | null;
  /**
   * What each coder has read. Default: in each document, from its start to the end of the
   * last unit the coder coded (REFI-QDA projects do not record what was read).
   */
  reviewed?: readonly ReviewedSpan[];
}

/** One unit with its features and what the coder decided about it. */
export interface Example {
  unit: Segment;
  /** Distinct feature names, in a fixed order. */
  features: string[];
  /** Codes the coder applied to (part of) the unit. */
  applied: Set<string>;
  /** Codes the coder rejected on the unit. */
  rejected: Set<string>;
  /** The coder read the unit: every code not applied is a negative example. */
  reviewed: boolean;
}

/** Units with features and labels, ready to train and evaluate on. */
export interface Dataset {
  examples: Example[];
  /** The stemming language used; undefined = words unstemmed. */
  language: StemLanguage | undefined;
  unit: LearningUnit;
  /** How a word or phrase feature reads (its first surface form). */
  surfaces: Map<string, string>;
}

/**
 * Cut a corpus into learning units, give each its features (words, phrases, fired rules, role)
 * and its labels from the coders' decisions. Pure: no I/O.
 * @example buildDataset(corpus, decisions, { codebook, unit: 'turn' }).examples.length
 */
export function buildDataset(corpus: Corpus, decisions: readonly CodingDecision[], options: DatasetOptions = {}): Dataset {
  const unit = options.unit ?? 'turn';
  checkChoice('buildDataset', 'unit', unit, LEARNING_UNITS);
  checkString('buildDataset', 'language', options.language, { nonEmpty: true });
  checkString('buildDataset', 'coder', options.coder, { nonEmpty: true });
  const mine = decisions.filter((d) => options.coder === undefined || d.coder === options.coder);
  const language = options.language !== undefined ? stemLanguageOf(options.language) : recogniseLanguage(sampleWords(corpus));
  const coder = options.codebook ? createCoder(options.codebook) : null;
  const surfaces = new Map<string, string>();
  const examples: Example[] = [];
  for (const doc of corpus.documents) {
    const units = learningUnits(doc, unit);
    const fired = coder ? coder.codeDocument(doc, { unit: 'turn' }).codings : [];
    const here = mine.filter((d) => d.document === doc.id);
    const reviewed = options.reviewed
      ? options.reviewed.filter((r) => r.document === doc.id && (options.coder === undefined || r.coder === options.coder))
      : defaultReviewed(units, here);
    for (const u of units) {
      const words = textFeatures(textWords(doc.text, u.start, u.end, language));
      for (const [name, surface] of words.surfaces) if (!surfaces.has(name)) surfaces.set(name, surface);
      const features = [...words.names];
      const rules = new Set<string>();
      for (const c of fired) if (c.hits.some((h) => overlaps(h, u))) rules.add(c.code);
      for (const code of [...rules].sort()) features.push(ruleFeature(code));
      if (u.role !== undefined) features.push(roleFeature(u.role));
      const applied = new Set<string>();
      const rejected = new Set<string>();
      for (const d of here) if (overlaps(d, u)) (d.verdict === 'applied' ? applied : rejected).add(d.code);
      examples.push({ unit: u, features, applied, rejected, reviewed: reviewed.some((r) => overlaps(r, u)) });
    }
  }
  return { examples, language, unit, surfaces };
}

/** Per coder, from the document's start to the end of the last unit they applied a code in. */
function defaultReviewed(units: readonly Segment[], decisions: readonly CodingDecision[]): ReviewedSpan[] {
  const lastEnd = new Map<string, number>();
  for (const d of decisions) {
    if (d.verdict !== 'applied') continue;
    const last = units.filter((u) => overlaps(d, u)).at(-1);
    const end = last?.end ?? d.end;
    if (end > (lastEnd.get(d.coder) ?? -1)) lastEnd.set(d.coder, end);
  }
  return [...lastEnd].map(([coder, end]) => ({ document: units[0]?.document ?? '', coder, start: 0, end }));
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Up to 20,000 words from the start of each document, enough to recognise the language. */
function* sampleWords(corpus: Corpus): Generator<string> {
  for (const doc of corpus.documents)
    yield* textWords(doc.text, 0, Math.min(doc.text.length, 120_000), undefined).surfaces.slice(0, 20_000);
}
