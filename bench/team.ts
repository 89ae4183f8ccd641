// `npm run bench -- team`: 30 simulated coders code the sample transcripts at once for 60 s
// against `qda serve --team`, on an SQLite project and (when QDA_TEST_PG names a server, e.g.
// under `.ci/with-postgres`) on PostgreSQL. Reports acknowledged writes, lost and duplicated
// ones (both must be 0), and p50/p95 latency. Options: --team-coders 30 --team-seconds 60.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { BenchOptions } from './run.js';
import type { Backend } from '../test/helpers/team.js';
import { teamLoad } from '../test/helpers/team-serve-load.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const coderCount = option('team-coders', 30);
const seconds = option('team-seconds', 60);

async function bench(label: string, backend: Backend, where: string[], file: string): Promise<Record<string, unknown>> {
  process.stderr.write(`team bench (${label}): ${coderCount} coders for ${seconds} s…\n`);
  return {
    case: 'team',
    store: label,
    ...(await teamLoad({ backend, where, file, coders: coderCount, durationMs: seconds * 1000, maxWritesPerCoder: 5000 })),
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
