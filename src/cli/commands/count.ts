import { Command, Option } from 'commander';
import { CodeCountsBuilder, countedCodes, type CodeCounts } from '../../analysis/code-counts.js';
import { NO_GROUP } from '../../analysis/frequencies.js';
import type { CountTaskOptions } from '../../io/code-task.js';
import { corpusTasks, worthParallel } from '../../io/corpus-tasks.js';
import { readCodebook } from '../../io/read-codebook.js';
import { DocumentIds } from '../../io/read-corpus.js';
import { readCounts } from '../../io/read-counts.js';
import { runTasks } from '../../io/task-pool.js';
import { AtomicFileWriter } from '../../io/write-file.js';
import { message } from '../../model/message.js';
import type { Unit } from '../../model/segment.js';
import { CsvLines, toCsv, type Table } from '../../report/csv.js';
import { jsonNumber } from '../../report/figures.js';
import { countColumns, countRows } from '../../report/tables.js';
import { EXIT, type CliContext } from '../context.js';
import { jobsOf, jobsOption, outOption, readerOptions, readOptionsOf, unitOption, type TableReadOptions } from './options.js';

interface CountCommandOptions extends TableReadOptions {
  codebook?: string;
  by: string;
  unit: Unit;
  format: 'csv' | 'json';
  out?: string;
  inputFormat?: string;
  language?: string;
  jobs?: string;
  merge?: boolean;
}

/**
 * `qda count`: the code × document (or × attribute) count table of a corpus of any size, and
 * the sum of partial tables.
 * @example program.addCommand(countCommand(ctx))
 */
export function countCommand(ctx: CliContext): Command {
  const command = new Command('count')
    .summary('count segments and words per code and document, at archive size; add up partial counts')
    .description(
      `Code the transcripts and keep only the counts: per code and group (--by), the segments it
codes, their documents, words and rule hits, and the segments, documents and words of the group.
No segment text is kept, so memory stays small whatever the size of the corpus.

CSV columns: code,label,depth,<by>,segments,documents,words,hits,
             segments_in_group,documents_in_group,words_in_group,share_pct

The (all) row of each code counts every segment; parents count a segment once when any
descendant codes it; segments, documents and segments_in_group are the numbers of
frequencies.csv in qda report.

Every count adds up: count parts of a corpus anywhere, then add the tables with --merge.`,
    )
    .argument(
      '<files...>',
      'transcripts (every supported format); a .jsonl corpus, or - for JSONL on stdin, is streamed; with --merge, count tables',
    )
    .addOption(new Option('-c, --codebook <file>', 'codebook file (.yaml, .json or .qdc); not needed with --merge'))
    .addOption(
      new Option('--by <grouping>', 'group by document, speaker, role or any attribute of the documents or speakers').default('document'),
    )
    .addOption(unitOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['csv', 'json']).default('csv'))
    .addOption(outOption())
    .addOption(jobsOption())
    .addOption(new Option('--merge', 'the files are count tables written by qda count (CSV or JSON, same --by): print their sum'))
    .addHelpText(
      'after',
      `
Examples:
  qda count data-sample/transcripts \\
    --codebook codebooks/lk3-psychosocial.yaml > counts.csv
  qda count archive.jsonl -c codebook.yaml --jobs 2 > counts.csv
  qda count transcripts/*.md -c codebook.yaml --by gender --format json \\
    --out counts.json
  qda count --merge part-1.csv part-2.csv > counts.csv
  # an archive larger than memory, in parts (see docs/scale.md):
  parallel --pipe --block 50M qda count - -c codebook.yaml --jobs 1 \\
    '>' part-{#}.csv < archive.jsonl
  qda count --merge part-*.csv > counts.csv`,
    )
    .action(async (files: string[], options: CountCommandOptions) => {
      ctx.exitCode = await (options.merge ? runMerge(ctx, files, options) : runCount(ctx, files, options));
    });
  for (const option of readerOptions()) command.addOption(option);
  return command;
}

async function runCount(ctx: CliContext, files: string[], options: CountCommandOptions): Promise<number> {
  if (options.codebook === undefined)
    return ctx.usage('counting needs the codebook: give it with --codebook (or add up count tables with --merge)');
  const jobs = jobsOf(options.jobs, ctx.io.stderr);
  if (jobs === null) return ctx.usage(`--jobs must be a whole number from 1 up (got "${options.jobs}")`);
  const { codebook, messages } = await readCodebook(options.codebook);
  if (ctx.report(messages) || codebook === null) return EXIT.data;
  const work: CountTaskOptions = { unit: options.unit, by: options.by, codes: countedCodes(codebook), read: readOptionsOf(options) };
  const effectiveJobs = options.jobs !== undefined || (await worthParallel(files, options.inputFormat)) ? jobs : 1;
  const total = new CodeCountsBuilder(countedCodes(codebook), options.by);
  const ids = new DocumentIds();
  let bytes = 0;
  for await (const result of runTasks(corpusTasks(files, options.inputFormat), codebook, { kind: 'count', options: work }, effectiveJobs)) {
    const clashes = result.documents.map((d) => ids.claim(d)).filter((m) => m !== null);
    if (ctx.report([...result.messages, ...clashes])) {
      ctx.progressDone();
      return EXIT.data;
    }
    total.add(result.counts);
    bytes += result.bytes;
    ctx.progress(`counted ${(bytes / 1e6).toFixed(1)} MB of text`);
  }
  ctx.progressDone();
  const counts = total.table();
  const grouped = counts.groups.slice(1);
  if (!['document', 'speaker', 'role'].includes(options.by) && grouped.length > 0 && grouped.every((g) => g.group === NO_GROUP)) {
    ctx.report([
      message(`--by "${options.by}": no document or speaker has this attribute, so every segment is in the group ${NO_GROUP}`, {
        file: files[0],
        ruleId: 'unknown-grouping',
        source: 'count',
      }),
    ]);
  }
  await write(ctx, counts, options);
  return EXIT.ok;
}

async function runMerge(ctx: CliContext, files: string[], options: CountCommandOptions): Promise<number> {
  let total: CodeCountsBuilder | null = null;
  for (const file of files) {
    const { counts, messages } = await readCounts(file);
    if (ctx.report(messages) || counts === null) return EXIT.data;
    total ??= new CodeCountsBuilder([], counts.by);
    if (counts.by !== total.by) {
      ctx.report([
        message(`this table is grouped by "${counts.by}", the first by "${total.by}": only tables with the same --by add up`, {
          file,
          line: 1,
          column: 4,
          ruleId: 'counts-grouping',
          source: 'counts',
          fatal: true,
        }),
      ]);
      return EXIT.data;
    }
    total.add(counts);
  }
  await write(ctx, total!.table(), options);
  return EXIT.ok;
}

/** Write the table in pieces of a few thousand rows: at archive size it has a million. */
async function write(ctx: CliContext, counts: CodeCounts, options: CountCommandOptions): Promise<void> {
  const writer = options.out ? await AtomicFileWriter.open(options.out) : null;
  const out = async (text: string) => (writer ? writer.write(text) : ctx.io.stdout(text));
  try {
    const columns = countColumns(counts);
    const json = options.format === 'json';
    let rows: Table['rows'] = [];
    let first = true;
    const csv = new CsvLines();
    const flush = async () => {
      if (json) {
        let text = '';
        for (const row of rows) {
          text += `${first ? '[\n' : ',\n'}${JSON.stringify(record(columns, row))}`;
          first = false;
        }
        await out(text);
      } else {
        let text = first ? toCsv({ columns, rows: [] }) : '';
        for (const row of rows) text += csv.line(row);
        await out(text);
        first = false;
      }
      rows = [];
    };
    for (const row of countRows(counts)) {
      rows.push(row);
      if (rows.length === 5000) await flush();
    }
    await flush();
    if (json) await out(first ? '[]\n' : '\n]\n');
    await writer?.commit();
  } catch (e) {
    await writer?.abort();
    throw e;
  }
}

/** A row as an object keyed by column; NaN becomes null. */
function record(columns: readonly string[], row: Table['rows'][number]): Record<string, unknown> {
  return Object.fromEntries(columns.map((c, i) => [c, typeof row[i] === 'number' ? jsonNumber(row[i]) : row[i]]));
}
