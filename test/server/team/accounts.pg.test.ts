import { afterAll } from 'vitest';
import { describeWithPostgres, scratchDatabase, type ScratchDatabase } from '../../helpers/postgres.js';
import { teamAccounts } from './accounts-contract.js';

const databases: ScratchDatabase[] = [];
afterAll(() => Promise.all(databases.map((d) => d.drop())), 60_000);

describeWithPostgres('team accounts on PostgreSQL', () => {
  teamAccounts('through the API', async () => {
    const database = await scratchDatabase();
    databases.push(database);
    return { kind: 'postgres', url: database.url };
  });
});
