import { afterAll } from 'vitest';
import { describeWithPostgres, scratchDatabase, type ScratchDatabase } from '../helpers/postgres.js';
import { thirtyCoders } from './team-load-contract.js';

const databases: ScratchDatabase[] = [];
afterAll(() => Promise.all(databases.map((d) => d.drop())), 60_000);

describeWithPostgres('qda serve --team under load, on PostgreSQL', () => {
  thirtyCoders(async () => {
    const database = await scratchDatabase();
    databases.push(database);
    return database.url;
  });
});
