import { Command, Option } from 'commander';
import { validateCoding } from '../../analysis/validation.js';
import { createCoder } from '../../coding/code-corpus.js';
import { chooseCoder } from '../../coding/choose-coder.js';
import { placeCodings } from '../../coding/place-codings.js';
import { readCodings } from '../../io/read-codings.js';
import { readCorpus } from '../../io/read-corpus.js';
import { writeFileAtomic } from '../../io/write-file.js';
import type { Codebook } from '../../model/codebook.js';
import type { Coding, CodingRow } from '../../model/coding.js';
import type { Corpus } from '../../model/document.js';
import { message } from '../../model/message.js';
import type { Segment, Unit } from '../../model/segment.js';
import { toCsv } from '../../report/csv.js';
import { validationTables, validationToCsv, validationToJson, validationToMarkdown } from '../../report/validation-table.js';
import { storedRows } from '../../store/project-codings.js';
import { AUTO_CODER } from '../../store/store.js';
import { EXIT, type CliContext } from '../context.js';
import { casesOption, pseudonymKey, pseudonymsOption, withCasesFile } from '../inputs.js';
import { pseudonymise } from '../../report/pseudonyms.js';
import { CODEBOOK_FLAGS, optionalCodebook, readProjectInput, sourceChoice } from '../project-input.js';
import { optionalCodebookOption, outOption, projectOption, readerOptions, readOptionsOf, transcriptFiles, unitOption } from './options.js';
import { counted } from '../../util/plural.js';

interface ValidateOptions {
  cases?: string;
  pseudonyms?: string;
  recursive?: boolean;
  codebook?: string;
  gold?: string;
  project?: string;
  coder?: string;
  unit: Unit;
  format: 'md' | 'json' | 'csv';
  out?: string;
  documents: 'gold' | 'all';
  inputFormat?: string;
  language?: string;
}

/**
 * `qda validate`: the automatic coding against a human's, per code, with the segments to look at.
 * @example program.addCommand(validateCommand(ctx))
 */
export function validateCommand(ctx: CliContext): Command {
  const command = new Command('validate')
    .summary("the automatic coding against a human's: precision, recall, F1 per code")
    .description(
      `Code the transcripts with the codebook and compare the result with a human's
codings (the gold standard) segment by segment, per code: support (gold
segments), precision, recall, F1, and the segments the rules missed or
over-coded, so you can see which rules to fix.

A parent code counts a segment when any of its children is coded there. Gold
rows need the same segmentation (--unit) as the automatic coding; rows with
start,end but no segment are placed in every segment their span overlaps.
Segments neither side coded are true negatives and do not enter precision,
recall or F1. Only the documents the gold table codes something in are
compared (a coder who never read a document would make every automatic
coding there look wrong); --documents all scores every document.`,
    )
    .argument('[files...]', 'transcripts; or give --project')
    .addOption(optionalCodebookOption())
    .addOption(
      new Option(
        '-g, --gold <file>',
        "the human's coding table (.csv, .xlsx or a .qdpx project); with --project, default: the project's people's codings",
      ),
    )
    .addOption(projectOption())
    .addOption(
      new Option(
        '--coder <name>',
        'whose coding is the gold standard: one coder of the gold table (or project), by name in any case (needed when it has several)',
      ),
    )
    .addOption(unitOption())
    .addOption(
      new Option('--documents <which>', 'score only the documents the gold table codes (gold) or every document (all)')
        .choices(['gold', 'all'])
        .default('gold'),
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices(['md', 'json', 'csv']).default('md'))
    .addOption(outOption())
    .addHelpText(
      'after',
      `
CSV output is the per-code table; with --out x.csv the missed and over-coded
segments go to x-mismatches.csv.

Examples:
  qda validate data-sample/transcripts/*.md \\
    --codebook codebooks/lk3-psychosocial.yaml \\
    --gold data-sample/coders/coder-a.csv
  qda validate interview.md -c codebook.yaml --gold team.csv --coder ana \\
    --format json
  qda validate --project study.qda --coder ana`,
    )
    .action(async (files: string[], options: ValidateOptions) => {
      ctx.exitCode = await runValidate(ctx, files, options);
    });
  for (const option of [casesOption(), pseudonymsOption(), ...readerOptions()]) command.addOption(option);
  return command;
}

async function runValidate(ctx: CliContext, args: string[], options: ValidateOptions): Promise<number> {
  const wrong = sourceChoice(args, options.project, 'transcripts', [
    [CODEBOOK_FLAGS, options.codebook],
    ['-g, --gold <file>', options.gold],
  ]);
  if (wrong) return ctx.usage(wrong);
  const given = await optionalCodebook(ctx, options.codebook);
  if (typeof given === 'number') return given;
  const goldFile = options.gold ?? options.project!;
  let codebook: Codebook;
  let raw: Corpus;
  let rows: CodingRow[] = [];
  if (options.project) {
    const input = await readProjectInput(ctx, options.project, { codebook: given });
    codebook = input.codebook!;
    raw = input.corpus;
    rows = storedRows(input.codings.filter((c) => c.coder !== AUTO_CODER));
  } else {
    const files = await transcriptFiles(ctx, args, options);
    if (!files) return EXIT.data;
    const read = await readCorpus(files, readOptionsOf(options));
    if (ctx.report(read.messages)) return EXIT.data;
    codebook = given!;
    raw = read.corpus;
  }
  if (options.gold) {
    const table = await readCodings([options.gold]);
    if (ctx.report(table.messages)) return EXIT.data;
    rows = table.codings;
  }
  const goldCoders = [...new Set(rows.map((c) => c.coder))].sort();
  if (options.coder === undefined && goldCoders.length > 1)
    return ctx.usage(`${goldFile} holds several coders (${goldCoders.join(', ')}): choose one with --coder`);
  // --coder means what it means in qda report: one human coder's codings, by name in any case.
  if (options.coder !== undefined && ['auto', 'manual', 'all'].includes(options.coder))
    return ctx.usage(`--coder ${options.coder}: the gold standard is one human coder; name one of: ${goldCoders.join(', ')}`);
  const chosen = chooseCoder(options.coder ?? 'manual', rows);
  if ('problem' in chosen) {
    ctx.report([
      message(`--coder "${options.coder}" has no codings (the gold ${options.gold ? 'table' : 'project'} has: ${goldCoders.join(', ')})`, {
        file: goldFile,
        ruleId: 'unknown-coder',
        source: 'validate',
        fatal: true,
      }),
    ]);
    return EXIT.data;
  }
  const goldRows = chosen.manualCodings;

  const corpus = await withCasesFile(ctx, raw, options.cases);
  const key = await pseudonymKey(ctx, options.pseudonyms);
  if (!corpus || !key) return EXIT.data;
  const coder = createCoder(codebook);
  const segments: Segment[] = [];
  const auto: Coding[] = [];
  for (const [i, doc] of corpus.documents.entries()) {
    ctx.progress(`coding ${i + 1}/${corpus.documents.length} ${doc.id}`);
    const coded = coder.codeDocument(doc, { unit: options.unit });
    segments.push(...coded.segments);
    auto.push(...coded.codings);
  }
  ctx.progressDone();

  // The gold rows land on the segments exactly as `qda report --codings` puts them.
  const gold = placeCodings(goldRows, corpus.documents, { unit: options.unit, file: goldFile });
  ctx.report(gold.messages);
  const result = validateCoding(segments, auto, gold.codings, {
    codes: codebook.codes.map((c) => c.id),
    unit: options.unit,
    documents: options.documents,
  });
  if (result.documents.skipped.length > 0) {
    const n = result.documents.compared.length;
    ctx.io.stderr(
      `qda validate: compared the ${counted(n, 'document')} the gold ${options.gold ? 'table' : 'coder'} codes (${result.documents.compared.join(', ')}); left out ${result.documents.skipped.length} it does not (--documents all to score them)\n`,
    );
  }

  const shown = key.length > 0 ? pseudonymise(result, key) : result;
  const output =
    options.format === 'json'
      ? `${JSON.stringify(validationToJson(shown), null, 2)}\n`
      : options.format === 'csv'
        ? validationToCsv(shown)
        : validationToMarkdown(shown);
  if (!options.out) {
    ctx.io.stdout(output);
    if (options.format === 'csv')
      ctx.io.stderr(
        'qda validate: CSV shows the per-code table; the missed and over-coded segments are written with --out (as <name>-mismatches.csv), or use --format md|json\n',
      );
    return EXIT.ok;
  }
  if (options.format === 'csv')
    await writeFileAtomic(
      options.out.replace(/(\.[^./\\]*)?$/, (ext) => `-mismatches${ext}`),
      toCsv(validationTables(shown).mismatches),
    );
  await writeFileAtomic(options.out, output);
  return EXIT.ok;
}
