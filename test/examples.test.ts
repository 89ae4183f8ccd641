// The `@example`s of the TSDoc are checked: every one-line example of the form
// `expression // result` whose expression needs nothing but the library is run, and its result
// compared with what the comment says. Examples that use a reader's own data (`corpus`,
// `codebook`…) or describe the result in words are listed as not checkable.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Example {
  file: string;
  line: number;
  expression: string;
  result: string;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** One-line examples with a stated result: `@example expression // result`. */
function examples(): Example[] {
  const out: Example[] = [];
  for (const file of sources('src')) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        const m = /^\s*\*\s*@example\s+(.*?)\s+\/\/\s+(.+)$/.exec(text);
        if (m) out.push({ file, line: i + 1, expression: m[1].replace(/;$/, ''), result: m[2].trim() });
      });
  }
  return out;
}

/** The stated result as a value, or undefined when it is words, or an elided value ("0.444…", "[…]"). */
function statedValue(result: string): { value: unknown } | { prefix: string } | undefined {
  const elided = /^(-?\d+\.\d+)…$/.exec(result);
  if (elided) return { prefix: elided[1] };
  if (result.includes('…') || result.includes('xxxx')) return undefined;
  // Node prints typed arrays as `Uint8Array [1, 0]`.
  const source = result.replace(/^(\w+Array) (\[.*\])$/, '$1.from($2)');
  try {
    return { value: new Function(`return (${source});`)() };
  } catch {
    return undefined;
  }
}

const library = await import(pathToFileURL(resolve('src/index.ts')).href);
const all = examples();

/** Run an example with the library and its own module in scope; undefined when it needs other names. */
async function run(example: Example): Promise<{ value: unknown } | undefined> {
  const own = await import(pathToFileURL(resolve(example.file)).href);
  const scope = { ...library, ...own } as Record<string, unknown>;
  const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  let value: unknown;
  try {
    value = new Function(...names, `return (${example.expression});`)(...names.map((n) => scope[n]));
  } catch (e) {
    if (e instanceof ReferenceError || e instanceof SyntaxError) return undefined;
    throw new Error(`${example.file}:${example.line}: ${example.expression} threw ${(e as Error).message}`);
  }
  return { value: value instanceof Promise ? await value : value };
}

describe('TSDoc @examples', async () => {
  const checked: Array<[string, Example, unknown, NonNullable<ReturnType<typeof statedValue>>]> = [];
  for (const example of all) {
    const stated = statedValue(example.result);
    if (stated === undefined) continue;
    const ran = await run(example);
    if (ran === undefined) continue;
    checked.push([`${example.file}:${example.line} ${example.expression}`, example, ran.value, stated]);
  }

  it('checks a good share of the stated examples', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(checked.length).toBeGreaterThanOrEqual(40);
  });

  it.each(checked)('%s', (_name, example, actual, stated) => {
    if ('prefix' in stated) expect(String(actual).startsWith(stated.prefix), `${example.expression} gave ${String(actual)}`).toBe(true);
    else if (typeof stated.value === 'number' && typeof actual === 'number')
      expect(Math.abs(actual - stated.value), `${example.file}:${example.line}: ${actual}`).toBeLessThanOrEqual(
        1e-12 * Math.max(1, Math.abs(stated.value)),
      );
    else expect(actual, `${example.file}:${example.line}`).toEqual(stated.value);
  });
});
