import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openSqliteTeamStore, teamFileOf } from '../../src/store/sqlite-team-store.js';
import { tempDir } from './helpers.js';
import { teamStoreContract } from './team-store-contract.js';

teamStoreContract('SQLite team store (the .team file beside a project)', () =>
  openSqliteTeamStore(join(tempDir(), 'study.qda'), { create: true }),
);

it('keeps the team in its own file, and asks for a first owner when there is none', async () => {
  const project = join(tempDir(), 'study.qda');
  await expect(openSqliteTeamStore(project)).rejects.toThrow(/study\.qda\.team: .*no accounts yet \[team-missing\]/);
  const team = await openSqliteTeamStore(project, { create: true });
  await team.close();
  expect(existsSync(teamFileOf(project))).toBe(true);
  expect(existsSync(project)).toBe(false);
});

it('recovers the lock a killed server left on the team file', async () => {
  const project = join(tempDir(), 'study.qda');
  const first = await openSqliteTeamStore(project, { create: true });
  await first.close();
  mkdirSync(`${teamFileOf(project)}.lock`);
  const team = await openSqliteTeamStore(project);
  await team.setRevealed('p01', true);
  expect((await team.reveals()).documents).toEqual(['p01']);
  await team.close();
}, 30_000);
