// Thirty coders code at once through `qda serve --team` — the load benchmark's situation with
// a bounded number of writes, so CI can check it on every backend: every acknowledged write is
// stored, once. team-load.slow.test.ts runs it on SQLite, team-load.pg.test.ts on PostgreSQL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { teamLoad } from '../helpers/team-serve-load.js';

const CODERS = 30;
const WRITES_EACH = 6;

/** The load test on one backend; `database` gives the PostgreSQL URL, or undefined for an SQLite file. */
export function thirtyCoders(database: () => Promise<string | undefined>): void {
  it(`${CODERS} coders writing ${WRITES_EACH} codings each at once: all ${CODERS * WRITES_EACH} acknowledged and stored once`, async () => {
    const url = await database();
    const file = join(mkdtempSync(join(tmpdir(), 'qda-load-')), 'study.qda');
    const result = await teamLoad({
      backend: url ? { kind: 'postgres', url } : { kind: 'sqlite' },
      where: url ? ['study', '--database', url] : [file],
      file,
      coders: CODERS,
      durationMs: 240_000,
      maxWritesPerCoder: WRITES_EACH,
    });
    expect(result.failed_requests).toBe(0);
    expect(result.acknowledged_writes).toBe(CODERS * WRITES_EACH);
    expect(result.lost_writes).toBe(0);
    expect(result.duplicated_writes).toBe(0);
    expect(result.unacknowledged_stored).toBe(0);
  }, 300_000);
}
