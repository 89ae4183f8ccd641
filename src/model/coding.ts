import type { Segment } from './segment.js';

/** Where a coding came from. */
export type CodingSource = 'auto' | 'manual';

/**
 * One code applied to one segment. `start`/`end` are UTF-16 offsets of the coded span in the
 * document text (end exclusive); outputs convert them to code points.
 */
export interface Coding {
  document: string;
  segment: number;
  code: string;
  start: number;
  end: number;
  coder: string;
  source: CodingSource;
  /** Terms (or rule names) that matched, in order of first occurrence. */
  matches: string[];
}

/** One piece of evidence for a code: a UTF-16 span of the document text and the rule that matched. */
export interface Hit {
  start: number;
  end: number;
  term: string;
}

/** An automatic coding with the spans of each match (for quotes that mark the matched words). */
export interface AutoCoding extends Coding {
  hits: Hit[];
}

/** One segment as counting sees it: its number of words and the codes coding it, each with its number of rule hits. */
export interface CountedSegment {
  segment: Segment;
  words: number;
  codes: ReadonlyArray<{ code: string; hits: number }>;
}

/** A code-point span of a document's text, end exclusive. */
export interface CodePointSpan {
  start: number;
  end: number;
}

/**
 * A row of a coding table as read, before it is placed on a segmentation: where it sits is its
 * span (code points), its segment number (of the unit the table was made with), or both.
 */
export interface CodingRow {
  document: string;
  code: string;
  coder: string;
  source: CodingSource;
  /** Terms (or rule names) that matched, when the table lists them. */
  matches: string[];
  /** 1-based segment number; null when the table has none. */
  segment: number | null;
  /** The coded span; null when the table has none. */
  span: CodePointSpan | null;
  /** The row's `text` cell, when present. */
  text?: string;
  /** The row's `speaker` cell, when present. */
  speaker?: string;
}
