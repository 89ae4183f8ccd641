// Golden files for rendered outputs, under test/golden/: compare, or rewrite them after a
// deliberate change with UPDATE_GOLDEN=1 (then review the diff and say why in the commit).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

/** The folder of golden files. */
export const GOLDEN = 'test/golden';

/**
 * Compare `actual` with the golden file `name` (a path under test/golden/, e.g.
 * `report/frequencies.md`), showing a diff when they differ.
 */
export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`golden file ${path} is missing; create it with UPDATE_GOLDEN=1`);
  expect(actual, `${name} differs from ${path}; if the change is intended, rerun with UPDATE_GOLDEN=1 and review the diff`).toBe(
    readFileSync(path, 'utf8'),
  );
}
