import { Command, Option } from 'commander';
import { validateCoding, type CodingForValidation } from '../../analysis/validation.js';
import { createCoder } from '../../coding/code-corpus.js';
import { readCodebook } from '../../io/read-codebook.js';
import { readCodings } from '../../io/read-codings.js';
import { readCorpus } from '../../io/read-corpus.js';
import { writeFileAtomic } from '../../io/write-file.js';
import type { Coding } from '../../model/coding.js';
import { message, type Message } from '../../model/message.js';
import type { Segment, Unit } from '../../model/segment.js';
import { toCsv } from '../../report/csv.js';
import { validationTables, validationToCsv, validationToJson, validationToMarkdown } from '../../report/validation-table.js';
import { OffsetMap } from '../../text/offsets.js';
import { EXIT, type CliContext } from '../context.js';
import type { Codebook } from '../../model/codebook.js';
import type { Corpus } from '../../model/document.js';
import { AUTO_CODER } from '../../store/store.js';
import { readProjectInput, sourceChoice } from '../project-input.js';
import { optionalCodebookOption, outOption, projectOption, readerOptions, readOptionsOf, unitOption } from './options.js';

interface ValidateOptions {
  codebook?: string;
  gold?: string;
  project?: string;
  coder?: string;
  unit: Unit;
  format: 'md' | 'json' | 'csv';
  out?: string;
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
recall or F1.`,
    )
    .argument('[files...]', 'transcripts; or give --project')
    .addOption(optionalCodebookOption())
    .addOption(new Option('-g, --gold <file>', "the human's coding table (.csv); with --project, default: the project's people's codings"))
    .addOption(projectOption())
    .addOption(new Option('--coder <name>', 'use only this coder of the gold table (needed when it has several)'))
    .addOption(unitOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['md', 'json', 'csv']).default('md'))
    .addOption(outOption())
    .addHelpText('after', `
CSV output is the per-code table; with --out x.csv the missed and over-coded
segments go to x-mismatches.csv.

Examples:
  qda validate data-sample/transcripts/*.md --codebook codebooks/lk3-psychosocial.yaml --gold human.csv
  qda validate interview.md -c codebook.yaml --gold team.csv --coder ana --format json
  qda validate --project study.qda --coder ana`)
    .action(async (files: string[], options: ValidateOptions) => {
      ctx.exitCode = await runValidate(ctx, files, options);
    });
  for (const option of readerOptions()) command.addOption(option);
  return command;
}

async function runValidate(ctx: CliContext, files: string[], options: ValidateOptions): Promise<number> {
  const wrong = sourceChoice(files, options.project) ?? (options.project ? null : !options.codebook ? "required option '-c, --codebook <file>' not specified" : !options.gold ? "required option '-g, --gold <file>' not specified" : null);
  if (wrong) return ctx.usage(wrong);
  let codebook: Codebook | null = null;
  if (options.codebook) {
    const read = await readCodebook(options.codebook);
    if (ctx.report(read.messages) || read.codebook === null) return EXIT.data;
    codebook = read.codebook;
  }
  const goldFile = options.gold ?? options.project!;
  let goldAll: Coding[];
  let corpus: Corpus;
  if (options.project) {
    const input = await readProjectInput(ctx, options.project, { codebook });
    codebook = input.codebook;
    corpus = input.corpus;
    // Stored offsets are code points, as in a coding table without segment numbers.
    goldAll = input.codings.filter((c) => c.coder !== AUTO_CODER).map((c) => ({ document: c.document, segment: -1, code: c.code, start: c.start, end: c.end, coder: c.coder, source: 'manual', matches: [] }));
  } else {
    const read = await readCorpus(files, readOptionsOf(options));
    if (ctx.report(read.messages)) return EXIT.data;
    corpus = read.corpus;
    goldAll = [];
  }
  if (options.gold) {
    const gold = await readCodings([options.gold]);
    if (ctx.report(gold.messages)) return EXIT.data;
    goldAll = gold.codings;
  }
  const goldCoders = [...new Set(goldAll.map((c) => c.coder))];
  if (options.coder !== undefined && !goldCoders.includes(options.coder)) {
    ctx.report([message(`no rows of coder "${options.coder}"; the ${options.gold ? 'table' : 'project'} has: ${goldCoders.join(', ') || 'no rows'}`, { file: goldFile, ruleId: 'unknown-coder', source: 'validate', fatal: true })]);
    return EXIT.data;
  }
  if (options.coder === undefined && goldCoders.length > 1) return ctx.usage(`${goldFile} holds several coders (${goldCoders.join(', ')}): choose one with --coder`);
  const goldRows = goldAll.filter((c) => options.coder === undefined || c.coder === options.coder);
  const coder = createCoder(codebook!);
  const segments: Segment[] = [];
  const auto: Coding[] = [];
  const offsets = new Map<string, OffsetMap>();
  for (const [i, doc] of corpus.documents.entries()) {
    ctx.progress(`coding ${i + 1}/${corpus.documents.length} ${doc.id}`);
    const coded = coder.codeDocument(doc, { unit: options.unit });
    segments.push(...coded.segments);
    auto.push(...coded.codings);
    offsets.set(doc.id, new OffsetMap(doc.text));
  }
  ctx.progressDone();

  // Gold spans are code points (our CSV); segments are UTF-16 offsets of the document text.
  const goldCodings: CodingForValidation[] = goldRows.map((c) => {
    const map = offsets.get(c.document);
    return map && c.segment < 1 ? { ...c, start: map.toUtf16(c.start), end: map.toUtf16(c.end) } : c;
  });
  const result = validateCoding(segments, auto, goldCodings, { codes: codebook!.codes.map((c) => c.id), unit: options.unit });
  ctx.report(unplacedMessages(goldFile, result.unplaced, new Set(offsets.keys())));

  const output = options.format === 'json' ? `${JSON.stringify(validationToJson(result), null, 2)}\n` : options.format === 'csv' ? validationToCsv(result) : validationToMarkdown(result);
  if (!options.out) {
    ctx.io.stdout(output);
    if (options.format === 'csv') ctx.io.stderr('qda validate: CSV shows the per-code table; the missed and over-coded segments are written with --out (as <name>-mismatches.csv), or use --format md|json\n');
    return EXIT.ok;
  }
  if (options.format === 'csv') await writeFileAtomic(options.out.replace(/(\.[^./\\]*)?$/, (ext) => `-mismatches${ext}`), toCsv(validationTables(result).mismatches));
  await writeFileAtomic(options.out, output);
  return EXIT.ok;
}

/** One warning per document (or per row, for a known document) whose gold rows fall in no segment. */
function unplacedMessages(file: string, unplaced: readonly CodingForValidation[], documents: ReadonlySet<string>): Message[] {
  const unknown = new Map<string, number>();
  const out: Message[] = [];
  for (const c of unplaced) {
    if (!documents.has(c.document)) unknown.set(c.document, (unknown.get(c.document) ?? 0) + 1);
    else {
      const where = c.segment >= 1 ? `segment ${c.segment}` : 'its start,end span';
      out.push(message(`gold coding "${c.code}" in document "${c.document}" at ${where} falls in no segment of the transcript; it is ignored`, {
        file, ruleId: 'gold-unplaced', source: 'validate', note: 'check that --unit matches the segmentation the gold table was made with',
      }));
    }
  }
  for (const [document, n] of unknown) {
    out.push(message(`${n} gold coding${n === 1 ? '' : 's'} of document "${document}", which is not among the transcripts, ignored`, { file, ruleId: 'gold-unknown-document', source: 'validate' }));
  }
  return out;
}
