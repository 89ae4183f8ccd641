import type { Dataset } from './dataset.js';
import { labelOf, scoreUnit, type Reason, type Suggester } from './model.js';
import { checkInteger, checkNumber } from '../util/options.js';

/** A learned suggestion: a code for a unit the coder has not decided on, with why. */
export interface Suggestion {
  document: string;
  /** The learning unit's number in its document (see `learningUnits`). */
  unit: number;
  /** The unit's span (UTF-16 offsets of the document text). */
  start: number;
  end: number;
  speaker: string | null;
  code: string;
  /** Model score in [0, 1]: higher = more like the units the coder applied the code to. */
  score: number;
  /** 1 at a score of 0.5, 0 at 0 or 1: review the most uncertain first to teach the model fastest. */
  uncertainty: number;
  /** The features that raised the score most ("suggested because: …"). */
  because: Reason[];
}

/**
 * Score every code on every unit the coder has not decided about (not coded, not rejected, not
 * read), and keep those at or above `minScore` (default 0.3), by document, unit and score.
 * @example suggestCodings(dataset, trainSuggester(dataset), { minScore: 0.5 })[0].because.map((r) => r.label)
 */
export function suggestCodings(
  dataset: Dataset,
  suggester: Suggester,
  options: { minScore?: number; reasons?: number } = {},
): Suggestion[] {
  const minScore = options.minScore ?? 0.3;
  checkNumber('suggestCodings', 'minScore', minScore, { min: 0, max: 1, minIncluded: true });
  checkInteger('suggestCodings', 'reasons', options.reasons, { min: 0 });
  const out: Suggestion[] = [];
  for (const example of dataset.examples) {
    const scored = scoreUnit(suggester, example.features, { reasons: options.reasons ?? 5, minScore })
      .filter((s) => s.score >= minScore && labelOf(example, s.code) === undefined)
      .sort((a, b) => b.score - a.score);
    const u = example.unit;
    for (const s of scored) out.push({ document: u.document, unit: u.index, start: u.start, end: u.end, speaker: u.speaker, ...s });
  }
  return out;
}
