/**
 * `base`, or `base-2`, `base-3`… — the first that is not in `taken`; it is added to `taken`.
 * @example uniqueName('a', new Set(['a'])) // 'a-2'
 */
export function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}
