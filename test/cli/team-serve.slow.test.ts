import { describe } from 'vitest';
import { killAndRestart } from './team-serve-contract.js';

describe('qda serve --team on an SQLite project', () => {
  killAndRestart('keeps every acknowledged write when killed mid-load and restarted', async () => undefined);
});
