import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/schema.js';
import { openSqliteStore, openWithSchema } from '../../src/store/sqlite-store.js';
import { tempDir } from './helpers.js';
import { project, storeContract, type StoreBackend } from './store-contract.js';

const SQLITE: StoreBackend = { fresh: async () => join(tempDir(), 'study.qda'), open: openSqliteStore };

storeContract('SQLite project store', SQLITE);

describe('SQLite project store: the file', () => {
  it('migrates an older file forward after a backup copy, and refuses a newer one naming the version', async () => {
    const { file, store } = await project(SQLITE);
    await store.close();
    const v2 = {
      version: SCHEMA_VERSION + 1,
      migrations: { ...MIGRATIONS, [SCHEMA_VERSION + 1]: 'CREATE TABLE tags (name TEXT PRIMARY KEY);' },
    };
    const notices: string[] = [];
    const upgraded = await openWithSchema(file, { mode: 'write', notice: (t) => notices.push(t) }, v2);
    expect(existsSync(`${file}.bak-${SCHEMA_VERSION}`)).toBe(true);
    expect(notices.join()).toContain(`upgrading from project schema ${SCHEMA_VERSION} to ${SCHEMA_VERSION + 1}`);
    expect((await upgraded.info()).schemaVersion).toBe(SCHEMA_VERSION + 1);
    expect((await upgraded.listDocuments()).length).toBe(2);
    await upgraded.close();
    const refused = await openSqliteStore(file, { mode: 'read' }).catch((e: unknown) => e);
    expect(String(refused)).toMatch(
      new RegExp(
        `written by a newer qda \\(project schema ${SCHEMA_VERSION + 1}\\); this qda reads schema ${SCHEMA_VERSION} and older .*\\[project-newer\\]`,
      ),
    );
    const old = await openSqliteStore(`${file}.bak-${SCHEMA_VERSION}`, { mode: 'read' });
    expect((await old.info()).schemaVersion).toBe(SCHEMA_VERSION);
    await old.close();
  });
});
