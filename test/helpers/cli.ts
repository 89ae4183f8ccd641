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
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), interactive: false };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A small seeded PRNG (mulberry32) for property loops. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
