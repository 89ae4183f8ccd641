import { teamAccounts } from './accounts-contract.js';

teamAccounts('team accounts through the API on an SQLite project', async () => ({ kind: 'sqlite' }));
