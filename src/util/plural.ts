/**
 * A count with its noun in English, singular for exactly one: `1 document`, `2 documents`,
 * `0 documents`. `many` is the plural when it is not `one` + "s".
 * @example counted(1, 'document') // '1 document'
 * @example counted(3, 'coder') // '3 coders'
 * @example counted(2, 'person', 'people') // '2 people'
 */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
