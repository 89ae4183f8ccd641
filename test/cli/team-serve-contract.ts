// `qda project user` and `qda serve --team` as real processes, and the crash test: the server is
// killed (SIGKILL) in the middle of a load of coders, restarted, and every write it had
// acknowledged is in the project. team-serve.slow.test.ts runs it on SQLite, team-serve.pg.test.ts on PostgreSQL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { hashPassword } from '../../src/server/team/password.js';
import { runCli } from '../helpers/cli.js';
import { PASSWORD, SAMPLE_CODEBOOK, SAMPLE_TRANSCRIPTS, openBackend, type Backend } from '../helpers/team.js';
import { auditWrites, manualCodings, runCoders } from '../helpers/team-load.js';
import { qdaProcess, serveTeam, signInAll, stopProcess } from '../helpers/team-process.js';

const CODERS = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];

/** The crash test on one backend; `database` is the PostgreSQL URL, or undefined for an SQLite file. */
export function killAndRestart(title: string, database: () => Promise<string | undefined>): void {
  it(
    title,
    async () => {
      const url = await database();
      const file = join(mkdtempSync(join(tmpdir(), 'qda-crash-')), 'study.qda');
      const where = url ? ['study', '--database', url] : [file];
      const backend: Backend = url ? { kind: 'postgres', url } : { kind: 'sqlite' };

      // A project, an owner added through the CLI with the password on stdin, coders added likewise.
      const created = url
        ? await createOnPostgres(backend, file)
        : await runCli('project', 'create', file, '--codebook', SAMPLE_CODEBOOK, ...SAMPLE_TRANSCRIPTS);
      expect(created.code, created.stderr).toBe(0);
      const owner = await qdaProcess(
        ['project', 'user', 'add', ...where.slice(0, 1), 'lecturer', '--role', 'owner', ...where.slice(1)],
        `${PASSWORD}\n`,
      );
      expect(owner.code, owner.stderr).toBe(0);
      expect((await qdaProcess(['project', 'user', 'add', ...where.slice(0, 1), 'short', ...where.slice(1)], 'abc\n')).stderr).toMatch(
        /at least 10 characters/,
      );
      const opened = await openBackend(backend, file);
      const hash = await hashPassword(PASSWORD);
      for (const name of CODERS)
        await opened.team.saveAccount({ name, role: 'coder', passwordHash: hash, createdAt: new Date().toISOString() });
      const documents = (await opened.store.listDocuments()).map((d) => ({ id: d.id, length: d.length }));
      const codes = (await opened.store.currentCodebook())!.codebook.codes.map((c) => c.id).slice(0, 5);
      await opened.team.close();
      await opened.store.close();

      // Load, and kill the server without warning once 60 writes were acknowledged.
      let server = await serveTeam([...where, '--port', '0']);
      let members = await signInAll(server.origin, CODERS);
      let killed = false;
      const first = await runCoders({
        origin: server.origin,
        coders: members,
        documents,
        codes,
        durationMs: 60_000,
        maxWritesPerCoder: 40,
        onAck: (n) => {
          if (n === 60 && !killed) {
            killed = true;
            server.child.kill('SIGKILL');
          }
        },
        stop: () => killed,
      });
      await stopProcess(server.child, 'SIGKILL');
      expect(killed).toBe(true);

      // Restart on the same project: the crash left its lock behind; the server takes over and goes on.
      server = await serveTeam([...where, '--port', '0']);
      members = await signInAll(server.origin, CODERS);
      const second = await runCoders({
        origin: server.origin,
        coders: members,
        documents,
        codes,
        durationMs: 60_000,
        maxWritesPerCoder: 3,
        firstWrite: 40,
      });
      await stopProcess(server.child, 'SIGTERM');
      expect(server.child.exitCode).toBe(0);

      const reopened = await openBackend(backend, file);
      const stored = await manualCodings(reopened.store);
      await reopened.team.close();
      await reopened.store.close();
      const acknowledged = [...first.acknowledged, ...second.acknowledged];
      const audit = auditWrites(acknowledged, stored);
      expect(first.acknowledged.length).toBeGreaterThanOrEqual(60);
      expect(second.acknowledged.length).toBe(CODERS.length * 3);
      expect(audit.lost).toEqual([]);
      expect(audit.duplicated).toBe(0);
      // Only writes in flight at the kill (at most one per coder) may be stored without an answer.
      expect(audit.unacknowledged).toBeLessThanOrEqual(CODERS.length);
    },
    240_000,
  );
}

async function createOnPostgres(backend: Backend, file: string): Promise<{ code: number; stderr: string }> {
  const { readCorpus } = await import('../../src/io/read-corpus.js');
  const { readCodebook } = await import('../../src/io/read-codebook.js');
  const { store, team } = await openBackend(backend, file);
  const { corpus } = await readCorpus(SAMPLE_TRANSCRIPTS);
  const { codebook } = await readCodebook(SAMPLE_CODEBOOK);
  await store.change('lecturer', 'set up', async (tx) => {
    await tx.saveCodebook(codebook!);
    for (const d of corpus.documents) await tx.addDocument(d);
  });
  await team.close();
  await store.close();
  return { code: 0, stderr: '' };
}
