import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('the README library example', () => {
  it('runs and prints a frequency table', async () => {
    const readme = readFileSync('README.md', 'utf8');
    const example = /<!-- library-example -->\s*```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example, 'README.md has a ```ts block after <!-- library-example -->').toBeDefined();
    expect(example!.trim().split('\n').length).toBeLessThanOrEqual(10);
    const dir = mkdtempSync(join(tmpdir(), 'qda-readme-'));
    const script = join(dir, 'example.mts');
    writeFileSync(script, example!.replace(/from 'qda'/g, `from ${JSON.stringify(resolve('src/index.ts'))}`));
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script], { timeout: 60_000 });
    expect(stdout).toMatch(/\| factor\/attachment \|/);
    expect(stdout).toMatch(/social worker/);
  });
});
