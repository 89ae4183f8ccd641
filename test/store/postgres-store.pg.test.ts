import pg from 'pg';
import { expect, it } from 'vitest';
import { openPostgresStore, redactedUrl } from '../../src/store/postgres-store.js';
import { describeWithPostgres, scratchDatabases } from '../helpers/postgres.js';
import { project, storeContract, type StoreBackend } from './store-contract.js';

const fresh = scratchDatabases();

const POSTGRES: StoreBackend = { fresh, open: openPostgresStore };

describeWithPostgres('PostgreSQL project store', () => {
  storeContract('the store contract', POSTGRES);

  it("refuses a database without a project unless asked to create one, and another program's tables", async () => {
    const url = await fresh();
    await expect(openPostgresStore(url, { mode: 'read' })).rejects.toThrow(/no qda project in this database \[project-missing\]/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO meta VALUES ('application', 'other')");
    await client.end();
    await expect(openPostgresStore(url, { mode: 'write', create: true })).rejects.toThrow(/not a qda project .*\[project-not-qda\]/);
  });

  it('refuses a project from a newer qda, naming its schema', async () => {
    const { file, store } = await project(POSTGRES);
    await store.close();
    const client = new pg.Client({ connectionString: file });
    await client.connect();
    await client.query("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
    await client.end();
    await expect(openPostgresStore(file, { mode: 'read' })).rejects.toThrow(/newer qda \(project schema 99\).*\[project-newer\]/);
  });

  it('reports an unreachable server as a located message and hides the password', async () => {
    const error = await openPostgresStore('postgres://ana:secret@127.0.0.1:1/none', { mode: 'read' }).catch((e: unknown) => e);
    expect(String(error)).toMatch(
      /postgres:\/\/ana:\*\*\*@127\.0\.0\.1:1\/none: .*cannot reach the PostgreSQL server .*\[database-unreachable\]/,
    );
    expect(String(error)).not.toContain('secret');
    expect(redactedUrl('postgresql://u:p@h/db')).toBe('postgresql://u:***@h/db');
  });

  it('keeps every write of two stores on one database, with the event log in commit order', async () => {
    const { file, store } = await project(POSTGRES);
    const other = await openPostgresStore(file, { mode: 'write' });
    const writes = Array.from({ length: 40 }, (_, i) =>
      (i % 2 ? store : other).change(`coder${i % 5}`, `c${i}`, (tx) =>
        tx.addCoding({ document: 'd2', start: i % 20, end: (i % 20) + 3, code: 'fear', origin: 'manual' }),
      ),
    );
    const added = await Promise.all(writes);
    expect(new Set(added.map((c) => c.id)).size).toBe(40);
    expect((await other.listCodings()).length).toBe(40);
    const events = await store.listEvents({ entity: 'coding' });
    const changes = events.map((e) => e.change);
    expect(changes).toEqual([...changes].sort((a, b) => a - b));
    await other.close();
    await store.close();
  });
});
