import { afterAll } from 'vitest';
import { describeWithPostgres, scratchDatabase, type ScratchDatabase } from '../helpers/postgres.js';
import { killAndRestart } from './team-serve-contract.js';

const databases: ScratchDatabase[] = [];
afterAll(() => Promise.all(databases.map((d) => d.drop())), 60_000);

describeWithPostgres('qda serve --team on PostgreSQL', () => {
  killAndRestart('keeps every acknowledged write when killed mid-load and restarted', async () => {
    const database = await scratchDatabase();
    databases.push(database);
    return database.url;
  });
});
