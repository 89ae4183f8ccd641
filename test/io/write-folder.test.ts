import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFolderAtomic } from '../../src/io/write-folder.js';
import { writeFileAtomic } from '../../src/io/write-file.js';
import { runCli } from '../helpers/cli.js';

/** A process id that no process has (above Linux's largest pid_max). */
const DEAD_PID = 4_194_305;

describe('writeFolderAtomic', () => {
  it('leaves neither the folder nor a temporary when writing fails half-way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qda-folder-'));
    const files = new Map<string, string>([
      ['a.txt', 'one'],
      ['b.txt', 'two'],
      ['b.txt/c.txt', 'cannot: b.txt is a file'],
    ]);
    await expect(writeFolderAtomic(join(dir, 'out'), files, () => true)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the old folder whole when the new one cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qda-folder-'));
    const out = join(dir, 'out');
    await writeFolderAtomic(out, new Map([['a.txt', 'old']]), () => true);
    await expect(
      writeFolderAtomic(
        out,
        new Map([
          ['a.txt', 'new'],
          ['a.txt/x', 'fails'],
        ]),
        () => true,
      ),
    ).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['out']);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('old');
  });

  it('removes temporaries that killed runs left, and keeps those of running processes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qda-folder-'));
    const stale = [`.report.qda-tmp-${DEAD_PID}-k1`, `.report.qda-old-${DEAD_PID}-k2`];
    const running = `.report.qda-tmp-${process.ppid}-k3`;
    for (const name of [...stale, running]) mkdirSync(join(dir, name));
    writeFileSync(join(dir, `.codings.csv.qda-tmp-${DEAD_PID}-k4`), 'half a file');
    await writeFolderAtomic(join(dir, 'report'), new Map([['a.txt', 'x']]), () => true);
    await writeFileAtomic(join(dir, 'codings.csv'), 'whole');
    expect(readdirSync(dir).sort()).toEqual([running, 'codings.csv', 'report'].sort());
  });

  it('qda qdpx import refuses a folder that holds other files, and writes nothing into it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'qda-folder-'));
    writeFileSync(join(out, 'notes.docx'), 'mine');
    const r = await runCli('qdpx', 'import', 'test/fixtures/agreement/coders.qdpx', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /--out already holds files that are not part of an imported project \(notes\.docx\); choose a new or empty folder \[out-not-import\]/,
    );
    expect(readdirSync(out)).toEqual(['notes.docx']);
    expect((await runCli('qdpx', 'import', 'test/fixtures/agreement/coders.qdpx', '--out', join(out, 'fresh'))).code).toBe(0);
    expect((await runCli('qdpx', 'import', 'test/fixtures/agreement/coders.qdpx', '--out', join(out, 'fresh'))).code).toBe(0);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)("removes this run's temporaries on %s", async (signal) => {
    const dir = mkdtempSync(join(tmpdir(), 'qda-signal-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/hold-temporary.ts', join(dir, 'report')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const temporary = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())));
    expect(existsSync(temporary)).toBe(true);
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, s) => resolve(s)));
    child.kill(signal);
    expect(await ended).toBe(signal);
    expect(readdirSync(dir)).toEqual([]);
  });
});
