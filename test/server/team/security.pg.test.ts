import { afterAll } from 'vitest';
import { describeWithPostgres, scratchDatabase, type ScratchDatabase } from '../../helpers/postgres.js';
import { teamSecurity } from './security-contract.js';

const databases: ScratchDatabase[] = [];
afterAll(() => Promise.all(databases.map((d) => d.drop())), 60_000);

describeWithPostgres('team mode security on PostgreSQL', () => {
  teamSecurity('every endpoint', async () => {
    const database = await scratchDatabase();
    databases.push(database);
    return { kind: 'postgres', url: database.url };
  });
});
