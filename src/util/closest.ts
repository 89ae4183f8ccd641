/**
 * The option nearest to `word` (case-insensitive edit distance below `maxDistance`), for a
 * "did you mean" hint; undefined when none is close.
 * @example closest('suport', ['support', 'stage']) // 'support'
 */
export function closest(word: string, options: readonly string[], maxDistance = 3): string | undefined {
  let best: string | undefined;
  let bestDistance = maxDistance;
  const lower = word.toLowerCase();
  for (const o of options) {
    const d = editDistance(lower, o.toLowerCase());
    if (d < bestDistance) {
      best = o;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance between two strings (UTF-16 units). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}
