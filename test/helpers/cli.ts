import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/context.js';

/** The result of running the CLI in-process. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `qda` in-process with captured output. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += typeof t === 'string' ? t : Buffer.from(t).toString('utf8')),
    stderr: (t) => void (stderr += t),
    interactive: false,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A small seeded PRNG (mulberry32) for property loops: the toolkit's own. */
export { seededRandom as seeded } from '../../src/analysis/agreement/random.js';
