import { Command, CommanderError } from 'commander';
import { OutputWriteError } from '../io/write-file.js';
import { message, QdaError } from '../model/message.js';
import { CliContext, EXIT, processIo, type CliIo } from './context.js';
import { COMMANDS } from './commands/index.js';
import { commandTerm, reflowingBoxWrap } from './help-wrap.js';

const DESCRIPTION =
  'Qualitative analysis of interview transcripts: code every segment with a codebook, count, quote, report and measure agreement. Nothing leaves this machine.';

const EXAMPLES = `
Quick start, in the qda folder (the bundled sample study):
  qda code data-sample/transcripts --codebook codebooks/lk3-psychosocial.yaml \\
    > codings.csv
  qda report data-sample/transcripts --cases data-sample/cases.csv \\
    --codebook codebooks/lk3-psychosocial.yaml --out report
  qda agree data-sample/coders/coder-a.csv data-sample/coders/coder-b.csv

In your own study folder, the same with your files:
  qda report transcripts --codebook codebook.yaml --out report

Every command has --help. Exit codes: 0 done, 1 a problem in the data,
2 a wrong command line.`;

/**
 * Run the command line with `argv` (without `node` and the script) and return the exit code:
 * 0 success, 1 data errors, 2 usage errors. Never calls `process.exit`.
 * @example process.exitCode = await main(['code', 'a.md', '--codebook', 'cb.yaml'])
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const ctx = new CliContext(io);
  const program = buildProgram(ctx, io);
  if (argv.length === 0) {
    io.stderr(program.helpInformation());
    return EXIT.usage;
  }
  let code: number;
  try {
    await program.parseAsync([...argv], { from: 'user' });
    code = ctx.exitCode;
  } catch (e) {
    code = failed(e, ctx, io);
  }
  try {
    await io.finish?.();
  } catch (e) {
    // A full disk or a closed file behind `> out.csv` must never pass as success.
    io.stderr(
      `qda: could not write the output to standard output: ${systemReason(e as NodeJS.ErrnoException)}; the output is incomplete\n`,
    );
    return EXIT.data;
  }
  return code;
}

/**
 * The whole `qda` command tree, configured to write through `io` and never exit the process.
 * @example buildProgram(new CliContext(io), io).helpInformation()
 */
export function buildProgram(ctx: CliContext, io: CliIo): Command {
  const program = new Command('qda').description(DESCRIPTION).version('0.1.0', '-V, --version').addHelpText('after', EXAMPLES);
  for (const make of COMMANDS) program.addCommand(make(ctx));
  configure(program, io);
  return program;
}

/** The exit code for an error thrown by a command, after saying what went wrong. */
function failed(e: unknown, ctx: CliContext, io: CliIo): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (e instanceof QdaError) {
    ctx.report(e.messages);
    return EXIT.data;
  }
  if (e instanceof OutputWriteError) {
    ctx.report([
      message(`cannot write this output: ${systemReason(e.reason)}; nothing was written`, {
        file: e.target,
        ruleId: 'cannot-write',
        source: 'output',
        fatal: true,
      }),
    ]);
    return EXIT.data;
  }
  const err = e as NodeJS.ErrnoException;
  if (err.path) ctx.report([message(systemReason(err), { file: err.path, ruleId: 'system-error', source: 'qda', fatal: true })]);
  else io.stderr(`qda: ${systemReason(err)}\n`);
  if (process.env.QDA_DEBUG) io.stderr(`${err.stack}\n`);
  return EXIT.data;
}

/** An operating-system error in words, with its code for searching: `the disk is full (ENOSPC)`. */
function systemReason(err: NodeJS.ErrnoException): string {
  const words: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'the file system is read-only',
    EIO: 'input/output error of the device',
    EMFILE: 'too many open files',
    ENOENT: 'no such file or folder',
    EISDIR: 'is a folder, not a file',
    ENOTDIR: 'a part of the path is not a folder',
    EEXIST: 'already exists',
  };
  if (err.code === undefined) return err.message;
  return `${words[err.code] ?? err.message.replace(/^[A-Z]+: /, '').replace(/, \w+ .*$/, '')} (${err.code})`;
}

function configure(cmd: Command, io: CliIo): void {
  cmd.exitOverride();
  cmd.configureHelp({ boxWrap: reflowingBoxWrap, subcommandTerm: commandTerm, minWidthToWrap: 30 });
  cmd.configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  cmd.showHelpAfterError('(run with --help for usage)');
  cmd.allowExcessArguments(false);
  for (const sub of cmd.commands) configure(sub, io);
}
