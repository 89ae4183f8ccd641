/**
 * Seconds as a caption timestamp `HH:MM:SS.mmm`.
 * @example clockFromSeconds(83.5) // '00:01:23.500'
 */
export function clockFromSeconds(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}
