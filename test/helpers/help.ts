// The `qda` command tree as its --help shows it, for the tests of the help texts and their examples.
import type { Command } from 'commander';
import { CliContext, type CliIo } from '../../src/cli/context.js';
import { buildProgram } from '../../src/cli/main.js';

/** One command of the tree: its full name (`qda project user add`), the command, its --help. */
export interface HelpPage {
  name: string;
  command: Command;
  help: string;
}

const quiet: CliIo = { stdout: () => undefined, stderr: () => undefined, interactive: false };

/** The help text as `qda … --help` prints it in an 80-column terminal (or a pipe). */
function helpOf(command: Command): string {
  let text = '';
  command.configureOutput({ writeOut: (s) => void (text += s), writeErr: (s) => void (text += s) });
  command.outputHelp();
  return text;
}

/** Every command of `qda`, the program itself first, with its help. */
export function helpPages(command: Command = buildProgram(new CliContext(quiet), quiet), path: string[] = []): HelpPage[] {
  const name = [...path, command.name()];
  return [{ name: name.join(' '), command, help: helpOf(command) }, ...command.commands.flatMap((sub) => helpPages(sub, name))];
}
