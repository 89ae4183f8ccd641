import { teamSecurity } from './security-contract.js';

teamSecurity('team mode security on an SQLite project', async () => ({ kind: 'sqlite' }));
