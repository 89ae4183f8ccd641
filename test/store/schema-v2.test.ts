import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/schema.js';
import { openSqliteStore, openWithSchema } from '../../src/store/sqlite-store.js';
import { codebook, doc, tempDir } from './helpers.js';

describe('project schema 2: learned suggestions', () => {
  it('migrates a schema 1 file: codings keep their ids, gain no score, and learned suggestions can be stored', async () => {
    const file = join(tempDir(), 'study.qda');
    const v1 = await openWithSchema(file, { mode: 'write', create: true }, { version: 1, migrations: { 1: MIGRATIONS[1] } });
    await v1.change('ana', 'set up', async (tx) => {
      await tx.saveCodebook(codebook(), 'first');
      await tx.addDocument(doc('d1', 'I was afraid but my sister helped me.'));
    });
    await v1.close();
    // A coding as a schema 1 qda wrote it (today's store writes the new columns).
    const { Database } = createRequire(import.meta.url)('node-sqlite3-wasm') as typeof import('node-sqlite3-wasm');
    const raw = new Database(file);
    raw.run(`INSERT INTO codings (document, start, "end", code, coder, origin, status, memo, matches, hits, created_at, updated_at)
      VALUES ('d1', 6, 12, 'fear', 'ana', 'manual', 'accepted', NULL, '[]', '[]', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`);
    raw.close();

    const store = await openSqliteStore(file, { mode: 'write', notice: () => undefined });
    expect((await store.info()).schemaVersion).toBe(2);
    const [kept] = await store.listCodings();
    expect(kept).toMatchObject({ id: 1, code: 'fear', coder: 'ana', origin: 'manual', status: 'accepted', score: null, explanation: [] });
    const because = [{ feature: 'w:afraid', label: 'afraid', weight: 0.8 }];
    const added = await store.change('ana', 'learned suggestions', (tx) =>
      tx.addCoding({ document: 'd1', start: 0, end: 12, code: 'fear', origin: 'learned', coder: 'ana', score: 0.75, explanation: because }),
    );
    expect(added).toMatchObject({ origin: 'learned', status: 'suggested', score: 0.75, explanation: because });
    await expect(
      store.change('ana', 'bad score', (tx) =>
        tx.addCoding({ document: 'd1', start: 0, end: 1, code: 'fear', origin: 'learned', score: 1.5 }),
      ),
    ).rejects.toThrow('coding score must be a number from 0 to 1, or null (got 1.5)');
    expect((await store.listCodings({ origin: 'learned' })).map((c) => c.score)).toEqual([0.75]);
    await store.undo('ana');
    expect(await store.listCodings({ origin: 'learned' })).toEqual([]);
    await store.close();
  });
});
