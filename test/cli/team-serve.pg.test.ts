import { describeWithPostgres, scratchDatabases } from '../helpers/postgres.js';
import { killAndRestart } from './team-serve-contract.js';

const freshDatabase = scratchDatabases();

describeWithPostgres('qda serve --team on PostgreSQL', () => {
  killAndRestart('keeps every acknowledged write when killed mid-load and restarted', freshDatabase);
});
