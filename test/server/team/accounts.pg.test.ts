import { describeWithPostgres, scratchDatabases } from '../../helpers/postgres.js';
import { teamAccounts } from './accounts-contract.js';

const freshDatabase = scratchDatabases();

describeWithPostgres('team accounts on PostgreSQL', () => {
  teamAccounts('through the API', async () => {
    const url = await freshDatabase();
    return { kind: 'postgres', url };
  });
});
