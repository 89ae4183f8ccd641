import { Command, Option } from 'commander';
import { kwic, type KwicQuery } from '../../coding/kwic.js';
import { readCorpus } from '../../io/read-corpus.js';
import { writeFileAtomic } from '../../io/write-file.js';
import type { Unit } from '../../model/segment.js';
import { toCsv } from '../../report/csv.js';
import { toMarkdown } from '../../report/markdown.js';
import { kwicTable } from '../../report/tables.js';
import { EXIT, type CliContext } from '../context.js';
import { casesOption, pseudonymKey, pseudonymsOption, withCasesFile } from '../inputs.js';
import { pseudonymise } from '../../report/pseudonyms.js';
import type { Codebook } from '../../model/codebook.js';
import type { Corpus } from '../../model/document.js';
import { optionalCodebook, readProjectInput, sourceChoice } from '../project-input.js';
import { outOption, projectOption, readerOptions, readOptionsOf, transcriptFiles, unitOption } from './options.js';

interface KwicCommandOptions {
  cases?: string;
  pseudonyms?: string;
  recursive?: boolean;
  project?: string;
  term?: string;
  code?: string;
  codebook?: string;
  window: string;
  format: 'md' | 'csv';
  unit: Unit;
  out?: string;
  inputFormat?: string;
  language?: string;
}

/**
 * `qda kwic`: keyword in context.
 * @example program.addCommand(kwicCommand(ctx))
 */
export function kwicCommand(ctx: CliContext): Command {
  const command = new Command('kwic')
    .summary('show every match of a term or a code with the words around it')
    .description(
      `Keyword in context: every match of a term, or of a code's rules (and its
children's), with --window words on each side, within the segment. A term is
written and matched as in a codebook: stemmed in each transcript's language
(pacar finds pacarnya), =word for the exact word, word* for a prefix, several
words for a phrase.
Columns: document,segment,speaker,timestamp,left,keyword,right,term`,
    )
    .argument('[files...]', 'transcripts (every supported format); or give --project')
    .addOption(projectOption())
    .addOption(new Option('-t, --term <term>', 'a term, as written in a codebook').conflicts('code'))
    .addOption(new Option('--code <id>', "a code of --codebook: its rules' matches"))
    .addOption(new Option('-c, --codebook <file>', 'codebook (.yaml, .json or .qdc); needed with --code'))
    .addOption(new Option('-w, --window <n>', 'words of context on each side').default('8'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['md', 'csv']).default('md'))
    .addOption(unitOption())
    .addOption(outOption())
    .addHelpText(
      'after',
      `
Examples:
  qda kwic data-sample/transcripts/* --term pacar
  qda kwic data-sample/transcripts/* --code factor/attachment \\
    -c codebooks/lk3-psychosocial.yaml --window 5 --format csv
  qda kwic --project study.qda --code factor/attachment`,
    )
    .action(async (files: string[], options: KwicCommandOptions) => {
      ctx.exitCode = await runKwic(ctx, files, options);
    });
  for (const option of [casesOption(), pseudonymsOption(), ...readerOptions()]) command.addOption(option);
  return command;
}

async function runKwic(ctx: CliContext, args: string[], options: KwicCommandOptions): Promise<number> {
  if (options.term === undefined && options.code === undefined) return ctx.usage('give --term <term> or --code <id>');
  if (
    options.term !== undefined &&
    options.term
      .trim()
      .replace(/^=|\*$/g, '')
      .trim() === ''
  )
    return ctx.usage('--term is empty');
  const wrong = sourceChoice(args, options.project);
  if (wrong) return ctx.usage(wrong);
  if (options.code !== undefined && options.codebook === undefined && options.project === undefined)
    return ctx.usage('--code needs --codebook <file> (or --project)');
  const window = Number(options.window);
  if (!Number.isInteger(window) || window < 0) return ctx.usage(`--window must be a whole number from 0 up (got "${options.window}")`);

  const given = await optionalCodebook(ctx, options.code !== undefined ? options.codebook : undefined);
  if (typeof given === 'number') return given;
  let codebook: Codebook | null = given;
  let raw: Corpus;
  if (options.project !== undefined) {
    const input = await readProjectInput(ctx, options.project, { codebook, needCodebook: options.code !== undefined });
    raw = input.corpus;
    codebook = input.codebook;
  } else {
    const files = await transcriptFiles(ctx, args, options);
    if (!files) return EXIT.data;
    const read = await readCorpus(files, readOptionsOf(options));
    if (ctx.report(read.messages)) return EXIT.data;
    raw = read.corpus;
  }
  let query: KwicQuery;
  if (options.code !== undefined) {
    if (!codebook!.codes.some((c) => c.id === options.code)) {
      return ctx.usage(
        `code "${options.code}" is not in ${options.codebook ?? `the codebook of ${options.project}`}; its codes: ${codebook!.codes.map((c) => c.id).join(', ')}`,
      );
    }
    query = { code: options.code, codebook: codebook! };
  } else query = { term: options.term!, ...(options.language ? { language: options.language } : {}) };

  const corpus = await withCasesFile(ctx, raw, options.cases);
  const key = await pseudonymKey(ctx, options.pseudonyms);
  if (!corpus || !key) return EXIT.data;
  const found = kwic(corpus.documents, query, { window, unit: options.unit });
  const lines = key.length > 0 ? pseudonymise(found, key) : found;
  const table = kwicTable(lines);
  const output = options.format === 'csv' ? toCsv(table) : toMarkdown(table);
  if (options.out) await writeFileAtomic(options.out, output);
  else ctx.io.stdout(output);
  if (lines.length === 0)
    ctx.io.stderr(`no match for ${options.code !== undefined ? `code "${options.code}"` : `term "${options.term}"`}\n`);
  return EXIT.ok;
}
