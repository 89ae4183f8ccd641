import { Command, Option } from 'commander';
import { unmatchedRoleFilters } from '../../coding/role-filters.js';
import { createCoder } from '../../coding/code-corpus.js';
import { codeAndFormat, type CodeTaskOptions } from '../../io/code-task.js';
import { corpusTasks, worthParallel } from '../../io/corpus-tasks.js';
import { runTasks } from '../../io/task-pool.js';
import { AtomicFileWriter, writeFileAtomic } from '../../io/write-file.js';
import { DocumentIds } from '../../io/read-corpus.js';
import type { Codebook } from '../../model/codebook.js';
import type { Unit } from '../../model/segment.js';
import { CODING_COLUMNS } from '../../report/coding-table.js';
import { EXIT, type CliContext } from '../context.js';
import { casesOption, pseudonymKey, pseudonymsOption, withCasesFile } from '../inputs.js';
import { readCases } from '../../io/read-cases.js';
import { CODEBOOK_FLAGS, optionalCodebook, readProjectInput, sourceChoice } from '../project-input.js';
import {
  jobsOf,
  jobsOption,
  optionalCodebookOption,
  outOption,
  projectOption,
  readerOptions,
  readOptionsOf,
  transcriptFiles,
  unitOption,
  type TableReadOptions,
} from './options.js';

interface CodeCommandOptions extends TableReadOptions {
  cases?: string;
  pseudonyms?: string;
  recursive?: boolean;
  codebook?: string;
  project?: string;
  unit: Unit;
  format: 'csv' | 'json' | 'jsonl';
  out?: string;
  inputFormat?: string;
  language?: string;
  jobs?: string;
}

/** `qda code`: automatic coding of transcripts with a codebook. */
export function codeCommand(ctx: CliContext): Command {
  const command = new Command('code')
    .summary('code every segment of transcripts with a codebook')
    .description(
      `Code every segment of the transcripts with the codebook's rules and print one row per coding.

CSV columns (fixed): document,segment,speaker,code,start,end,matches,text
  start/end  code-point offsets of the coded span in the document text
             (end exclusive)
  matches    the codebook terms that matched, joined by "|"
Parent codes are not repeated: counts roll children up to their parents.`,
    )
    .argument(
      '[files...]',
      'transcripts (.txt, .md, and every other supported format); a .jsonl corpus, or - for JSONL on stdin, is streamed; or give --project',
    )
    .addOption(optionalCodebookOption())
    .addOption(projectOption())
    .addOption(unitOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['csv', 'json', 'jsonl']).default('csv'))
    .addOption(outOption())
    .addOption(jobsOption())
    .addHelpText(
      'after',
      `
Examples:
  qda code data-sample/transcripts/*.md \\
    --codebook codebooks/lk3-psychosocial.yaml > codings.csv
  qda code interview.md -c codebook.yaml --unit sentence --format jsonl \\
    --out codings.jsonl
  # an archive with one {"id","text"} per line, on two cores:
  qda code archive.jsonl -c codebook.yaml --jobs 2 --out codings.csv
  # a project's transcripts and codebook:
  qda code --project study.qda --out codings.csv`,
    )
    .action(async (files: string[], options: CodeCommandOptions) => {
      ctx.exitCode = await runCode(ctx, files, options);
    });
  for (const option of [casesOption(), pseudonymsOption(), ...readerOptions()]) command.addOption(option);
  return command;
}

async function runCode(ctx: CliContext, args: string[], options: CodeCommandOptions): Promise<number> {
  const jobs = jobsOf(options.jobs, ctx.io.stderr);
  if (jobs === null) return ctx.usage(`--jobs must be a whole number from 1 up (got "${options.jobs}")`);
  const wrong = sourceChoice(args, options.project, 'transcripts', [[CODEBOOK_FLAGS, options.codebook]]);
  if (wrong) return ctx.usage(wrong);
  const given = await optionalCodebook(ctx, options.codebook);
  if (typeof given === 'number') return given;
  const codebook: Codebook | null = given;
  if (options.project) return runCodeProject(ctx, options.project, codebook, options);
  const files = await transcriptFiles(ctx, args, options);
  if (!files) return EXIT.data;
  const read = readOptionsOf(options);
  const taskOptions: CodeTaskOptions = { unit: options.unit, format: options.format, read };
  if (options.cases) {
    const loaded = await readCases(options.cases);
    if (ctx.report(loaded.messages) || !loaded.cases) return EXIT.data;
    taskOptions.cases = loaded.cases;
  }
  const key = await pseudonymKey(ctx, options.pseudonyms);
  if (!key) return EXIT.data;
  if (key.length > 0) taskOptions.pseudonyms = key;
  const effectiveJobs = options.jobs !== undefined || (await worthParallel(files, options.inputFormat)) ? jobs : 1;
  const writer = options.out ? await AtomicFileWriter.open(options.out) : null;
  const write = async (chunk: string | Uint8Array) => (writer ? writer.write(chunk) : ctx.io.stdout(chunk));
  const ids = new DocumentIds();
  const roles = new Set<string>();
  let rowsWritten = 0;
  let bytes = 0;
  let opened = false;
  // The header is written once the first input has been read without a fatal problem, so a
  // bad first file leaves stdout empty.
  const open = async () => {
    if (!opened) await write(options.format === 'csv' ? `${CODING_COLUMNS.join(',')}\n` : options.format === 'json' ? '[' : '');
    opened = true;
  };
  try {
    for await (const result of runTasks(
      corpusTasks(files, options.inputFormat),
      codebook!,
      { kind: 'code', options: taskOptions },
      effectiveJobs,
    )) {
      const clashes = result.documents.map((d) => ids.claim({ id: d.id, file: d.file })).filter((m) => m !== null);
      if (ctx.report([...result.messages, ...clashes])) {
        ctx.progressDone();
        await writer?.abort();
        return EXIT.data;
      }
      await open();
      for (const r of result.roles) roles.add(r);
      // In a JSON array the first row's separator is the "\n" after "[", not ",\n".
      if (result.rows > 0) await write(options.format === 'json' && rowsWritten === 0 ? result.output.subarray(1) : result.output);
      rowsWritten += result.rows;
      bytes += result.bytes;
      ctx.progress(`coded ${(bytes / 1e6).toFixed(1)} MB of text`);
    }
    await open();
    if (options.format === 'json') await write(rowsWritten === 0 ? ']\n' : '\n]\n');
    ctx.progressDone();
    ctx.report(unmatchedRoleFilters(codebook!, roles, options.codebook!));
    await writer?.commit();
    return EXIT.ok;
  } catch (e) {
    await writer?.abort();
    throw e;
  }
}

/** `--project`: code the project's transcripts with its codebook (or --codebook), in this process; --cases and --pseudonyms as for files. */
async function runCodeProject(ctx: CliContext, project: string, codebook: Codebook | null, options: CodeCommandOptions): Promise<number> {
  const input = await readProjectInput(ctx, project, { codebook });
  const corpus = await withCasesFile(ctx, input.corpus, options.cases);
  if (!corpus) return EXIT.data;
  const key = await pseudonymKey(ctx, options.pseudonyms);
  if (!key) return EXIT.data;
  const coded = codeAndFormat(corpus.documents, createCoder(input.codebook!), {
    unit: options.unit,
    format: options.format,
    ...(key.length > 0 ? { pseudonyms: key } : {}),
  });
  let output = coded.output;
  // In a JSON array the first row's separator is the "\n" after "[", not ",\n".
  if (options.format === 'csv') output = `${CODING_COLUMNS.join(',')}\n${output}`;
  if (options.format === 'json') output = coded.rows === 0 ? '[]\n' : `[${output.slice(1)}\n]\n`;
  if (options.out) await writeFileAtomic(options.out, output);
  else ctx.io.stdout(output);
  ctx.report(unmatchedRoleFilters(input.codebook!, new Set(coded.roles), options.codebook ?? project));
  return EXIT.ok;
}
