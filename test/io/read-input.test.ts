import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSize, InputRefusedError, parseSize, readInputFile } from '../../src/io/read-input.js';
import { runCli } from '../helpers/cli.js';

describe('readInputFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qda-input-'));
  const file = join(dir, 'long.txt');
  writeFileSync(file, `Ani: ${'kata '.repeat(1000)}\n`);

  it('reads a file within the limit and refuses one above it', async () => {
    expect((await readInputFile(file, 10_000)).length).toBe(5006);
    await expect(readInputFile(file, 5000)).rejects.toThrow(
      /^is 4\.9 KB, above the limit of 4\.9 KB for one input; raise it with --max-input-size/,
    );
    await expect(readInputFile(file, 5000)).rejects.toBeInstanceOf(InputRefusedError);
  });

  it.runIf(existsSync('/dev/zero'))('refuses a device that never ends, before reading it', async () => {
    await expect(readInputFile('/dev/zero')).rejects.toThrow(/^is not a regular file \(a device, pipe or socket\)/);
  });

  it('reads sizes as people write them', () => {
    expect(parseSize('5000')).toBe(5000);
    expect(parseSize('500k')).toBe(512_000);
    expect(parseSize('64MB')).toBe(64 * 1024 ** 2);
    expect(parseSize('1.5 GiB')).toBe(1.5 * 1024 ** 3);
    expect(parseSize('lots')).toBeUndefined();
    expect(parseSize('0')).toBeUndefined();
    expect(formatSize(64 * 1024 ** 2)).toBe('64 MB');
  });
});

describe('transcript size limits on the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qda-input-'));
  const file = join(dir, 'one-line.txt');
  writeFileSync(file, `Ani: ${'kata '.repeat(4000)}\n`);

  it('refuses a transcript above --max-input-size with a located message, and reads it when raised', async () => {
    const refused = await runCli('import', file, '--max-input-size', '10k');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `${file}: error: is 19.5 KB, above the limit of 10 KB for one input; raise it with --max-input-size (e.g. --max-input-size 1MB), or split the file (JSONL transcripts are streamed without this limit) [input-too-large]\n`,
    );
    expect(refused.stdout).toBe('');
    const raised = await runCli('import', file, '--max-input-size', '1MB');
    expect(raised.code).toBe(0);
  });

  it.runIf(existsSync('/dev/zero'))('refuses /dev/zero at once', async () => {
    const r = await runCli('code', '/dev/zero', '--codebook', 'codebooks/lk3-psychosocial.yaml', '--input-format', 'txt');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^\/dev\/zero: error: is not a regular file \(a device, pipe or socket\); qda reads only files \[not-regular-file\]$/m,
    );
  });

  it('rejects an unreadable size as a usage error', async () => {
    const r = await runCli('import', file, '--max-input-size', 'huge');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/give a size such as 256MB/);
  });
});
