// Library functions check their own options: a wrong one is a TypeError that names the
// function, the option and what it may be, never a silent default.

function shown(value: unknown): string {
  return typeof value === 'string'
    ? JSON.stringify(value)
    : typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined
      ? String(value)
      : typeof value;
}

/**
 * Check that an option, when given (always, when `required`), is one of `allowed`.
 * @example checkChoice('codeCorpus', 'unit', 'sentense', ['turn', 'paragraph', 'sentence']) // throws TypeError: codeCorpus: option unit must be one of turn, paragraph, sentence; got "sentense"
 */
export function checkChoice<T extends string>(
  fn: string,
  option: string,
  value: unknown,
  allowed: readonly T[],
  options: { required?: boolean } = {},
): asserts value is T | undefined {
  if ((value !== undefined || options.required) && !allowed.includes(value as T))
    throw new TypeError(`${fn}: option ${option} must be one of ${allowed.join(', ')}; got ${shown(value)}`);
}

/**
 * Check that an option, when given, is a whole number within `[min, max]`.
 * @example checkInteger('kwic', 'window', -1, { min: 0 }) // throws TypeError: kwic: option window must be a whole number from 0 up; got -1
 */
export function checkInteger(
  fn: string,
  option: string,
  value: unknown,
  range: { min?: number; max?: number } = {},
): asserts value is number | undefined {
  if (value === undefined) return;
  const { min, max } = range;
  if (typeof value !== 'number' || !Number.isInteger(value) || (min !== undefined && value < min) || (max !== undefined && value > max)) {
    const bounds =
      min !== undefined && max !== undefined
        ? ` from ${min} to ${max}`
        : min !== undefined
          ? ` from ${min} up`
          : max !== undefined
            ? ` up to ${max}`
            : '';
    throw new TypeError(`${fn}: option ${option} must be a whole number${bounds}; got ${shown(value)}`);
  }
}

/**
 * Check that an option, when given, is a finite number with `min < value <= max` (or `min <= value` when `minIncluded`).
 * @example checkNumber('overlapUnits', 'minOverlap', 0, { min: 0, max: 1 }) // throws TypeError: overlapUnits: option minOverlap must be a number above 0 and at most 1; got 0
 */
export function checkNumber(
  fn: string,
  option: string,
  value: unknown,
  range: { min: number; max: number; minIncluded?: boolean; maxExcluded?: boolean },
): asserts value is number | undefined {
  if (value === undefined) return;
  const { min, max, minIncluded, maxExcluded } = range;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (minIncluded ? value >= min : value > min) &&
    (maxExcluded ? value < max : value <= max);
  if (!ok)
    throw new TypeError(
      `${fn}: option ${option} must be a number ${minIncluded ? `from ${min}` : `above ${min}`} and ${maxExcluded ? `below ${max}` : `at most ${max}`}; got ${shown(value)}`,
    );
}

/**
 * Check that an option, when given (always, when `required`), is a string (optionally non-empty).
 * @example checkString('frequencies', 'language', 3) // throws TypeError: frequencies: option language must be a text; got 3
 */
export function checkString(
  fn: string,
  option: string,
  value: unknown,
  options: { nonEmpty?: boolean; required?: boolean } = {},
): asserts value is string | undefined {
  if (value === undefined && !options.required) return;
  if (typeof value !== 'string' || (options.nonEmpty && value.trim() === ''))
    throw new TypeError(`${fn}: option ${option} must be a${options.nonEmpty ? ' non-empty' : ''} text; got ${shown(value)}`);
}

/**
 * Check that an option, when given, is a list of texts — each one of `allowed`, when given.
 * @example checkList('toMarkdown', 'right', ['count'], ['code', 'n']) // throws TypeError: toMarkdown: option right must be a list of code, n; got "count"
 */
export function checkList(fn: string, option: string, value: unknown, allowed?: readonly string[]): asserts value is string[] | undefined {
  if (value === undefined) return;
  const what = allowed ? `a list of ${allowed.join(', ')}` : 'a list of texts';
  if (!Array.isArray(value)) throw new TypeError(`${fn}: option ${option} must be ${what}; got ${shown(value)}`);
  const wrong = value.findIndex((item: unknown) => typeof item !== 'string' || (allowed !== undefined && !allowed.includes(item)));
  if (wrong !== -1) throw new TypeError(`${fn}: option ${option} must be ${what}; got ${shown(value[wrong])}`);
}

/**
 * Check that an option, when given, is true or false.
 * @example checkBoolean('toCsv', 'header', 'no') // throws TypeError: toCsv: option header must be true or false; got "no"
 */
export function checkBoolean(fn: string, option: string, value: unknown): asserts value is boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean')
    throw new TypeError(`${fn}: option ${option} must be true or false; got ${shown(value)}`);
}

/**
 * Check that an option, when given, is a list of objects that each have a text `field`.
 * @example checkObjectList('fromText', 'participants', [{ role: 'x' }], 'name') // throws TypeError: fromText: option participants must be a list of objects with a text name; got object
 */
export function checkObjectList(fn: string, option: string, value: unknown, field: string): void {
  if (value === undefined) return;
  const what = `a list of objects with a text ${field}`;
  if (!Array.isArray(value)) throw new TypeError(`${fn}: option ${option} must be ${what}; got ${shown(value)}`);
  const wrong = value.findIndex(
    (item: unknown) => item === null || typeof item !== 'object' || typeof (item as Record<string, unknown>)[field] !== 'string',
  );
  if (wrong !== -1) throw new TypeError(`${fn}: option ${option} must be ${what}; got ${shown(value[wrong])}`);
}

/**
 * Check that an option, when given, is an object of attribute values (text, number, true or false, null).
 * @example checkAttributes('fromText', 'attributes', { site: ['a'] }) // throws TypeError: fromText: option attributes must be an object of texts, numbers, true/false or null; got object
 */
export function checkAttributes(fn: string, option: string, value: unknown): void {
  if (value === undefined) return;
  const what = 'an object of texts, numbers, true/false or null';
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new TypeError(`${fn}: option ${option} must be ${what}; got ${shown(value)}`);
  const wrong = Object.values(value).find((v: unknown) => v !== null && !['string', 'number', 'boolean'].includes(typeof v));
  if (wrong !== undefined) throw new TypeError(`${fn}: option ${option} must be ${what}; got ${shown(wrong)}`);
}
