import { describe } from 'vitest';
import { thirtyCoders } from './team-load-contract.js';

describe('qda serve --team under load, on an SQLite project', () => {
  thirtyCoders(async () => undefined);
});
