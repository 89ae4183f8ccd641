/** A half-open span of offsets. */
export interface SpanLike {
  start: number;
  end: number;
}

/**
 * Where a new span of a code meets the spans the same coder already gave that code: the spans it
 * overlaps or touches, and their union with it — one coding instead of several.
 * @example mergeSpan([{ start: 0, end: 5 }, { start: 20, end: 30 }], { start: 4, end: 10 }) // { merged: [{0,5}], span: {0,10} }
 */
export function mergeSpan<T extends SpanLike>(existing: readonly T[], span: SpanLike): { merged: T[]; span: SpanLike } {
  const merged = existing.filter((e) => e.start <= span.end && e.end >= span.start);
  return {
    merged,
    span: { start: Math.min(span.start, ...merged.map((m) => m.start)), end: Math.max(span.end, ...merged.map((m) => m.end)) },
  };
}
