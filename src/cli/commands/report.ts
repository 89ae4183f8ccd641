import { Command, Option } from 'commander';
import { groupingAttributes } from '../../analysis/frequencies.js';
import type { EvidencedCoding } from '../../analysis/quotes.js';
import { depthOf } from '../../analysis/rollup.js';
import { chooseCoder } from '../../coding/choose-coder.js';
import { createCoder } from '../../coding/code-corpus.js';
import { unmatchedRoleFilters } from '../../coding/role-filters.js';
import { readManualCodings } from '../../io/read-manual-codings.js';
import { readCorpus } from '../../io/read-corpus.js';
import { writeReport } from '../../io/write-report.js';
import type { Codebook } from '../../model/codebook.js';
import type { Corpus } from '../../model/document.js';
import type { Message } from '../../model/message.js';
import type { Segment, Unit } from '../../model/segment.js';
import { buildReport } from '../../report/build-report.js';
import { placeStoredCodings } from '../../store/project-codings.js';
import { AUTO_CODER, type StoredCoding } from '../../store/store.js';
import { pseudonymise } from '../../report/pseudonyms.js';
import { nameLeaks } from '../../report/name-leaks.js';
import { segmentDocument } from '../../text/segment.js';
import { EXIT, type CliContext } from '../context.js';
import { casesOption, pseudonymKey, pseudonymsOption, withCasesFile } from '../inputs.js';
import { CODEBOOK_FLAGS, optionalCodebook, readProjectInput, sourceChoice } from '../project-input.js';
import { optionalCodebookOption, projectOption, readerOptions, readOptionsOf, transcriptFiles, unitOption } from './options.js';
import { counted } from '../../util/plural.js';

interface ReportCommandOptions {
  labels?: string;
  recursive?: boolean;
  codebook?: string;
  project?: string;
  out: string;
  cases?: string;
  codings?: string[];
  coder?: string;
  by: string;
  unit: Unit;
  quotes: string;
  pseudonyms?: string;
  level: string;
  base: 'applicable' | 'all';
  inputFormat?: string;
  language?: string;
  interviewer?: string;
}

/**
 * `qda report`: every table, chart and the HTML report for the write-up.
 * @example program.addCommand(reportCommand(ctx))
 */
export function reportCommand(ctx: CliContext): Command {
  const command = new Command('report')
    .summary('write every table, chart and the HTML report for the write-up')
    .description(
      `Code the transcripts (or take human coders' tables), then write the report:
  frequencies.csv/md/tex  segments, documents, speakers per code, by --by
  cooccurrence.csv/md     codes in the same segment: counts and Jaccard
  quotes.md/csv           the most telling quotes per code, with (Name, Year)
  codebook.md/csv/tex     the codebook as an appendix table
  tables.xlsx             the tables of report.html, one sheet each
  charts/*.svg            codes by family, code × informant, co-occurrence
  report.html             all of it in one page that opens offline and prints
  report.js               sorts the page's tables by a column (optional)
Parents count every segment a child codes. The folder is written whole or
not at all.`,
    )
    .argument('[files...]', 'transcripts (every supported format); or give --project')
    .addOption(optionalCodebookOption())
    .addOption(projectOption())
    .addOption(new Option('-o, --out <dir>', 'report folder (created, or replaced when it holds an earlier report)').makeOptionMandatory())
    .addOption(casesOption())
    .addOption(
      new Option(
        '--codings <files...>',
        'coding tables from human coders (our CSV or the same columns in .xlsx, with or without a coder column, or a .qdpx project); list them after the transcripts',
      ),
    )
    .addOption(
      new Option(
        '--coder <name>',
        "whose coding to report: auto, manual (every human coder), all (auto and every human coder), or one coder's name (default: auto; manual with --codings)",
      ),
    )
    .addOption(new Option('--by <grouping>', 'group frequencies by document, speaker, role or any attribute').default('speaker'))
    .addOption(unitOption())
    .addOption(new Option('--quotes <k>', 'quotes per code').default('3'))
    .addOption(pseudonymsOption())
    .addOption(
      new Option(
        '--labels <language>',
        "language of the code labels in tables, charts and quotes, e.g. en for the English labels (default: the codebook's language)",
      ),
    )
    .addOption(
      new Option(
        '--base <base>',
        "what frequency shares are of: the segments each code can apply to by its speaker/role rules (not the interviewer's for !interviewer), or all segments",
      )
        .choices(['applicable', 'all'])
        .default('applicable'),
    )
    .addOption(
      new Option(
        '--level <n>',
        'depth of the co-occurrence table and heat-map: 1 = families (the top-level codes), 2 = the codes under them, …, or all for every code',
      ).default('1'),
    )
    .addHelpText(
      'after',
      `
Examples:
  qda report data-sample/transcripts/* --cases data-sample/cases.csv \\
    --codebook codebooks/lk3-psychosocial.yaml --out report
  # co-occurrence of every code, not only of the families:
  qda report transcripts/*.md -c codebook.yaml --level all --out report
  qda report transcripts/*.md -c codebook.yaml --by role --level 2 \\
    --pseudonyms key.csv --out report-anon
  qda report transcripts/*.md -c codebook.yaml --codings ana.csv budi.csv \\
    --coder all --out report-merged
  # a project's codings (rejected suggestions never count):
  qda report --project study.qda --coder all --out report`,
    )
    .action(async (files: string[], options: ReportCommandOptions) => {
      ctx.exitCode = await runReport(ctx, files, options);
    });
  for (const option of readerOptions()) command.addOption(option);
  return command;
}

async function runReport(ctx: CliContext, args: string[], options: ReportCommandOptions): Promise<number> {
  const quotes = Number(options.quotes);
  if (!Number.isInteger(quotes) || quotes < 0) return ctx.usage(`--quotes must be a whole number from 0 up (got "${options.quotes}")`);
  const level = options.level === 'all' ? 'all' : Number(options.level);
  if (level !== 'all' && (!Number.isInteger(level) || level < 1))
    return ctx.usage(`--level must be a whole number from 1 up, or all (got "${options.level}")`);

  const source = await readSource(ctx, args, options);
  if (typeof source === 'number') return done(ctx, source);
  const { codebook, stored } = source;
  if (options.labels !== undefined && !codebook.codes.some((c) => c.labels[options.labels!] !== undefined)) {
    const have = [...new Set(codebook.codes.flatMap((c) => Object.keys(c.labels)))];
    return done(
      ctx,
      ctx.usage(
        `--labels ${options.labels}: no code of ${options.codebook ?? `the codebook of ${options.project}`} has a label in that language; it has labels in: ${have.join(', ') || 'none'}`,
      ),
    );
  }
  const maxDepth = Math.max(...codebook.codes.map((c) => depthOf(c.id)));
  if (level !== 'all' && level > maxDepth)
    return done(ctx, ctx.usage(`--level ${level} is deeper than the codebook, whose codes go ${counted(maxDepth, 'level')} deep`));
  const corpus = await withCasesFile(ctx, source.corpus, options.cases);
  if (!corpus) return done(ctx, EXIT.data);
  const key = await pseudonymKey(ctx, options.pseudonyms);
  if (!key) return done(ctx, EXIT.data);
  const groupings = ['document', 'speaker', 'role', ...groupingAttributes(corpus.documents)];
  if (!groupings.includes(options.by))
    return done(
      ctx,
      ctx.usage(
        `--by "${options.by}" is neither document, speaker, role nor an attribute of these transcripts; choose one of: ${groupings.join(', ')}`,
      ),
    );

  if (stored && options.codings)
    return done(
      ctx,
      ctx.usage('--codings cannot be combined with --project: the project holds the codings (add them with qda project add --codings)'),
    );
  const projectCodings = stored ? splitProjectCodings(corpus, stored, options.unit, options.project!) : null;
  const manual = options.codings
    ? await readManualCodings(options.codings, corpus, codebook, options.unit)
    : (projectCodings?.manual ?? null);
  if (manual && ctx.report(manual.messages)) return done(ctx, EXIT.data);
  const chosen = chooseCoder(options.coder, manual === null ? null : manual.codings);
  if ('problem' in chosen) return done(ctx, ctx.usage(chosen.problem));
  const { useAuto, manualCodings: selectedManual, label: coderLabel } = chosen;

  const segments: Segment[] = manual?.segments ?? [];
  const codings: EvidencedCoding[] = [];
  const coder = useAuto && !projectCodings ? createCoder(codebook) : null;
  if (useAuto && projectCodings) for (const c of projectCodings.auto) codings.push(c);
  corpus.documents.forEach((doc, i) => {
    if (coder) {
      ctx.progress(`coding ${i + 1}/${corpus.documents.length} ${doc.id}`);
      const coded = coder.codeDocument(doc, { unit: options.unit });
      if (!manual) for (const s of coded.segments) segments.push(s);
      for (const c of coded.codings) codings.push(c);
    } else if (!manual) for (const s of segmentDocument(doc, options.unit)) segments.push(s);
  });
  for (const c of selectedManual) codings.push(c);
  if (useAuto)
    ctx.report(
      unmatchedRoleFilters(
        codebook,
        segments.map((s) => s.role),
        options.codebook ?? options.project!,
      ),
    );

  ctx.progress('writing the report');
  let data = buildReport({ documents: corpus.documents, segments, codings }, codebook, {
    by: options.by,
    quotes,
    unit: options.unit,
    coder: coderLabel,
    base: options.base,
    ...(options.labels ? { language: options.labels } : {}),
    level,
  });
  if (key.length > 0) data = pseudonymise(data, key);
  // Loaded here: Observable Plot and the DOM it draws on take half a second to load.
  const { renderReport } = await import('../../report/render-report.js');
  const output = await renderReport(data);
  // Whatever route a name took into a file (a renderer, an id, an escape), it must not get out.
  if (key.length > 0 && ctx.report(nameLeaks(output, key, options.out))) return done(ctx, EXIT.data);
  const written = await writeReport(options.out, output);
  if (ctx.report(written)) return done(ctx, EXIT.data);
  ctx.progressDone();
  ctx.io.stderr(
    `${options.out}: ${counted(output.size, 'file')} — ${counted(data.summary.documents, 'document')}, ${counted(data.summary.segments, 'segment')}, ${counted(data.summary.codings, 'coding')} (${coderLabel})\n`,
  );
  return EXIT.ok;
}

/** Transcripts, codebook and (with --project) the stored codings, from files or a project; a number is an exit code. */
async function readSource(
  ctx: CliContext,
  args: string[],
  options: ReportCommandOptions,
): Promise<{ corpus: Corpus; codebook: Codebook; stored: StoredCoding[] | null } | number> {
  const wrong = sourceChoice(args, options.project, 'transcripts', [[CODEBOOK_FLAGS, options.codebook]], options);
  if (wrong) return ctx.usage(wrong);
  const codebook = await optionalCodebook(ctx, options.codebook);
  if (typeof codebook === 'number') return codebook;
  if (options.project) {
    const input = await readProjectInput(ctx, options.project, {
      codebook,
      ...(options.coder !== undefined ? { coder: options.coder } : {}),
    });
    return { corpus: input.corpus, codebook: input.codebook!, stored: input.codings };
  }
  const files = await transcriptFiles(ctx, args, options);
  if (!files) return EXIT.data;
  ctx.progress(`reading ${counted(files.length, 'file')}`);
  const { corpus, messages } = await readCorpus(files, readOptionsOf(options));
  if (ctx.report(messages)) return EXIT.data;
  return { corpus, codebook: codebook!, stored: null };
}

/**
 * A project's codings on the segments of this run's unit: the machine's (coder `auto`) apart
 * from people's, which are null when no person has coded (as without --codings).
 */
function splitProjectCodings(
  corpus: Corpus,
  stored: readonly StoredCoding[],
  unit: Unit,
  file: string,
): { auto: EvidencedCoding[]; manual: { codings: EvidencedCoding[]; segments: Segment[]; messages: Message[] } | null } {
  // In the order they were stored: automatic coding stores them as the coder made them.
  const inOrder = [...stored].sort((a, b) => a.id - b.id);
  const auto = placeStoredCodings(
    inOrder.filter((c) => c.coder === AUTO_CODER),
    corpus.documents,
    unit,
    file,
  );
  const human = inOrder.filter((c) => c.coder !== AUTO_CODER);
  if (human.length === 0) return { auto: auto.codings, manual: null };
  const people = placeStoredCodings(human, corpus.documents, unit, file);
  return {
    auto: auto.codings,
    manual: { codings: people.codings, segments: [...people.segments.values()].flat(), messages: [...auto.messages, ...people.messages] },
  };
}

function done(ctx: CliContext, code: number): number {
  ctx.progressDone();
  return code;
}
