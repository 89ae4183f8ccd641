// `npm run bench -- team`: 30 simulated coders code the sample transcripts at once for 60 s
// against `qda serve --team`, on an SQLite project and (when QDA_TEST_PG names a server, e.g.
// under `.ci/with-postgres`) on PostgreSQL. Reports acknowledged writes, lost and duplicated
// ones (both must be 0), and p50/p95 latency. Options: --team-coders 30 --team-seconds 60.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { BenchOptions } from './run.js';
import { hashPassword } from '../src/server/team/password.js';
import { fillProject, openBackend, PASSWORD, type Backend } from '../test/helpers/team.js';
import { auditWrites, percentile, runCoders } from '../test/helpers/team-load.js';
import { serveTeam, signInAll, stopProcess } from '../test/helpers/team-process.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const coderCount = option('team-coders', 30);
const seconds = option('team-seconds', 60);

async function bench(label: string, backend: Backend, where: string[], file: string): Promise<Record<string, unknown>> {
  const { store, team } = await openBackend(backend, file);
  await fillProject(store, team);
  const coders = Array.from({ length: coderCount }, (_, i) => `coder${String(i + 1).padStart(2, '0')}`);
  const hash = await hashPassword(PASSWORD);
  for (const name of coders) await team.saveAccount({ name, role: 'coder', passwordHash: hash, createdAt: new Date().toISOString() });
  const documents = (await store.listDocuments()).map((d) => ({ id: d.id, length: d.length }));
  const codes = (await store.currentCodebook())!.codebook.codes.map((c) => c.id);
  await team.close();
  await store.close();

  const server = await serveTeam([...where, '--port', '0']);
  const members = await signInAll(server.origin, coders);
  process.stderr.write(`team bench (${label}): ${coderCount} coders for ${seconds} s…\n`);
  const started = Date.now();
  const load = await runCoders({
    origin: server.origin,
    coders: members,
    documents,
    codes,
    durationMs: seconds * 1000,
    maxWritesPerCoder: 5000,
  });
  const elapsed = (Date.now() - started) / 1000;
  await stopProcess(server.child);

  const reopened = await openBackend(backend, file);
  const stored = (await reopened.store.listCodings({ origin: 'manual' })).map(({ id, coder, document, code, start, end }) => ({
    id,
    coder,
    document,
    code,
    start,
    end,
  }));
  await reopened.team.close();
  await reopened.store.close();
  const audit = auditWrites(load.acknowledged, stored);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    case: 'team',
    store: label,
    coders: coderCount,
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

/** The team topic: one row per store (PostgreSQL skipped, with the reason, when no server is given). */
export async function run(options: BenchOptions): Promise<object[]> {
  const results: Array<Record<string, unknown>> = [];
  const file = join(mkdtempSync(join(tmpdir(), 'qda-bench-team-')), 'study.qda');
  results.push(await bench('sqlite', { kind: 'sqlite' }, [file], file));
  options.log(results.at(-1)!);

  const server = process.env.QDA_TEST_PG;
  if (server) {
    const name = `qda_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = server.replace(/^(postgres(?:ql)?:\/\/[^/?]*)(\/[^?]*)?/, `$1/${name}`);
    try {
      results.push(await bench('postgresql', { kind: 'postgres', url }, ['bench', '--database', url], file));
      options.log(results.at(-1)!);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  } else {
    const skipped = {
      case: 'team',
      store: 'postgresql',
      skipped: 'no PostgreSQL server: run `.ci/with-postgres npm run bench` (or set QDA_TEST_PG)',
    };
    options.log(skipped);
    results.push(skipped);
  }

  const broken = results.filter((r) => Number(r.lost_writes) > 0 || Number(r.duplicated_writes) > 0);
  if (broken.length > 0) process.exitCode = 1;
  return results;
}
