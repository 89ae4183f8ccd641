/** A timestamp as written in transcripts and captions: `12:03`, `1:02:03`, `00:12:03.500`, `0:0:0,570`. */
export const TIMESTAMP_PATTERN = String.raw`\d{1,2}:\d{1,2}(?::\d{1,2})?(?:[.,]\d{1,3})?`;

/**
 * Normalise a timestamp to `HH:MM:SS` (`HH:MM:SS.mmm` when it has fractions).
 * @example normaliseTimestamp('2:03') // '00:02:03'
 */
export function normaliseTimestamp(raw: string): string {
  const [clock, fraction] = raw.trim().split(/[.,]/);
  const parts = clock.split(':').map((p) => p.padStart(2, '0'));
  while (parts.length < 3) parts.unshift('00');
  const base = parts.join(':');
  return fraction === undefined ? base : `${base}.${fraction.padEnd(3, '0')}`;
}
