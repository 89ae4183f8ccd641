// Many coders at once against a real `qda serve --team` process: the load benchmark
// (`npm run bench -- team`) and the load tests that CI runs on SQLite and PostgreSQL.
import { hashPassword } from '../../src/server/team/password.js';
import { fillProject, openBackend, PASSWORD, type Backend } from './team.js';
import { auditWrites, manualCodings, percentile, runCoders } from './team-load.js';
import { serveTeam, signInAll, stopProcess } from './team-process.js';

/** Options of `teamLoad`. */
export interface TeamLoadOptions {
  backend: Backend;
  /** The project argument(s) of `qda serve --team`: the file, or a name and `--database url`. */
  where: string[];
  /** The SQLite file (also where an SQLite backend's accounts live). */
  file: string;
  coders: number;
  /** Each coder stops after this long… */
  durationMs: number;
  /** …or after this many acknowledged writes, whichever comes first. */
  maxWritesPerCoder: number;
}

/** What a load run measured; `lost_writes` and `duplicated_writes` must be 0. */
export interface TeamLoadResult {
  coders: number;
  seconds: number;
  acknowledged_writes: number;
  writes_per_second: number;
  failed_requests: number;
  lost_writes: number;
  duplicated_writes: number;
  unacknowledged_stored: number;
  latency_ms_p50: number;
  latency_ms_p95: number;
  latency_ms_p99: number;
}

/**
 * Fills a project with the sample, adds `coders` coder accounts, starts `qda serve --team` on it,
 * lets every coder code at once, stops the server, reopens the project and audits every
 * acknowledged write against what is stored.
 */
export async function teamLoad(options: TeamLoadOptions): Promise<TeamLoadResult> {
  const { store, team } = await openBackend(options.backend, options.file);
  await fillProject(store, team);
  const coders = Array.from({ length: options.coders }, (_, i) => `coder${String(i + 1).padStart(2, '0')}`);
  const hash = await hashPassword(PASSWORD);
  for (const name of coders) await team.saveAccount({ name, role: 'coder', passwordHash: hash, createdAt: new Date().toISOString() });
  const documents = (await store.listDocuments()).map((d) => ({ id: d.id, length: d.length }));
  const codes = (await store.currentCodebook())!.codebook.codes.map((c) => c.id);
  await team.close();
  await store.close();

  const server = await serveTeam([...options.where, '--port', '0']);
  const members = await signInAll(server.origin, coders);
  const started = Date.now();
  const load = await runCoders({
    origin: server.origin,
    coders: members,
    documents,
    codes,
    durationMs: options.durationMs,
    maxWritesPerCoder: options.maxWritesPerCoder,
  });
  const elapsed = (Date.now() - started) / 1000;
  await stopProcess(server.child);

  const reopened = await openBackend(options.backend, options.file);
  const stored = await manualCodings(reopened.store);
  await reopened.team.close();
  await reopened.store.close();
  const audit = auditWrites(load.acknowledged, stored);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    coders: options.coders,
    seconds: round(elapsed),
    acknowledged_writes: load.acknowledged.length,
    writes_per_second: round(load.acknowledged.length / elapsed),
    failed_requests: load.failed,
    lost_writes: audit.lost.length,
    duplicated_writes: audit.duplicated,
    unacknowledged_stored: audit.unacknowledged,
    latency_ms_p50: round(percentile(load.latencies, 50)),
    latency_ms_p95: round(percentile(load.latencies, 95)),
    latency_ms_p99: round(percentile(load.latencies, 99)),
  };
}
