import { openPostgresStore } from '../../src/store/postgres-store.js';
import { openPostgresTeamStore } from '../../src/store/postgres-team-store.js';
import { describeWithPostgres, scratchDatabases } from '../helpers/postgres.js';
import { teamStoreContract } from './team-store-contract.js';

const freshDatabase = scratchDatabases();

describeWithPostgres('PostgreSQL team store', () => {
  teamStoreContract('the team store contract', async () => {
    const url = await freshDatabase();
    await (await openPostgresStore(url, { mode: 'write', create: true })).close();
    return openPostgresTeamStore(url);
  });
});
