import { describeWithPostgres, scratchDatabases } from '../helpers/postgres.js';
import { thirtyCoders } from './team-load-contract.js';

const freshDatabase = scratchDatabases();

describeWithPostgres('qda serve --team under load, on PostgreSQL', () => {
  thirtyCoders(freshDatabase);
});
