import { formatMessage, type Message } from '../model/message.js';

/** Where a command writes: stdout for results, stderr for messages and progress. */
export interface CliIo {
  stdout(text: string | Uint8Array): void;
  stderr(text: string): void;
  /** True when stderr is a terminal (progress is shown only then). */
  interactive: boolean;
  /** Resolves when everything written to stdout has been written; rejects with the error of a failed write. */
  finish?(): Promise<void>;
}

/** The process's own streams. */
export function processIo(): CliIo {
  let failure: NodeJS.ErrnoException | null = null;
  let written = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // `qda code … | head` closes the pipe early: stop quietly, as Unix tools do.
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    failure ??= e;
  });
  return {
    stdout: (t) => {
      written = true;
      process.stdout.write(t, (e) => void (e && (failure ??= e)));
    },
    stderr: (t) => void process.stderr.write(t),
    interactive: Boolean(process.stderr.isTTY),
    finish: () =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        if (!written) return resolve();
        process.stdout.write('', (e) => ((failure ?? e) ? reject(failure ?? e) : resolve()));
      }),
  };
}

/** Exit codes of the CLI contract. */
export const EXIT = { ok: 0, data: 1, usage: 2 } as const;

/** Shared by the commands of one run: the streams and the exit code the action sets. */
export class CliContext {
  exitCode: number = EXIT.ok;
  constructor(readonly io: CliIo) {}

  /** Print messages to stderr; returns true when one is fatal. */
  report(messages: readonly Message[]): boolean {
    for (const m of messages) this.io.stderr(`${formatMessage(m)}\n`);
    return messages.some((m) => m.fatal);
  }

  /** A usage error: printed with a hint, exit code 2. */
  usage(reason: string): number {
    this.io.stderr(`qda: ${reason}\n(run with --help for usage)\n`);
    return EXIT.usage;
  }

  /** Show progress on a terminal only. */
  progress(text: string): void {
    if (this.io.interactive) this.io.stderr(`\r\x1b[K${text}`);
  }

  /** Clear the progress line. */
  progressDone(): void {
    if (this.io.interactive) this.io.stderr('\r\x1b[K');
  }
}
