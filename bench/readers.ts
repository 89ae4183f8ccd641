// `npm run bench -- readers`: how long every reader takes on damaged versions of the sample files
// (the budget the fuzz test used to assert: under 2 s a call, under 20 s in all).
import { readFileSync } from 'node:fs';
import { seededRandom } from '../src/analysis/agreement/random.js';
import { READERS } from '../src/io/read-corpus.js';
import { MUTATIONS, SAMPLES } from '../test/helpers/damage.js';
import type { BenchOptions } from './run.js';

const ROUNDS = 40;
const CALL_BUDGET_MS = 2000;
const TOTAL_BUDGET_S = 20;

/** Every reader on damaged sample files: the slowest call per format and the total. */
export async function run(options: BenchOptions): Promise<object[]> {
  const slowest: Record<string, number> = {};
  let calls = 0;
  const started = process.hrtime.bigint();
  for (const [kind, mutate] of Object.entries(MUTATIONS)) {
    const random = seededRandom(0x5eed + kind.length);
    for (const sample of SAMPLES) {
      const original = new Uint8Array(readFileSync(sample));
      for (let round = 0; round < ROUNDS; round++) {
        const bytes = mutate(original, random);
        for (const [format, reader] of Object.entries(READERS)) {
          const t0 = process.hrtime.bigint();
          await reader(bytes, `fuzz/${kind}-${round}.${format}`, {});
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          slowest[format] = Math.max(slowest[format] ?? 0, Math.round(ms));
          calls++;
        }
      }
    }
  }
  const seconds = Math.round(Number(process.hrtime.bigint() - started) / 1e7) / 100;
  const row = {
    case: 'damaged-files',
    calls,
    seconds,
    slowest_call_ms: slowest,
    within_budget: seconds < TOTAL_BUDGET_S && Object.values(slowest).every((ms) => ms < CALL_BUDGET_MS),
  };
  options.log(row);
  if (!row.within_budget) console.error(`readers on damaged files: over budget (${CALL_BUDGET_MS} ms a call, ${TOTAL_BUDGET_S} s in all)`);
  return [row];
}
