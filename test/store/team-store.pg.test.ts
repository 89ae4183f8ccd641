import { afterAll } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import { openPostgresTeamStore } from '../../src/store/postgres-team-store.js';
import { describeWithPostgres, scratchDatabase, type ScratchDatabase } from '../helpers/postgres.js';
import { teamStoreContract } from './team-store-contract.js';

const databases: ScratchDatabase[] = [];
afterAll(() => Promise.all(databases.map((d) => d.drop())), 60_000);

describeWithPostgres('PostgreSQL team store', () => {
  teamStoreContract('the team store contract', async () => {
    const database = await scratchDatabase();
    databases.push(database);
    await (await openPostgresStore(database.url, { mode: 'write', create: true })).close();
    return openPostgresTeamStore(database.url);
  });
});
