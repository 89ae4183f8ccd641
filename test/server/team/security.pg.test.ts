import { describeWithPostgres, scratchDatabases } from '../../helpers/postgres.js';
import { teamSecurity } from './security-contract.js';

const freshDatabase = scratchDatabases();

describeWithPostgres('team mode security on PostgreSQL', () => {
  teamSecurity('every endpoint', async () => {
    const url = await freshDatabase();
    return { kind: 'postgres', url };
  });
});
