import type { CodePointSpan, CodingRow } from '../../model/coding.js';
import { checkList, checkNumber } from '../../util/options.js';

/**
 * What agreement needs of a coding: a coding-table row's segment number (segment units) or span
 * (overlap units); `text` (the segment's text) is shown in the disagreement list, and so is
 * `spanText`, the coded span's own text, for overlap units.
 */
export type CodingForAgreement = Pick<CodingRow, 'document' | 'segment' | 'span' | 'code' | 'coder'> & { text?: string; spanText?: string };

/** A coding with a span, as overlap units use it. */
type SpannedCoding = CodingForAgreement & { span: CodePointSpan };

/** One coder's span in an overlap unit, with its text when known. */
export interface CoderSpan {
  coder: string;
  start: number;
  end: number;
  text?: string;
}

/** How units of agreement are cut from codings. */
export type AgreementUnitKind = 'segment' | 'overlap';

/**
 * One yes/no question put to every coder: did they apply `code` here? `values[c]` answers it
 * for `coders[c]` of the unit set: 1 applied, 0 not applied (the coder coded this document),
 * null no value (the coder has no coding in this document, so we cannot tell).
 */
export interface AgreementUnit {
  document: string;
  /** Segment number (1-based); null when the codings gave spans only. */
  segment: number | null;
  code: string;
  /** Overlap units: the extent of the matched spans (offsets as in the codings). */
  span?: { start: number; end: number };
  /** Overlap units: each coder's own span, in coder order. */
  spans?: CoderSpan[];
  values: Array<0 | 1 | null>;
  text: string;
}

/** The units of every code, and how they were cut. */
export interface AgreementUnits {
  kind: AgreementUnitKind;
  /** Overlap units: the least overlap (intersection over union) for two spans to agree. */
  minOverlap?: number;
  coders: string[];
  codes: string[];
  documents: string[];
  /** Segment units: distinct segments that at least one coder coded; overlap units: coded spans. */
  segments: number;
  units: AgreementUnit[];
}

/** Choices shared by both ways of cutting units. */
export interface UnitOptions {
  /** Coder order (default: order of first appearance). */
  coders?: readonly string[];
  /** Codes to report even when nobody used them, e.g. a codebook's; others follow, sorted. */
  codes?: readonly string[];
}

/**
 * Segment units: for every segment that at least one coder coded with any code, and every
 * code, one unit "is the code present in the segment". Segments nobody coded are not units:
 * a coding table does not list them, and counting them would inflate agreement. Codings
 * without a segment number are ignored; a coder with no coding in a document has no
 * value (null) in its segments.
 * @example segmentUnits(codings).units.filter((u) => u.code === 'factor/attachment')
 */
export function segmentUnits(codings: readonly CodingForAgreement[], options: UnitOptions = {}): AgreementUnits {
  checkUnitOptions('segmentUnits', options);
  const placed = codings.filter((c): c is CodingForAgreement & { segment: number } => c.segment !== null);
  const frame = unitFrame(placed, options);
  const segments = new Map<string, { document: string; segment: number; text: string }>();
  const applied = new Set<string>();
  for (const c of placed) {
    const key = `${c.document}\u0000${c.segment}`;
    const seen = segments.get(key);
    if (!seen) segments.set(key, { document: c.document, segment: c.segment, text: c.text ?? '' });
    else if (!seen.text && c.text) seen.text = c.text;
    applied.add(`${key}\u0000${c.code}\u0000${c.coder}`);
  }
  const ordered = [...segments.entries()].sort(([, a], [, b]) => compareText(a.document, b.document) || a.segment - b.segment);
  const units: AgreementUnit[] = [];
  for (const [key, s] of ordered) {
    for (const code of frame.codes) {
      const values = frame.coders.map((coder) =>
        !frame.covers(coder, s.document) ? null : applied.has(`${key}\u0000${code}\u0000${coder}`) ? 1 : 0,
      );
      units.push({ document: s.document, segment: s.segment, code, values, text: s.text });
    }
  }
  return { kind: 'segment', coders: frame.coders, codes: frame.codes, documents: frame.documents, segments: segments.size, units };
}

/**
 * Overlap units (MAXQDA-style): within a document, two coders' spans of the same code agree
 * when their overlap is at least `minOverlap` of their combined extent (intersection over
 * union). Spans are matched greedily, best overlap first; each span joins at most one span of
 * every other coder. A matched group is one unit; an unmatched span is a unit that only its
 * coder applied. Text nobody coded is never a unit. Codings without a span are ignored.
 * @example overlapUnits(codings, { minOverlap: 0.5 }).units.length
 */
export function overlapUnits(codings: readonly CodingForAgreement[], options: UnitOptions & { minOverlap: number }): AgreementUnits {
  checkNumber('overlapUnits', 'minOverlap', options.minOverlap, { min: 0, max: 1 });
  checkUnitOptions('overlapUnits', options);
  const spans = codings.filter((c): c is SpannedCoding => c.span !== null);
  const frame = unitFrame(spans, options);
  const coderIndex = new Map(frame.coders.map((c, i) => [c, i]));
  const units: AgreementUnit[] = [];
  const byDocumentAndCode = new Map<string, SpannedCoding[]>();
  for (const c of spans) {
    const key = `${c.document}\u0000${c.code}`;
    const list = byDocumentAndCode.get(key);
    if (list) list.push(c);
    else byDocumentAndCode.set(key, [c]);
  }
  for (const document of frame.documents) {
    for (const code of frame.codes) {
      const mine = [...(byDocumentAndCode.get(`${document}\u0000${code}`) ?? [])].sort(
        (a, b) =>
          a.span.start - b.span.start ||
          a.span.end - b.span.end ||
          (coderIndex.get(a.coder) as number) - (coderIndex.get(b.coder) as number),
      );
      for (const group of matchSpans(mine, options.minOverlap)) {
        const members = group.map((i) => mine[i]);
        const coded = new Set(members.map((m) => m.coder));
        const first = members[0];
        units.push({
          document,
          segment: first.segment,
          code,
          span: { start: Math.min(...members.map((m) => m.span.start)), end: Math.max(...members.map((m) => m.span.end)) },
          spans: [...members]
            .sort((a, b) => (coderIndex.get(a.coder) as number) - (coderIndex.get(b.coder) as number))
            .map((m) => ({
              coder: m.coder,
              start: m.span.start,
              end: m.span.end,
              ...(m.spanText !== undefined ? { text: m.spanText } : {}),
            })),
          values: frame.coders.map((coder) => (coded.has(coder) ? 1 : frame.covers(coder, document) ? 0 : null)),
          text: members.find((m) => m.text)?.text ?? '',
        });
      }
    }
  }
  units.sort(
    (a, b) =>
      compareText(a.document, b.document) ||
      (a.span as { start: number }).start - (b.span as { start: number }).start ||
      compareText(a.code, b.code),
  );
  return {
    kind: 'overlap',
    minOverlap: options.minOverlap,
    coders: frame.coders,
    codes: frame.codes,
    documents: frame.documents,
    segments: spans.length,
    units,
  };
}

/**
 * Share of two spans' combined extent that both cover (intersection over union). Empty spans
 * agree only with an empty span at the same place.
 * @example overlapShare({ start: 0, end: 10 }, { start: 5, end: 15 }) // 0.333…
 */
export function overlapShare(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  if (union === 0) return a.start === b.start ? 1 : 0;
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) / union;
}

/** Groups of span indices: best-overlapping pairs first, never two spans of one coder in a group. */
function matchSpans(spans: readonly SpannedCoding[], minOverlap: number): number[][] {
  const pairs: Array<[number, number, number]> = [];
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      if (spans[i].coder === spans[j].coder) continue;
      const share = overlapShare(spans[i].span, spans[j].span);
      if (share >= minOverlap && share > 0) pairs.push([share, i, j]);
    }
  }
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const groupOf = spans.map((_, i) => [i]);
  for (const [, i, j] of pairs) {
    const gi = groupOf[i];
    const gj = groupOf[j];
    if (gi === gj || gi.some((a) => gj.some((b) => spans[a].coder === spans[b].coder))) continue;
    gi.push(...gj);
    for (const b of gj) groupOf[b] = gi;
  }
  return [...new Set(groupOf)].map((g) => g.sort((a, b) => a - b)).sort((a, b) => a[0] - b[0]);
}

/** Coders, codes, documents, and which coder coded which document. */
/** `coders` and `codes`, when given, are lists of names. */
function checkUnitOptions(fn: string, options: UnitOptions): void {
  checkList(fn, 'coders', options.coders);
  checkList(fn, 'codes', options.codes);
}

function unitFrame(codings: readonly CodingForAgreement[], options: UnitOptions) {
  const coders = [...(options.coders ?? [])];
  for (const c of codings) if (!coders.includes(c.coder)) coders.push(c.coder);
  const listed = [...(options.codes ?? [])];
  const others = [...new Set(codings.map((c) => c.code))].filter((c) => !listed.includes(c)).sort(compareText);
  const documents = [...new Set(codings.map((c) => c.document))].sort(compareText);
  const coverage = new Set(codings.map((c) => `${c.coder}\u0000${c.document}`));
  return {
    coders,
    codes: [...listed, ...others],
    documents,
    covers: (coder: string, document: string) => coverage.has(`${coder}\u0000${document}`),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
