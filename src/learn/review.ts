import { checkChoice } from '../util/options.js';

/** One reason of a stored suggestion (see `Reason`). */
export interface ReviewReason {
  feature: string;
  label: string;
  weight: number;
}

/** What a review queue shows for a learned suggestion. */
export interface SuggestionReview {
  score: number;
  /** 1 at a score of 0.5, 0 at 0 or 1. */
  uncertainty: number;
  because: ReviewReason[];
  /** "suggested because: equity, opportunity gap, role teacher". */
  text: string;
}

/**
 * How uncertain the model is about a score: 1 at 0.5, falling to 0 at 0 and 1. Reviewing the
 * most uncertain suggestions first teaches the model most per decision.
 * @example uncertaintyOf(0.5) // 1
 */
export function uncertaintyOf(score: number): number {
  return 1 - Math.abs(2 * score - 1);
}

/**
 * A stored suggestion's score, uncertainty and explanation, or null for a coding without a
 * score (people's and rules' codings).
 * @example reviewOf(storedCoding)?.text // 'suggested because: equity, gap'
 */
export function reviewOf(coding: { score: number | null; explanation: readonly ReviewReason[] }): SuggestionReview | null {
  if (coding.score === null) return null;
  const because = coding.explanation.map((r) => ({ ...r }));
  const text =
    because.length > 0 ? `suggested because: ${because.map((r) => r.label).join(', ')}` : 'suggested because: the code is common here';
  return { score: coding.score, uncertainty: uncertaintyOf(coding.score), because, text };
}

/**
 * Suggestions in review order: by `score` (most likely first) or by `uncertainty` (closest to
 * 0.5 first); ties keep their order. Codings without a score go last.
 * @example reviewQueue(await store.listCodings({ origin: 'learned', status: 'suggested' }), 'uncertainty')
 */
export function reviewQueue<T extends { score: number | null }>(codings: readonly T[], order: 'score' | 'uncertainty'): T[] {
  checkChoice('reviewQueue', 'order', order, ['score', 'uncertainty']);
  const key = (c: T) => (c.score === null ? -1 : order === 'score' ? c.score : uncertaintyOf(c.score));
  return codings
    .map((c, i) => ({ c, i }))
    .sort((a, b) => key(b.c) - key(a.c) || a.i - b.i)
    .map((x) => x.c);
}
