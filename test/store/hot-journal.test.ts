// A crash in the middle of a commit leaves the project file half-written beside a hot rollback
// journal (page 1 may already count pages that were never written). Opening the project for
// writing must roll that change back — the WebAssembly driver never does (src/store/hot-journal.ts).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { codebook, doc, tempDir } from './helpers.js';

/** Python's sqlite3 (a second, independent SQLite) writes a transaction that spills pages into the file, then dies. */
const CRASH_MID_TRANSACTION = `
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute('pragma cache_size=2')
c.execute('begin')
c.execute("update codings set memo = 'half-written'")
c.execute('create table scratch(x)')
c.execute("insert into scratch select randomblob(1000) from (with recursive n(i) as (select 1 union all select i+1 from n where i<3000) select i from n)")
os._exit(0)
`;

describe('a hot journal left by a crash', () => {
  it('is rolled back when the project is opened for writing, even when page 1 counts pages the file lacks', async () => {
    const file = join(tempDir(), 'study.qda');
    const store = await openSqliteStore(file, { mode: 'write', create: true });
    await store.change('ana', 'set up', async (tx) => {
      await tx.saveCodebook(codebook());
      await tx.addDocument(doc('d1', 'Saya takut sekali waktu itu.'));
      await tx.addCoding({ document: 'd1', start: 5, end: 10, code: 'fear', coder: 'ana', origin: 'manual' });
    });
    await store.close();
    const committedSize = statSync(file).size;

    const crash = spawnSync('python3', ['-c', CRASH_MID_TRANSACTION, file], { encoding: 'utf8' });
    expect(crash.status, crash.stderr).toBe(0);
    expect(statSync(`${file}-journal`).size, 'a hot journal is left').toBeGreaterThan(0);
    expect(statSync(file).size, 'the crashed change reached the file').toBeGreaterThan(committedSize);

    // Page 1 written ahead of the pages it counts: the in-header page count runs past the file's end.
    const fd = openSync(file, 'r+');
    const header = Buffer.alloc(100);
    readSync(fd, header, 0, 100, 0);
    header.writeUInt32BE(Math.ceil(statSync(file).size / header.readUInt16BE(16)) + 16, 28);
    writeSync(fd, header, 0, 100, 0);
    closeSync(fd);

    const notices: string[] = [];
    const reopened = await openSqliteStore(file, { mode: 'write', notice: (t) => notices.push(t) });
    expect(notices.join()).toMatch(/rolled back a change that a stopped process left half-written/);
    expect((await reopened.check()).filter((m) => m.fatal)).toEqual([]);
    const codings = await reopened.listCodings();
    expect(codings.map((c) => [c.document, c.start, c.end, c.code, c.memo ?? ''])).toEqual([['d1', 5, 10, 'fear', '']]);
    await reopened.close();
    expect(existsSync(`${file}-journal`), 'the journal is gone').toBe(false);
    expect(statSync(file).size, 'the file is back to its committed size').toBe(committedSize);
  });
});
