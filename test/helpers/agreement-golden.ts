import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

/**
 * Compare rendered output with its golden file under test/golden/agreement/; run with
 * UPDATE_GOLDEN=1 to rewrite the file after a deliberate change (and review the diff).
 */
export function expectGolden(name: string, actual: string): void {
  const path = `test/golden/agreement/${name}`;
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
