import { describe, expect, it } from 'vitest';
import { mergeSpan } from '../../src/coding/merge-span.js';

describe('mergeSpan', () => {
  it('joins the spans a new span overlaps or touches, and leaves the others', () => {
    const existing = [
      { id: 1, start: 0, end: 5 },
      { id: 2, start: 10, end: 12 },
      { id: 3, start: 20, end: 30 },
    ];
    expect(mergeSpan(existing, { start: 4, end: 10 })).toEqual({ merged: [existing[0], existing[1]], span: { start: 0, end: 12 } });
    expect(mergeSpan(existing, { start: 14, end: 18 })).toEqual({ merged: [], span: { start: 14, end: 18 } });
    expect(mergeSpan(existing, { start: 30, end: 31 }).span).toEqual({ start: 20, end: 31 });
  });
});
