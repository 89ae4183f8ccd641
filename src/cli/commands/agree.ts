import { Command, InvalidArgumentError, Option } from 'commander';
import { codingAgreement } from '../../analysis/agreement/coding-agreement.js';
import { MAX_BOOTSTRAP_SAMPLES } from '../../analysis/agreement/bootstrap-alpha.js';
import { overlapUnits, segmentUnits, type CodingForAgreement } from '../../analysis/agreement/coding-units.js';
import { readCodebook } from '../../io/read-codebook.js';
import { readCodings } from '../../io/read-codings.js';
import { readCorpus } from '../../io/read-corpus.js';
import type { Document } from '../../model/document.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { message, type Message } from '../../model/message.js';
import { agreementTables, agreementToCsv, agreementToJson, agreementToMarkdown } from '../../report/agreement-table.js';
import { toCsv } from '../../report/csv.js';
import { segmentCodings } from '../../store/project-codings.js';
import { AUTO_CODER } from '../../store/store.js';
import { OffsetMap } from '../../text/offsets.js';
import { closest } from '../../util/closest.js';
import { EXIT, type CliContext } from '../context.js';
import { readProjectInput, sourceChoice } from '../project-input.js';
import { deprecated, oldSpelling, outOption } from './options.js';

interface AgreeOptions {
  project?: string;
  coders?: string[];
  match: 'segment' | 'overlap';
  /** The old spelling of --match. */
  unit?: 'segment' | 'overlap';
  minOverlap?: number;
  format: 'md' | 'json' | 'csv';
  bootstrap?: number;
  seed: number;
  out?: string;
  transcripts?: string[];
  codebook?: string;
}

/**
 * `qda agree`: agreement between coders, per code and pooled, with the disagreements to talk through.
 * @example program.addCommand(agreeCommand(ctx))
 */
export function agreeCommand(ctx: CliContext): Command {
  return new Command('agree')
    .summary('agreement between coders: percent agreement, κ, α, and the disagreements')
    .description(
      `Measure agreement between two or more coders over the same documents, per
code and pooled: percent agreement, Cohen's κ (two coders) or Fleiss' κ (three
or more), Krippendorff's α (nominal, missing data allowed), an optional
bootstrap 95% interval for α, and the list of disagreements (document, segment,
code, who coded it, who did not, the text).

Inputs are coding tables (document,segment,code[,start,end][,coder][,text]):
one file per coder (the coder is the file name), or tables with a coder column;
or REFI-QDA projects (.qdpx), where every user is a coder.

--match, what counts as the same coding (each gives the units of agreement):
  segment  (default) one unit per segment that anyone coded × code: "did this
           coder apply this code here?" Segments nobody coded are not counted.
           A coder with no coding in a document has no value there.
  overlap  one unit per coded span: spans of one code agree when they overlap
           by at least --min-overlap of their combined extent (MAXQDA-style);
           unmatched spans are disagreements, listed with each coder's own
           span (its text from a .qdpx, or with --transcripts). There is no
           "nobody coded it" cell, so only percent agreement is given.`,
    )
    .argument('[codings...]', 'coding tables (.csv) or REFI-QDA projects (.qdpx); or give --project')
    .addOption(new Option('-p, --project <file>', "the codings of this project's coders (qda project), rejected ones left out"))
    .addOption(
      new Option(
        '--coders <names...>',
        'with --project: whose codings to compare (default: every person; name auto to include the automatic coding)',
      ),
    )
    .addOption(
      new Option('-m, --match <how>', 'what counts as the same coding: the same segment, or overlapping spans')
        .choices(['segment', 'overlap'])
        .default('segment'),
    )
    .addOption(oldSpelling('-u, --unit <how>', '--match').choices(['segment', 'overlap']))
    .addOption(
      new Option('--min-overlap <share>', 'overlap units: least overlap (0–1] of two spans to agree (default 0.5)').argParser(share),
    )
    .addOption(
      new Option(
        '-c, --codebook <file>',
        "check the coding tables' code ids against this codebook (unknown ids are flagged, with the closest known one)",
      ),
    )
    .addOption(
      new Option(
        '--transcripts <files...>',
        "--match overlap: the transcripts, to show the text of each coder's span in the disagreements",
      ),
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices(['md', 'json', 'csv']).default('md'))
    .addOption(new Option('--bootstrap <n>', 'bootstrap resamples for a 95% interval of α (e.g. 1000)').argParser(count))
    .addOption(new Option('--seed <n>', 'seed of the bootstrap').argParser(integer).default(1))
    .addOption(outOption())
    .addHelpText(
      'after',
      `
CSV output is the per-code table; with --out x.csv the disagreements go to
x-disagreements.csv.

Examples:
  qda agree data-sample/coders/coder-a.csv data-sample/coders/coder-b.csv
  qda agree team.csv --match overlap --min-overlap 0.6 --format json
  qda agree coders.qdpx --format json
  qda agree --project study.qda --coders ana budi auto
  qda agree ana.csv budi.csv --bootstrap 1000 --seed 7 --format csv \\
    --out agreement.csv`,
    )
    .action(async (files: string[], options: AgreeOptions) => {
      ctx.exitCode = await runAgree(ctx, files, options);
    });
}

async function runAgree(ctx: CliContext, files: string[], options: AgreeOptions): Promise<number> {
  const match = deprecated(ctx.io.stderr, 'agree', options.unit, '--unit', '--match') ?? options.match;
  if (match === 'segment' && options.minOverlap !== undefined) return ctx.usage('--min-overlap applies to --match overlap only');
  if (match === 'overlap' && options.bootstrap !== undefined)
    return ctx.usage('--bootstrap gives an interval for α, which overlap units do not compute; use --match segment');

  const wrong = sourceChoice(files, options.project, 'coding tables');
  if (wrong) return ctx.usage(wrong);
  if (options.coders && !options.project) return ctx.usage('--coders applies to --project; coding tables name their coders');
  if (options.transcripts && options.project)
    return ctx.usage('--transcripts applies to coding tables; a project holds its transcripts, so its spans show their text already');
  const codings: CodingForAgreement[] = [];
  const messages: Message[] = [];
  if (options.project) {
    const input = await readProjectInput(ctx, options.project, { needCodebook: false });
    const chosen = options.coders ? new Set(options.coders) : null;
    const wanted = input.codings.filter((c) => (chosen ? chosen.has(c.coder) : c.coder !== AUTO_CODER));
    const placed: CodingForAgreement[] = segmentCodings(wanted, input.corpus.documents, options.project);
    // The project holds its documents: each coder's span has its own text without --transcripts.
    withSpanTexts(placed, input.corpus.documents);
    codings.push(...placed);
    files = [options.project];
  }
  for (const file of options.project ? [] : files) {
    const read = /\.qdpx$/i.test(file) ? await projectCodings(file) : await readCodings([file]);
    messages.push(...read.messages);
    const lacking = match === 'segment' ? read.codings.filter((c) => c.segment === null) : read.codings.filter((c) => c.span === null);
    if (lacking.length > 0) {
      const reason =
        match === 'segment'
          ? 'coding table has no segment numbers: segment units need a `segment` column (or use --match overlap with start,end)'
          : 'coding table has no start/end offsets: overlap units need `start` and `end` columns (or use --match segment)';
      messages.push(message(reason, { file, line: 1, column: 1, ruleId: 'missing-columns', source: 'agree', fatal: true }));
    }
    if (read.codings.length === 0 && !read.messages.some((m) => m.fatal)) {
      messages.push(
        message('coding table has no codings: this coder is left out of the agreement', {
          file,
          ruleId: 'no-codings',
          source: 'agree',
          note: "check that the file is the coder's finished table (a header alone means nothing was coded)",
        }),
      );
    }
    codings.push(...read.codings);
  }
  if (options.codebook) {
    const { codebook, messages: codebookMessages } = await readCodebook(options.codebook);
    messages.push(...codebookMessages);
    if (codebook)
      messages.push(
        ...unknownCodes(
          codings,
          codebook.codes.map((c) => c.id),
          options.codebook,
        ),
      );
  }
  if (options.transcripts) {
    if (match !== 'overlap')
      return ctx.usage('--transcripts applies to --match overlap (segment units show the segment text from the coding tables)');
    const read = await readCorpus(options.transcripts);
    messages.push(...read.messages);
    withSpanTexts(codings, read.corpus.documents);
  }
  if (ctx.report(messages)) return EXIT.data;
  const coders = [...new Set(codings.map((c) => c.coder))];
  if (coders.length < 2) {
    const found = coders.length === 0 ? 'no codings' : `only one coder ("${coders[0]}")`;
    ctx.report([
      message(`${found} in ${files.join(', ')}: agreement needs two or more coders`, {
        file: files.join(', '),
        ruleId: 'one-coder',
        source: 'agree',
        fatal: true,
        note: 'give each row a coder in a `coder` column, or pass one file per coder (the file name is the coder)',
      }),
    ]);
    return EXIT.data;
  }

  const units = match === 'segment' ? segmentUnits(codings) : overlapUnits(codings, { minOverlap: options.minOverlap ?? 0.5 });
  const result = codingAgreement(units, { ...(options.bootstrap ? { bootstrap: options.bootstrap } : {}), seed: options.seed });
  const output =
    options.format === 'json'
      ? `${JSON.stringify(agreementToJson(result), null, 2)}\n`
      : options.format === 'csv'
        ? agreementToCsv(result)
        : agreementToMarkdown(result);
  if (!options.out) {
    ctx.io.stdout(output);
    if (options.format === 'csv')
      ctx.io.stderr(
        'qda agree: CSV shows the per-code table; the disagreement list is written with --out (as <name>-disagreements.csv), or use --format md|json\n',
      );
    return EXIT.ok;
  }
  if (options.format === 'csv') {
    const beside = options.out.replace(/(\.[^./\\]*)?$/, (ext) => `-disagreements${ext}`);
    await writeFileAtomic(beside, toCsv(agreementTables(result).disagreements));
  }
  await writeFileAtomic(options.out, output);
  return EXIT.ok;
}

/** One warning per code id the codebook does not have, with how often each coder used it and the closest known id. */
function unknownCodes(codings: readonly CodingForAgreement[], known: readonly string[], codebookFile: string): Message[] {
  const ids = new Set(known);
  const unknown = new Map<string, Map<string, number>>();
  for (const c of codings) {
    if (ids.has(c.code)) continue;
    const byCoder = unknown.get(c.code) ?? new Map<string, number>();
    byCoder.set(c.coder, (byCoder.get(c.coder) ?? 0) + 1);
    unknown.set(c.code, byCoder);
  }
  return [...unknown].map(([code, byCoder]) => {
    const guess = closest(code, known);
    const uses = [...byCoder].map(([coder, n]) => `${coder} ×${n}`).join(', ');
    return message(
      `code "${code}" (${uses}) is not in the codebook${guess ? ` (did you mean "${guess}"?)` : ''}; it is counted as a code of its own`,
      {
        file: codebookFile,
        ruleId: 'unknown-code',
        source: 'agree',
      },
    );
  });
}

/** The codings of every user of a REFI-QDA project, with the text of their spans (the project holds its sources). */
async function projectCodings(file: string): Promise<{ codings: CodingForAgreement[]; messages: Message[] }> {
  const { readQdpx } = await import('../../io/read-qdpx.js');
  const { projectCodingRows } = await import('../../refi/project-tables.js');
  const project = await readQdpx(file);
  const codings: CodingForAgreement[] = projectCodingRows(project);
  withSpanTexts(codings, project.corpus.documents);
  return { codings, messages: project.messages };
}

/** Give codings with code-point spans the text of their span in the documents (in place: the codings are this command's own). */
function withSpanTexts(codings: CodingForAgreement[], documents: readonly Document[]): void {
  const byId = new Map(documents.map((d) => [d.id, { text: d.text, offsets: new OffsetMap(d.text) }]));
  for (const c of codings) {
    const doc = byId.get(c.document);
    if (!doc || c.span === null) continue;
    c.spanText = doc.text.slice(doc.offsets.toUtf16(c.span.start), doc.offsets.toUtf16(c.span.end));
  }
}

function share(value: string): number {
  const x = Number(value);
  if (!(x > 0 && x <= 1)) throw new InvalidArgumentError('give a share above 0 and at most 1, e.g. 0.5');
  return x;
}

function count(value: string): number {
  const x = Number(value);
  if (!Number.isInteger(x) || x < 1 || x > MAX_BOOTSTRAP_SAMPLES)
    throw new InvalidArgumentError(`give a whole number of resamples from 1 to ${MAX_BOOTSTRAP_SAMPLES}, e.g. 1000`);
  return x;
}

function integer(value: string): number {
  const x = Number(value);
  if (!Number.isInteger(x) || value.trim() === '') throw new InvalidArgumentError('give a whole number');
  return x;
}
