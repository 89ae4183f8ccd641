import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs, { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { QdaError } from '../../src/model/message.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { runCli } from '../helpers/cli.js';
import { BULK } from '../helpers/project-writer.js';
import { seeded } from '../helpers/cli.js';
import { mountTmpfs, type Tmpfs } from '../helpers/tmpfs.js';
import { doc, tempDir } from './helpers.js';

const CODEBOOK = 'codebooks/lk3-psychosocial.yaml';
const SAMPLE = ['data-sample/transcripts/informan-01.md', 'data-sample/transcripts/informan-02.md'];

async function sampleProject(dir = tempDir()): Promise<string> {
  const file = join(dir, 'study.qda');
  const created = await runCli('project', 'create', file, '--codebook', CODEBOOK, ...SAMPLE);
  expect(created.code, created.stderr).toBe(0);
  return file;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Start a child script; resolves once it prints `ready`, with everything it prints after. */
function startChild(script: string, args: string[]): Promise<{ child: ChildProcess; lines: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  let buffer = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      for (const line of parts) {
        if (line.startsWith('ready')) resolve({ child, lines });
        else lines.push(line);
      }
    });
    child.on('exit', (code) => reject(new Error(`${script} ended (${code}) before it was ready: ${stderr}`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('kill -9 at random moments', () => {
  it('loses at most the change in flight and leaves a sound file, over 24 kills', async () => {
    const file = await sampleProject();
    const probe = join(tempDir(), 'probe.qda');
    copyFileSync(file, probe);
    await runCli('project', 'code', probe);
    const probeStore = await openSqliteStore(probe, { mode: 'read' });
    const autoPerRun = (await probeStore.listCodings({ origin: 'auto' })).length;
    await probeStore.close();
    expect(autoPerRun).toBeGreaterThan(10);
    const random = seeded(20261130);
    let first = 1;
    let midTransaction = 0;
    let minimumCommitted = 0;
    const committedSteps: number[] = [];
    for (let kill = 0; kill < 24; kill++) {
      const { child, lines } = await startChild('test/helpers/project-writer.ts', [file, String(first)]);
      // A random moment inside the stream of writes: after a random number of commits, then a random pause.
      const commits = Math.floor(random() * 4);
      minimumCommitted += commits;
      while (lines.length < commits && child.exitCode === null) await sleep(5);
      await sleep(Math.floor(random() * 150));
      await killed(child);
      expect(child.signalCode, 'the writer ran until it was killed').toBe('SIGKILL');
      if (existsSync(`${file}.lock`) || existsSync(`${file}-journal`)) midTransaction++;
      const reported = lines.filter((l) => /^\d+$/.test(l)).map(Number);
      committedSteps.push(...reported);

      const notices: string[] = [];
      const store = await openSqliteStore(file, { mode: 'write', notice: (t) => notices.push(t) });
      expect(notices.join(), "the dead writer's lock is recovered").toMatch(
        /recovered the lock of process \d+, which is no longer running/,
      );
      expect((await store.check()).filter((m) => m.fatal)).toEqual([]);
      const codings = await store.listCodings();
      const byMemo = new Map<string, number>();
      for (const c of codings) if (c.memo) byMemo.set(c.memo, (byMemo.get(c.memo) ?? 0) + 1);
      const codedSteps = (await store.listChanges({ actor: 'writer' })).filter((c) => c.label.startsWith('automatic coding')).length;
      for (const step of committedSteps) {
        if (step % 7 === 0) continue;
        const expected = step % 3 === 0 ? BULK : 1;
        expect(byMemo.get(step % 3 === 0 ? `bulk-${step}` : `step-${step}`), `committed step ${step}`).toBe(expected);
      }
      expect(codedSteps).toBeGreaterThanOrEqual(committedSteps.filter((s) => s % 7 === 0).length);
      for (const [memo, n] of byMemo) if (memo.startsWith('bulk-')) expect(n, memo).toBe(BULK);
      const auto = codings.filter((c) => c.origin === 'auto').length;
      expect(auto === 0 || auto === autoPerRun, `${auto} automatic codings: a partial run of ${autoPerRun}`).toBe(true);
      if (codedSteps > 0) expect(auto).toBe(autoPerRun);
      const steps = [...byMemo.keys()].map((m) => Number(m.split('-')[1]));
      const highest = Math.max(0, ...steps, ...committedSteps);
      await store.close();
      expect(existsSync(`${file}.owner`)).toBe(false);
      first = highest + 1;
    }
    const check = await runCli('project', 'check', file);
    expect(check.code, check.stderr).toBe(0);
    process.stderr.write(
      `kill -9 loop: 24 kills, ${midTransaction} left a lock or journal behind, ${committedSteps.length} committed steps checked, none lost\n`,
    );
    expect(committedSteps.length).toBeGreaterThanOrEqual(minimumCommitted);
  }, 300_000);
});

describe('a second process', () => {
  it('gets a clear message while a writer holds the project, may read meanwhile, and takes over once the writer is killed', async () => {
    const file = await sampleProject();
    const { child } = await startChild('test/helpers/project-holder.ts', [file]);
    try {
      const busy = await runCli('project', 'code', file);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(
        new RegExp(`study\\.qda: error: project is in use by process ${child.pid} \\(qda [^)]*\\) since \\d{4}-.*\\[project-busy\\]`),
      );
      const info = await runCli('project', 'info', file);
      expect(info.code).toBe(0);
      expect(info.stdout).toMatch(/documents +2/);
    } finally {
      await killed(child);
    }
    const after = await runCli('project', 'code', file);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stderr).toMatch(new RegExp(`recovered the lock of process ${child.pid}, which is no longer running`));
  });

  it('recovers a SQLite lock directory left by a crashed process, for writers and readers', async () => {
    const file = await sampleProject();
    mkdirSync(`${file}.lock`);
    writeFileSync(
      `${file}.owner`,
      JSON.stringify({
        pid: 2 ** 22 + 12345,
        host: (await import('node:os')).hostname(),
        command: 'qda serve',
        since: '2026-01-01T00:00:00Z',
      }),
    );
    const writer = await openSqliteStore(file, { mode: 'write' });
    expect((await writer.listDocuments()).length).toBe(2);
    await writer.close();
    mkdirSync(`${file}.lock`);
    const notices: string[] = [];
    const reader = await openSqliteStore(file, { mode: 'read', busyTimeoutMs: 200, notice: (t) => notices.push(t) });
    expect((await reader.listDocuments()).length).toBe(2);
    expect(notices.join()).toMatch(/removed a lock left by a process that ended/);
    await reader.close();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});

describe('a live reader', () => {
  it('keeps its lock: a writer that waits too long reports the project busy instead of breaking the lock', async () => {
    const file = await sampleProject();
    await (await openSqliteStore(file, { mode: 'read' })).close();
    expect(existsSync(`${file}.readers`), 'a reader that closes leaves no record').toBe(false);
    const { child } = await startChild('test/helpers/project-holder.ts', [file, 'read']);
    const writer = await openSqliteStore(file, { mode: 'write', busyTimeoutMs: 200 });
    try {
      // The reader is inside a long statement: its lock folder exists.
      mkdirSync(`${file}.lock`);
      const attempt = writer.change('ana', 'x', (tx) =>
        tx.addCoding({ document: 'informan-01', start: 0, end: 4, code: 'impact/psychological', origin: 'manual' }),
      );
      await expect(attempt).rejects.toThrow(new RegExp(`in use by process ${child.pid} .*\\[project-busy\\]`));
      expect(existsSync(`${file}.lock`)).toBe(true);
      await killed(child);
      // The reader has died holding it: now the lock is a leftover, and is recovered.
      await writer.change('ana', 'x', (tx) =>
        tx.addCoding({ document: 'informan-01', start: 0, end: 4, code: 'impact/psychological', origin: 'manual' }),
      );
      expect((await writer.listCodings()).length).toBe(1);
      expect(existsSync(`${file}.lock`)).toBe(false);
    } finally {
      await killed(child);
      await writer.close();
    }
  });
});

describe('damaged, foreign, truncated, read-only files and a full disk', () => {
  const mounts: Tmpfs[] = [];
  afterAll(() => mounts.forEach((m) => m.unmount()));

  it.each([
    [
      'a text file',
      (f: string) => writeFileSync(f, 'document,code\na,b\n'),
      /not a qda project \(not an SQLite database\) \[project-not-sqlite\]/,
    ],
    ['a file cut to 50 bytes', (f: string) => truncateSync(f, 50), /truncated \(50 bytes\) \[project-truncated\]/],
    [
      'a file cut in half',
      (f: string) => truncateSync(f, Math.floor(statSync(f).size / 2 / 4096) * 4096),
      /truncated: \d+ bytes where its header says \d+ \[project-truncated\]/,
    ],
  ])('%s: a located message, exit 1, the file untouched', async (_what, damage, pattern) => {
    const file = await sampleProject();
    damage(file);
    const before = sha(file);
    for (const argv of [
      ['project', 'info', file],
      ['project', 'add', file, 'data-sample/transcripts/informan-03.md'],
      ['report', '--project', file, '--out', join(tempDir(), 'r')],
    ]) {
      const run = await runCli(...argv);
      expect(run.code, argv.join(' ')).toBe(1);
      expect(run.stderr).toMatch(pattern);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(sha(file)).toBe(before);
    expect(existsSync(`${file}.owner`)).toBe(false);
  });

  it('a damaged page: check reports it, writing is refused, the file is never made worse', async () => {
    const file = await sampleProject();
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over the b-tree pages after the first three (the schema stays readable).
    for (let p = 3; p * pageSize < bytes.length; p++) bytes.fill(0xa5, p * pageSize, p * pageSize + 64);
    writeFileSync(file, bytes);
    const before = sha(file);
    const check = await runCli('project', 'check', file);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(
      /study\.qda: error: (the project file is damaged|SQLite integrity: .*) \[(project-damaged|sqlite-integrity)\]/,
    );
    const add = await runCli('project', 'add', file, 'data-sample/transcripts/informan-03.md');
    expect(add.code).toBe(1);
    expect(add.stderr).toMatch(/\[project-damaged\]/);
    expect(add.stderr).not.toMatch(/\n\s+at /);
    expect(sha(file)).toBe(before);
  });

  it('a project with database code qda did not write (a trigger) is not opened', async () => {
    const file = await sampleProject();
    const store = await openSqliteStore(file, { mode: 'read' });
    await store.close();
    // Add a trigger the way another tool could, through SQLite itself.
    const { createRequire } = await import('node:module');
    const { Database } = createRequire(import.meta.url)('node-sqlite3-wasm') as typeof import('node-sqlite3-wasm');
    const db = new Database(file);
    db.exec('CREATE TRIGGER sneaky AFTER INSERT ON codings BEGIN DELETE FROM documents; END');
    db.close();
    const before = sha(file);
    const run = await runCli('project', 'add', file, 'data-sample/transcripts/informan-03.md');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'study.qda: error: the project holds database code qda did not write (trigger "sneaky"); it was not opened [project-foreign-code]',
    );
    expect(sha(file)).toBe(before);
  });

  it('an SQLite database of another program is not taken for a project', async () => {
    const file = join(tempDir(), 'other.db');
    const store = await openSqliteStore(await sampleProject(), { mode: 'read' });
    await store.close();
    copyFileSync(store.location, file);
    const bytes = readFileSync(file);
    bytes.writeUInt32BE(0, 68); // application_id
    writeFileSync(file, bytes);
    const run = await runCli('project', 'info', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('other.db: error: not a qda project (an SQLite database of another program) [project-not-qda]');
  });

  it('a read-only file system: reading works, writing is a located message, nothing changes', async () => {
    const disk = mountTmpfs('4m');
    if (disk) mounts.push(disk);
    const dir = disk?.dir ?? tempDir();
    const file = await sampleProject(dir);
    await runCli('project', 'code', file);
    const before = sha(file);
    if (disk) disk.readOnly();
    else (fs.chmodSync(dir, 0o555), fs.chmodSync(file, 0o444));
    expect(process.getuid?.() === 0 && !disk, 'as root, only a read-only mount makes a file read-only').toBe(false);
    const info = await runCli('project', 'info', file);
    expect(info.code, info.stderr).toBe(0);
    const report = await runCli('report', '--project', file, '--out', join(tempDir(), 'r'));
    expect(report.code, report.stderr).toBe(0);
    const add = await runCli('project', 'code', file);
    expect(add.code).toBe(1);
    expect(add.stderr).toMatch(/study\.qda: error: the project file or its folder is read-only \[project-read-only\]/);
    expect(sha(file)).toBe(before);
  });

  it('a full disk: the change is refused with a located message, earlier changes survive, the file passes check', async () => {
    const disk = mountTmpfs('2m');
    if (disk) mounts.push(disk);
    const dir = disk?.dir ?? tempDir();
    const file = await sampleProject(dir);
    const store = await openSqliteStore(file, { mode: 'write' });
    await store.change('ana', 'one', (tx) =>
      tx.addCoding({ document: 'informan-01', start: 0, end: 10, code: 'impact/psychological', origin: 'manual' }),
    );
    const big = doc('big', 'kata '.repeat(200_000));
    if (disk) {
      // Fill the disk but for a few pages: the next big write cannot fit.
      const free = fs.statfsSync(dir);
      writeFileSync(join(dir, 'filler'), Buffer.alloc(Math.max(0, free.bavail * free.bsize - 16_384)));
    }
    const realWrite = fs.writeSync;
    if (!disk) {
      // No tmpfs here: the disk fills up when SQLite next writes.
      (fs as { writeSync: typeof fs.writeSync }).writeSync = (() => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }) as typeof fs.writeSync;
    }
    let error: unknown;
    try {
      await store.change('ana', 'big', (tx) => tx.addDocument(big));
    } catch (e) {
      error = e;
    } finally {
      (fs as { writeSync: typeof fs.writeSync }).writeSync = realWrite;
    }
    expect(error).toBeInstanceOf(QdaError);
    expect(String(error)).toMatch(
      /study\.qda: error: (the disk is full; the change was not saved \[disk-full\]|could not write the project \(disk full or failing\); the change was not saved \[project-io\])/,
    );
    await store.close();
    const check = await runCli('project', 'check', file);
    expect(check.code, check.stderr).toBe(0);
    const reopened = await openSqliteStore(file, { mode: 'read' });
    expect((await reopened.listDocuments()).map((d) => d.id)).toEqual(['informan-01', 'informan-02']);
    expect((await reopened.listCodings()).length).toBe(1);
    await reopened.close();
    if (disk) {
      const cli = await runCli(
        'project',
        'add',
        file,
        'data-sample/transcripts/informan-03.md',
        'data-sample/transcripts/informan-04.md',
        'data-sample/transcripts/informan-05.md',
        'data-sample/transcripts/informan-06.md',
      );
      expect(cli.code).toBe(1);
      expect(cli.stderr).toMatch(/\[(disk-full|project-io)\]/);
      expect((await runCli('project', 'check', file)).code).toBe(0);
    }
  });
});
