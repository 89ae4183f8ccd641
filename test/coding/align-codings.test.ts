import { describe, expect, it } from 'vitest';
import { alignCodings } from '../../src/coding/align-codings.js';
import type { Coding } from '../../src/model/coding.js';
import type { Document } from '../../src/model/document.js';
import { formatMessage } from '../../src/model/message.js';
import { segmentDocument } from '../../src/text/segment.js';

// "😀" takes two UTF-16 units and one code point: offsets in tables are code points.
const text = 'Ani: Halo 😀 pacar.\n\nBudi: Dua kalimat. Asesmen di sini.';
const doc: Document = {
  id: 'd', file: 'd.md', format: 'md', text, attributes: {}, participants: [],
  turns: [{ speaker: 'Ani', start: 5, end: 19 }, { speaker: 'Budi', start: 27, end: text.length }],
};
const coding = (over: Partial<Coding>): Coding => ({ document: 'd', segment: 0, code: 'x', start: -1, end: -1, coder: 'ana', source: 'manual', matches: [], ...over });
const cp = (utf16: number) => [...text.slice(0, utf16)].length;

describe('alignCodings', () => {
  it('puts a span (code points) on the segments it overlaps, in UTF-16', () => {
    const turns = new Map([['d', segmentDocument(doc, 'turn')]]);
    const sentences = new Map([['d', segmentDocument(doc, 'sentence')]]);
    const start = text.indexOf('pacar');
    const span = coding({ segment: 1, start: cp(start), end: cp(start + 5) });
    expect(alignCodings([span], [doc], turns, 'a.csv').codings).toEqual([{ ...span, segment: 1, start, end: start + 5 }]);
    // The same coding lands on the right sentence when the unit changes.
    const across = coding({ segment: 2, start: cp(text.indexOf('kalimat')), end: cp(text.indexOf('sini')) });
    expect(alignCodings([across], [doc], sentences, 'a.csv').codings.map((c) => [c.segment, text.slice(c.start, c.end)])).toEqual([[2, 'kalimat.'], [3, 'Asesmen di ']]);
  });

  it('keeps the segment number of a coding without offsets, spanning its segment', () => {
    const segments = segmentDocument(doc, 'turn');
    const out = alignCodings([coding({ segment: 2 })], [doc], new Map([['d', segments]]), 'a.csv').codings;
    expect(out).toEqual([coding({ segment: 2, start: segments[1].start, end: segments[1].end })]);
  });

  it('drops codings of unknown documents or out of range, with one warning each kind', () => {
    const segments = new Map([['d', segmentDocument(doc, 'turn')]]);
    const { codings, messages } = alignCodings([coding({ document: 'nope', segment: 1 }), coding({ document: 'nope', segment: 2 }), coding({ segment: 9 }), coding({ start: 500, end: 501 })], [doc], segments, 'ana.csv');
    expect(codings).toEqual([]);
    expect(messages.map(formatMessage)).toEqual([
      'ana.csv: warning: 2 codings name document "nope", which is not among the transcripts; skipped [unknown-document]',
      'ana.csv: warning: 2 codings fit no segment of their document (offsets beyond the text, or segment number out of range); skipped [coding-out-of-range]',
    ]);
  });
});
