import { Command } from 'commander';
import { codebookToMarkdown } from '../../codebook/to-markdown.js';
import { codebookToYaml, codebookToYamlObject } from '../../codebook/to-yaml.js';
import { CODEBOOK_READERS, readCodebook } from '../../io/read-codebook.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { codebookToQdc } from '../../refi/write-qdc.js';
import type { Codebook } from '../../model/codebook.js';
import { EXIT, type CliContext } from '../context.js';
import { counted } from '../../util/plural.js';

/** Codebook writers by output extension. */
const CODEBOOK_WRITERS: Record<string, (codebook: Codebook) => string> = {
  yaml: codebookToYaml,
  yml: codebookToYaml,
  json: (codebook) => `${JSON.stringify(codebookToYamlObject(codebook), null, 2)}\n`,
  qdc: codebookToQdc,
  md: codebookToMarkdown,
};

/** `qda codebook validate|convert`. */
export function codebookCommand(ctx: CliContext): Command {
  const cmd = new Command('codebook')
    .summary('check or convert a codebook')
    .description('Check a codebook, or convert it between formats.');
  cmd
    .command('validate')
    .summary('check a codebook and report every problem')
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
      ctx.io.stderr(`${file}: ok — ${counted(codebook.codes.length, 'code')}, ${withRules} with rules\n`);
    });
  cmd
    .command('convert')
    .summary('convert a codebook: .yaml, .json, .qdc, .md')
    .description(
      `Convert a codebook between formats, chosen by the file extensions:
  .yaml .yml .json  qda's codebook format (docs/codebook.md): read and written
  .qdc              REFI-QDA codebook (NVivo, ATLAS.ti, MAXQDA…): read and
                    written; definition, Include/Exclude criteria and examples
                    go into each code's Description, the rules into a fenced
                    qda-rules block there, so a round trip keeps them; names
                    with "/" become ids such as negativ-aufgeregt
  .md               a readable codebook document: write only (Markdown is not
                    read back)
A .qdc does not say its codebook's language: it is taken from the terms of the
qda-rules blocks, else it is "id".`,
    )
    .argument('<in>', 'codebook to read (.yaml, .yml, .json, .qdc)')
    .argument('<out>', 'file to write (.yaml, .yml, .json, .qdc, .md)')
    .addHelpText(
      'after',
      `
Examples:
  qda codebook convert codebooks/lk3-psychosocial.yaml lk3.qdc
  qda codebook convert nvivo-codebook.qdc codebook.yaml
  qda codebook convert codebook.yaml appendix.md`,
    )
    .action(async (input: string, output: string) => {
      const inExt = extensionOf(input);
      const write = CODEBOOK_WRITERS[extensionOf(output)];
      const problem =
        inExt === 'md'
          ? `${input}: Markdown codebooks are written, not read; convert from .yaml, .json or .qdc`
          : !(inExt in CODEBOOK_READERS)
            ? `${input}: unknown codebook format ".${inExt}"; use .yaml, .yml, .json or .qdc`
            : !write
              ? `${output}: unknown output format ".${extensionOf(output)}"; use .yaml, .yml, .json, .qdc or .md`
              : null;
      if (problem !== null) {
        ctx.exitCode = ctx.usage(problem);
        return;
      }
      const { codebook, messages } = await readCodebook(input);
      if (ctx.report(messages) || codebook === null) {
        ctx.exitCode = EXIT.data;
        return;
      }
      await writeFileAtomic(output, write(codebook));
      ctx.io.stderr(`${input} → ${output}: ${counted(codebook.codes.length, 'code')}\n`);
    });
  return cmd;
}

function extensionOf(file: string): string {
  return /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
}
