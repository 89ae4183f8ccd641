import { Command } from 'commander';
import { readCodebook } from '../../io/read-codebook.js';
import { EXIT, type CliContext } from '../context.js';

/** `qda codebook validate|convert`. */
export function codebookCommand(ctx: CliContext): Command {
  const cmd = new Command('codebook').summary('check or convert a codebook').description('Check a codebook, or convert it between formats.');
  cmd
    .command('validate')
    .description('Check a codebook and report every problem as file:line:col: reason [rule-id].')
    .argument('<file>', 'codebook (.yaml, .json, .qdc)')
    .action(async (file: string) => {
      const { codebook, messages } = await readCodebook(file);
      const fatal = ctx.report(messages);
      if (fatal || codebook === null) {
        ctx.exitCode = EXIT.data;
        return;
      }
      const withRules = codebook.codes.filter((c) => c.rules.terms.length + c.rules.near.length + c.rules.regex.length > 0).length;
      ctx.io.stderr(`${file}: ok — ${codebook.codes.length} codes, ${withRules} with rules\n`);
    });
  return cmd;
}
