// How figures are shown in Markdown and JSON tables.

/**
 * A number for a Markdown table: fixed decimals, "–" for NaN (the notes under the table say why).
 * @example markdownNumber(0.71234) // '0.712'
 */
export function markdownNumber(x: number, digits = 3): string {
  return Number.isNaN(x) ? '–' : x.toFixed(digits);
}

/**
 * A text on one line, cut to `max` characters (code points) with "…".
 * @example markdownExcerpt('a  long\ntext', 6) // 'a lon…'
 */
export function markdownExcerpt(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * A figure for JSON: NaN (undefined, explained in a note beside it) becomes null.
 * @example jsonNumber(NaN) // null
 */
export function jsonNumber(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}
