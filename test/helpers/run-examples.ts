import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main.js';
import { exampleCommands, missingInputs, type ExampleCommand } from './example-commands.js';

/** What happened to one example command. */
export interface ExampleRun {
  command: ExampleCommand;
  /** Exit code, or undefined when the example was not run. */
  code?: number;
  /** Why it was not run: the inputs it names that do not exist, or the kind of command. */
  notRun?: string;
  stderr: string;
}

/** Commands that cannot run unattended in a test: they wait for a person. */
const INTERACTIVE: [RegExp, string][] = [
  [/^serve\b/, 'runs a server until it is stopped (tested in test/server and the browser tests)'],
  [/^project user (add|passwd)\b/, 'asks for a password'],
];

/**
 * Runs the `qda` commands of `text` in order, as written, in a new folder holding the
 * repository's `data-sample/` and `codebooks/` (so one example can use the file an earlier one
 * wrote). A command whose input files do not exist is an illustration and is not run.
 */
export async function runExamples(text: string): Promise<ExampleRun[]> {
  const sandbox = mkdtempSync(join(tmpdir(), 'qda-examples-'));
  for (const folder of ['data-sample', 'codebooks']) symlinkSync(resolve(folder), join(sandbox, folder));
  const runs: ExampleRun[] = [];
  const home = process.cwd();
  try {
    process.chdir(sandbox);
    for (const command of exampleCommands(text)) {
      const interactive = INTERACTIVE.find(([pattern]) => pattern.test(command.argv.join(' ')));
      const missing = missingInputs(command, sandbox);
      if (interactive || missing.length > 0) {
        runs.push({ command, notRun: interactive ? interactive[1] : `no ${missing.join(', ')}`, stderr: '' });
        continue;
      }
      const stdout: Buffer[] = [];
      let stderr = '';
      const code = await main(command.argv, {
        stdout: (t) => void stdout.push(Buffer.from(t)),
        stderr: (t) => void (stderr += t),
        interactive: false,
      });
      if (command.stdoutFile) writeFileSync(command.stdoutFile, Buffer.concat(stdout));
      runs.push({ command, code, stderr });
    }
  } finally {
    process.chdir(home);
  }
  return runs;
}
