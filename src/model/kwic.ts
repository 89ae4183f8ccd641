/** One keyword-in-context line. */
export interface KwicLine {
  document: string;
  segment: number;
  speaker: string | null;
  timestamp: string | null;
  /** Up to `window` words before the keyword, within the segment. */
  left: string;
  /** The matched text. */
  keyword: string;
  /** Up to `window` words after the keyword, within the segment. */
  right: string;
  /** The rule that matched (a codebook term as written, `a NEAR/5 b`, or `/regex/`). */
  term: string;
  /** The keyword's span in the document text (UTF-16). */
  start: number;
  end: number;
}
