import { describe, expect, it } from 'vitest';
import { placeCodings } from '../../src/coding/place-codings.js';
import type { CodingRow } from '../../src/model/coding.js';
import type { Document } from '../../src/model/document.js';
import { formatMessage } from '../../src/model/message.js';
import { segmentDocument } from '../../src/text/segment.js';
import { seeded } from '../helpers/cli.js';

// "😀" takes two UTF-16 units and one code point: offsets in tables are code points.
const text = 'Ani: Halo 😀 pacar.\n\nBudi: Dua kalimat. Asesmen di sini.';
const doc: Document = {
  id: 'd',
  file: 'd.md',
  format: 'md',
  text,
  attributes: {},
  participants: [],
  turns: [
    { speaker: 'Ani', start: 5, end: 19 },
    { speaker: 'Budi', start: 27, end: text.length },
  ],
};
const row = (over: Partial<CodingRow>): CodingRow => ({
  document: 'd',
  segment: null,
  span: null,
  code: 'x',
  coder: 'ana',
  source: 'manual',
  matches: [],
  ...over,
});
const cp = (utf16: number) => [...text.slice(0, utf16)].length;
const placed = (base: CodingRow, segment: number, start: number, end: number) => {
  const { span: _span, text: _text, speaker: _speaker, ...rest } = base;
  return { ...rest, segment, start, end };
};

describe('placeCodings', () => {
  it('puts a span (code points) on the segments it overlaps, in UTF-16', () => {
    const start = text.indexOf('pacar');
    const span = row({ segment: 1, span: { start: cp(start), end: cp(start + 5) } });
    expect(placeCodings([span], [doc], { file: 'a.csv' }).codings).toEqual([placed(span, 1, start, start + 5)]);
    // The same coding lands on the right sentences when the unit changes: the span decides, not the number.
    const across = row({ segment: 2, span: { start: cp(text.indexOf('kalimat')), end: cp(text.indexOf('sini')) } });
    const sentences = placeCodings([across], [doc], { unit: 'sentence', file: 'a.csv' }).codings;
    expect(sentences.map((c) => [c.segment, text.slice(c.start, c.end)])).toEqual([
      [2, 'kalimat.'],
      [3, 'Asesmen di '],
    ]);
  });

  it('keeps a span whole in span mode, under the segment it overlaps most', () => {
    const across = row({ span: { start: cp(text.indexOf('kalimat')), end: cp(text.indexOf('sini')) } });
    const out = placeCodings([across], [doc], { unit: 'sentence', mode: 'span', file: 'a.csv' }).codings;
    expect(out.map((c) => [c.segment, text.slice(c.start, c.end)])).toEqual([[3, 'kalimat. Asesmen di ']]);
  });

  it('reads UTF-16 spans when told so (REFI-QDA import)', () => {
    const start = text.indexOf('😀');
    const out = placeCodings([row({ span: { start, end: start + 2 } })], [doc], { offsets: 'utf16', mode: 'span', file: 'p.qdpx' }).codings;
    expect(out.map((c) => [c.segment, text.slice(c.start, c.end)])).toEqual([[1, '😀']]);
  });

  it('gives a row without a span its segment, spanning it', () => {
    const segments = segmentDocument(doc, 'turn');
    const only = row({ segment: 2 });
    expect(placeCodings([only], [doc], { file: 'a.csv' }).codings).toEqual([placed(only, 2, segments[1].start, segments[1].end)]);
  });

  it('leaves out unknown documents and codes, and rows that fit nowhere, with one warning each kind', () => {
    const rows = [
      row({ document: 'nope', segment: 1 }),
      row({ document: 'nope', segment: 2 }),
      row({ segment: 9 }),
      row({ span: { start: 500, end: 501 } }),
      row({ code: 'y', segment: 1 }),
    ];
    const { codings, messages } = placeCodings(rows, [doc], { file: 'ana.csv', codes: new Set(['x']) });
    expect(codings).toEqual([]);
    expect(messages.map(formatMessage)).toEqual([
      'ana.csv: warning: 2 codings name document "nope", which is not among the transcripts; skipped [unknown-document]',
      'ana.csv: warning: code "y" (1 coding) is not in the codebook; skipped [unknown-code]',
      'ana.csv: warning: 2 codings fit no turn of their document (a span beyond the text, or a segment number out of range; is the unit the one the table was made with?); skipped [coding-out-of-range]',
    ]);
  });

  it.each([
    [{ unit: 'sentense' }, /unit must be one of turn, paragraph, sentence; got "sentense"/],
    [{ mode: 'whole' }, /mode must be one of segments, span; got "whole"/],
    [{ offsets: 'bytes' }, /offsets must be one of code-points, utf16; got "bytes"/],
  ])('checks its options: %j', (bad, pattern) => {
    expect(() => placeCodings([], [doc], { file: 'a.csv', ...(bad as object) })).toThrow(TypeError);
    expect(() => placeCodings([], [doc], { file: 'a.csv', ...(bad as object) })).toThrow(pattern);
  });

  it('in both modes, for random spans, covers exactly the span and files it under segments it touches', () => {
    const random = seeded(1130);
    const length = [...text].length;
    for (let round = 0; round < 200; round++) {
      const a = Math.floor(random() * (length + 1));
      const b = Math.floor(random() * (length + 1));
      const span = { start: Math.min(a, b), end: Math.max(a, b) };
      for (const unit of ['turn', 'sentence', 'paragraph'] as const) {
        const split = placeCodings([row({ span })], [doc], { unit, file: 'r.csv' });
        const whole = placeCodings([row({ span })], [doc], { unit, mode: 'span', file: 'r.csv' });
        const segments = split.segments.get('d')!;
        for (const c of split.codings) {
          const s = segments[c.segment - 1];
          expect(s.start <= c.start && c.end <= s.end).toBe(true);
        }
        // Pieces in segments mode never overlap and never leave their span.
        const pieces = split.codings.map((c) => [c.start, c.end]).sort((x, y) => x[0] - y[0]);
        for (let i = 1; i < pieces.length; i++) expect(pieces[i][0]).toBeGreaterThanOrEqual(pieces[i - 1][1]);
        expect(whole.codings.length + whole.messages.length).toBe(1);
        if (whole.codings.length === 1) expect([cp(whole.codings[0].start), cp(whole.codings[0].end)]).toEqual([span.start, span.end]);
        if (split.codings.length > 0 && whole.codings.length === 1)
          expect(split.codings.map((c) => c.segment)).toContain(whole.codings[0].segment);
      }
    }
  });
});
