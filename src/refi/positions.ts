import { codePointLength, countLess, OffsetMap } from '../text/offsets.js';

/**
 * What `startPosition`/`endPosition` of a REFI-QDA selection count. REFI-QDA speaks of
 * "characters"; real exports differ:
 * - `code-points`: Unicode code points of the text with LF line ends (qc, qda);
 * - `utf16-crlf`: UTF-16 units of the text as stored, BOM excluded, CRLF counted as two (NVivo);
 * - `utf16`: UTF-16 units of the text with LF line ends;
 * - `code-points-crlf`: code points of the text as stored, CRLF counted as two.
 */
export type PositionConvention = 'code-points' | 'utf16-crlf' | 'utf16' | 'code-points-crlf';

/** Every convention, in the order ties are broken (the standard's reading first, then NVivo's). */
export const POSITION_CONVENTIONS: readonly PositionConvention[] = ['code-points', 'utf16-crlf', 'utf16', 'code-points-crlf'];

/** A sentence for each convention, for messages and docs. */
export const CONVENTION_TEXT: Record<PositionConvention, string> = {
  'code-points': 'Unicode code points of the text with LF line ends',
  'utf16-crlf': 'UTF-16 units of the text as stored, BOM excluded, CRLF counted as two (as NVivo writes)',
  utf16: 'UTF-16 units of the text with LF line ends',
  'code-points-crlf': 'code points of the text as stored, CRLF counted as two',
};

/** A source's text twice: as stored (BOM removed, line ends kept) and normalised (LF). */
export interface SourceText {
  stored: string;
  text: string;
}

/** A selection as written in the project, before conversion. */
export interface RawSelection {
  start: number;
  end: number;
  name?: string;
}

/** The convention chosen for a project and how well each one fitted. */
export interface ConventionChoice {
  convention: PositionConvention;
  /** Fit score of each convention summed over all selections (higher fits better). */
  scores: Record<PositionConvention, number>;
  /** Selections that start and end on a word or line boundary, per convention. */
  aligned: Record<PositionConvention, number>;
  selections: number;
  /** False when every convention gives the same offsets (the text has no CRLF and no emoji). */
  decisive: boolean;
}

/**
 * A function from a position in `convention` to a UTF-16 offset in the normalised text, or
 * null when it is outside the text.
 * @example positionMapper({ stored: 'a\r\n😀b', text: 'a\n😀b' }, 'utf16-crlf')(5) // 4
 */
export function positionMapper(source: SourceText, convention: PositionConvention): (position: number) => number | null {
  const { stored, text } = source;
  const removed: number[] = [];
  if (convention.endsWith('-crlf')) {
    for (let i = stored.indexOf('\r\n'); i !== -1; i = stored.indexOf('\r\n', i + 2)) removed.push(i);
  }
  // A position in the stored text loses one unit for every CR of a CRLF before it.
  const fromStored = (u: number) => u - countLess(removed, u);
  switch (convention) {
    case 'utf16':
      return (p) => (p >= 0 && p <= text.length ? p : null);
    case 'code-points': {
      const map = new OffsetMap(text);
      const length = codePointLength(text);
      return (p) => (p >= 0 && p <= length ? map.toUtf16(p) : null);
    }
    case 'utf16-crlf':
      return (p) => (p >= 0 && p <= stored.length ? fromStored(p) : null);
    case 'code-points-crlf': {
      const map = new OffsetMap(stored);
      const length = codePointLength(stored);
      return (p) => (p >= 0 && p <= length ? fromStored(map.toUtf16(p)) : null);
    }
  }
}

/**
 * Choose the convention that makes a project's selections fit its texts best: each selection
 * scores for starting and ending on word boundaries and at line starts/ends, and for agreeing
 * with its own name (`line:N` as qc writes, or the selected text's opening words); a position
 * outside the text costs more than any fit earns. Ties go to the order of
 * `POSITION_CONVENTIONS`. A convention the project `stated` (qda writes one) is kept unless a
 * selection falls outside the text under it or another convention aligns clearly more
 * selections (by half of them, at least 5): spans coded anywhere must not flip it.
 * @example detectConvention([{ source, selections }]).convention // 'utf16-crlf' for an NVivo export with CRLF and emoji
 */
export function detectConvention(
  items: ReadonlyArray<{ source: SourceText; selections: readonly RawSelection[] }>,
  stated?: PositionConvention,
): ConventionChoice {
  const scores = { 'code-points': 0, 'utf16-crlf': 0, utf16: 0, 'code-points-crlf': 0 } as Record<PositionConvention, number>;
  const aligned = { ...scores };
  const outside = { ...scores };
  const mapped = new Map<PositionConvention, string>();
  let selections = 0;
  const prepared = items.map((item) => ({ ...item, lines: lineStarts(item.source.text) }));
  for (const convention of POSITION_CONVENTIONS) {
    const keys: string[] = [];
    for (const { source, selections: list, lines } of prepared) {
      const map = positionMapper(source, convention);
      for (const s of list) {
        const start = map(s.start);
        const end = map(s.end);
        keys.push(`${start},${end}`);
        if (start === null || end === null || start > end) outside[convention]++;
        const fit = selectionFit(source.text, lines, start, end, s.name);
        scores[convention] += fit.score;
        if (fit.aligned) aligned[convention]++;
      }
    }
    mapped.set(convention, keys.join(';'));
    selections = keys.length;
  }
  let best = POSITION_CONVENTIONS[0];
  for (const c of POSITION_CONVENTIONS) if (scores[c] > scores[best]) best = c;
  if (stated !== undefined && outside[stated] === 0 && aligned[best] - aligned[stated] < Math.max(5, selections / 2)) best = stated;
  const decisive = new Set(mapped.values()).size > 1;
  return { convention: best, scores, aligned, selections, decisive };
}

/**
 * Move a span off the middle of a surrogate pair (a UTF-16 convention can point there).
 * @example snapSpan('😀', 1, 1) // { start: 0, end: 2 }
 */
export function snapSpan(text: string, start: number, end: number): { start: number; end: number } {
  const low = (i: number) => i > 0 && i < text.length && isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1));
  return { start: low(start) ? start - 1 : start, end: low(end) ? end + 1 : end };
}

function selectionFit(
  text: string,
  lines: readonly number[],
  start: number | null,
  end: number | null,
  name: string | undefined,
): { score: number; aligned: boolean } {
  if (start === null || end === null || start > end) return { score: -6, aligned: false };
  const startOk = isBoundary(text, start);
  const endOk = isBoundary(text, end);
  let score = (startOk ? 1 : 0) + (endOk ? 1 : 0);
  if (start === 0 || text[start - 1] === '\n') score++;
  if (end === text.length || text[end] === '\n' || text[end - 1] === '\n') score++;
  if (name !== undefined && nameFits(text, lines, start, end, name)) score += 2;
  return { score, aligned: startOk && endOk };
}

/** True when the selection's name says where it is (`line:N`) or what it holds (its opening words). */
function nameFits(text: string, lines: readonly number[], start: number, end: number, name: string): boolean {
  const line = /^line:(\d+)$/.exec(name.trim());
  if (line) {
    const n = Number(line[1]);
    return lines[n] === start || lines[n - 1] === start;
  }
  const said = name
    .replace(/(?:…|\.\.\.)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (said.length < 3) return false;
  const selected = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return selected.startsWith(said) || said.startsWith(selected);
}

/** Not inside a word and not inside a surrogate pair. */
function isBoundary(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return true;
  const next = text.charCodeAt(at);
  if (isLow(next) && isHigh(text.charCodeAt(at - 1))) return false;
  const before = text.codePointAt(isLow(text.charCodeAt(at - 1)) && at >= 2 ? at - 2 : at - 1)!;
  return !(WORD.test(String.fromCodePoint(before)) && WORD.test(String.fromCodePoint(text.codePointAt(at)!)));
}

const WORD = /^[\p{L}\p{N}\p{M}]$/u;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
