// Golden files for rendered outputs: compare, or rewrite them with UPDATE_GOLDEN=1.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

export const GOLDEN = 'test/golden/report';

/** Compare `actual` with the golden file `name` (under test/golden/report), showing a diff when they differ. */
export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`golden file ${path} is missing; create it with: UPDATE_GOLDEN=1 npx vitest run test/report`);
  expect(actual, `${name} differs from ${path}; if the change is intended: UPDATE_GOLDEN=1 npx vitest run test/report`).toBe(readFileSync(path, 'utf8'));
}
