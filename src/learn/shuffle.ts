/**
 * Shuffle an array in place (Fisher–Yates) with a seeded source of numbers in [0, 1).
 * @example shuffleInPlace([1, 2, 3], seededRandom(1))
 */
export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
