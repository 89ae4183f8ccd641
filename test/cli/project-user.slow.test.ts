import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/server/team/password.js';
import { openSqliteTeamStore } from '../../src/store/sqlite-team-store.js';
import { runCli } from '../helpers/cli.js';
import { SAMPLE_CODEBOOK } from '../helpers/team.js';
import { qdaProcess } from '../helpers/team-process.js';

describe('qda project user', () => {
  it('adds, lists, changes the password of and removes accounts, keeping at least one owner', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'qda-user-')), 'study.qda');
    expect((await runCli('project', 'create', file, '--codebook', SAMPLE_CODEBOOK, 'data-sample/transcripts/informan-01.md')).code).toBe(0);
    expect((await qdaProcess(['project', 'user', 'add', file, 'lecturer', '--role', 'owner'], 'first password 1\n')).code).toBe(0);
    expect((await qdaProcess(['project', 'user', 'add', file, 'ana'], 'ana password 11\n')).code).toBe(0);
    const duplicate = await qdaProcess(['project', 'user', 'add', file, 'ana'], 'ana password 11\n');
    expect([duplicate.code, duplicate.stderr]).toEqual([2, expect.stringMatching(/already an account "ana"/)]);
    const badName = await qdaProcess(['project', 'user', 'add', file, 'Ana Smith'], 'ana password 11\n');
    expect(badName.stderr).toMatch(/not an account name/);
    expect((await runCli('project', 'user', 'list', file)).stdout).toBe('ana\tcoder\nlecturer\towner\n');

    const passwd = await qdaProcess(['project', 'user', 'passwd', file, 'ana'], 'ana second password\n');
    expect(passwd.stderr).toMatch(/password of "ana" changed; 0 sessions ended/);
    const team = await openSqliteTeamStore(file);
    expect(await verifyPassword('ana second password', (await team.getAccount('ana'))!.passwordHash)).toBe(true);
    await team.close();

    const lastOwner = await runCli('project', 'user', 'remove', file, 'lecturer');
    expect([lastOwner.code, lastOwner.stderr]).toEqual([2, expect.stringMatching(/only owner/)]);
    expect((await runCli('project', 'user', 'remove', file, 'ana')).code).toBe(0);
    expect((await runCli('project', 'user', 'list', file)).stdout).toBe('lecturer\towner\n');
    const missing = await runCli('project', 'user', 'list', join(tmpdir(), 'no-such-project.qda'));
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringMatching(/no such project file \[project-missing\]/)]);
  }, 120_000);

  it('refuses to serve a team project without an owner, naming the command that adds one', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'qda-user-')), 'study.qda');
    expect((await runCli('project', 'create', file, '--codebook', SAMPLE_CODEBOOK, 'data-sample/transcripts/informan-01.md')).code).toBe(0);
    const served = await qdaProcess(['serve', file, '--team', '--port', '0']);
    expect([served.code, served.stderr]).toEqual([
      2,
      expect.stringMatching(/no owner account yet: add one first with `qda project user add .* <name> --role owner`/),
    ]);
    const notTeam = await runCli('serve', file, '--cert', 'c.pem');
    expect(notTeam.stderr).toMatch(/belong to team mode: add --team/);
  }, 120_000);
});
