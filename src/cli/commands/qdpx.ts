import { basename } from 'node:path';
import { Command, Option } from 'commander';
import { codebookToYaml } from '../../codebook/to-yaml.js';
import { createCoder } from '../../coding/code-corpus.js';
import { placeCodings } from '../../coding/place-codings.js';
import { projectCodingsCsv, projectSummary } from '../../refi/project-tables.js';
import { readCodings } from '../../io/read-codings.js';
import { readCorpus } from '../../io/read-corpus.js';
import { refusalReason, writeFolderAtomic } from '../../io/write-folder.js';
import type { Codebook } from '../../model/codebook.js';
import type { Coding } from '../../model/coding.js';
import type { Document } from '../../model/document.js';
import type { Unit } from '../../model/segment.js';
import { message } from '../../model/message.js';
import { CODING_COLUMNS } from '../../report/coding-table.js';
import { modelCodings } from '../../store/project-codings.js';
import { EXIT, type CliContext } from '../context.js';
import { casesOption, withCasesFile } from '../inputs.js';
import { CODEBOOK_FLAGS, optionalCodebook, readProjectInput, sourceChoice } from '../project-input.js';
import {
  inputFormatOption,
  languageOption,
  maxInputSizeOption,
  optionalCodebookOption,
  readOptionsOf,
  recursiveOption,
  transcriptFiles,
  unitOption,
} from './options.js';
import { counted } from '../../util/plural.js';

interface ExportOptions {
  cases?: string;
  recursive?: boolean;
  codebook?: string;
  project?: string;
  codings?: string[];
  unit: Unit;
  name?: string;
  out: string;
  inputFormat?: string;
  language?: string;
}

/** Options of `qda qdpx import`. */
interface ImportOptions {
  out: string;
  language?: string;
  maxInputSize?: number;
}

/** `qda qdpx import|export`: REFI-QDA projects in and out. */
export function qdpxCommand(ctx: CliContext): Command {
  const cmd = new Command('qdpx')
    .summary('import or export REFI-QDA projects (.qdpx: NVivo, ATLAS.ti, MAXQDA, QualCoder…)')
    .description('Exchange coded projects with other QDA software through the REFI-QDA standard (.qdpx).');
  cmd
    .command('import')
    .summary('read a .qdpx into sources, codebook.yaml and codings.csv')
    .description(
      `Read a REFI-QDA project and write into the --out folder:
  sources/<id>.txt  the text of every source (UTF-8, LF line ends)
  codebook.yaml     its codebook (code ids made from the code names)
  codings.csv       one row per coding, columns
                    ${[...CODING_COLUMNS, 'coder'].join(',')}
                    start/end: code points of the source text; text: the
                    selected text; coder: the user who coded it
  project.json      users, variables, cases, document attributes, and how
                    positions were read: code points, or UTF-16 units with
                    CRLF as two (as NVivo writes), whichever fits the
                    selections to the text
Empty sources (an export whose text did not survive) are reported, left out.`,
    )
    .argument('<file>', 'the .qdpx project')
    .addOption(
      new Option(
        '-o, --out <folder>',
        'folder to write the sources, codebook.yaml, codings.csv and project.json into',
      ).makeOptionMandatory(),
    )
    .addOption(languageOption())
    .addOption(maxInputSizeOption())
    .addHelpText(
      'after',
      `
Example:
  qda qdpx import nvivo-export.qdpx --out imported/
  qda agree imported/codings.csv --format md`,
    )
    .action(async (file: string, options: ImportOptions) => {
      ctx.exitCode = await runImport(ctx, file, options);
    });
  cmd
    .command('export')
    .summary('write transcripts, a codebook and codings as a .qdpx')
    .description(
      `Write transcripts, a codebook and codings as a REFI-QDA project: one text
source per document, the codebook (definitions, criteria, examples and rules in
each code's description), one user per coder ("auto" for automatic coding) and
every coding as a PlainTextSelection. Without --codings the transcripts are
coded with the codebook now. Positions count Unicode code points of the text
with LF line ends, as the project's description states.`,
    )
    .argument('[files...]', 'transcripts (.txt, .md, and every other supported format); or give --project')
    .addOption(optionalCodebookOption())
    .addOption(
      new Option('-p, --project <file>', "a project's transcripts, codebook and every coder's codings that are not rejected (qda project)"),
    )
    .addOption(
      new Option('--codings <files...>', 'coding tables (qda code CSV, optionally with a coder column) instead of coding automatically'),
    )
    .addOption(unitOption())
    .addOption(new Option('--name <name>', 'project name (default: the codebook name, else the output file name)'))
    .addOption(new Option('-o, --out <file>', 'the .qdpx to write (written whole or not at all)').makeOptionMandatory())
    .addOption(inputFormatOption())
    .addOption(languageOption())
    .addOption(recursiveOption())
    .addOption(casesOption())
    .addHelpText(
      'after',
      `
Examples:
  qda qdpx export transcripts/*.md --codebook codebook.yaml --out lk3.qdpx
  qda qdpx export transcripts/*.md -c codebook.yaml \\
    --codings ana.csv budi.csv --out coders.qdpx
  qda qdpx export --project study.qda --out study.qdpx`,
    )
    .action(async (files: string[], options: ExportOptions) => {
      ctx.exitCode = await runExport(ctx, files, options);
    });
  return cmd;
}

async function runImport(ctx: CliContext, file: string, options: ImportOptions): Promise<number> {
  const { readQdpx } = await import('../../io/read-qdpx.js');
  const project = await readQdpx(file, {
    ...(options.language ? { language: options.language } : {}),
    ...(options.maxInputSize ? { maxInputSize: options.maxInputSize } : {}),
  });
  if (ctx.report(project.messages) || project.codebook === null) return EXIT.data;
  const outputs = new Map<string, string>();
  for (const doc of project.corpus.documents) outputs.set(`sources/${doc.id}.txt`, doc.text);
  outputs.set('codebook.yaml', codebookToYaml(project.codebook));
  outputs.set('codings.csv', projectCodingsCsv(project));
  outputs.set('project.json', `${JSON.stringify(projectSummary(project, file), null, 2)}\n`);
  // The folder appears whole or not at all: a kill or a full disk leaves no half of 303 files.
  const refusal = await writeFolderAtomic(
    options.out,
    outputs,
    (path) => /^sources\/[^/]+\.txt$/.test(path) || ['codebook.yaml', 'codings.csv', 'project.json'].includes(path),
  );
  if (refusal) {
    ctx.report([
      message(`--out ${refusalReason(refusal, 'an imported project')}`, {
        file: options.out,
        ruleId: 'out-not-import',
        source: 'qdpx',
        fatal: true,
      }),
    ]);
    return EXIT.data;
  }
  const coders = new Set(project.codings.map((c) => c.coder));
  const positions = project.meta.positions;
  ctx.io.stderr(
    `${file}: ${counted(project.corpus.documents.length, 'source')}, ${counted(project.codebook.codes.length, 'code')}, ${counted(project.codings.length, 'coding')} by ${counted(coders.size, 'coder')}` +
      `${positions?.decisive ? `; positions read as ${positions.text}` : ''} → ${options.out}\n`,
  );
  return EXIT.ok;
}

async function runExport(ctx: CliContext, args: string[], options: ExportOptions): Promise<number> {
  const wrong = sourceChoice(args, options.project, 'transcripts', [[CODEBOOK_FLAGS, options.codebook]]);
  if (wrong) return ctx.usage(wrong);
  if (options.project && options.codings) return ctx.usage('--codings cannot be combined with --project: the project holds the codings');
  const given = await optionalCodebook(ctx, options.codebook);
  if (typeof given === 'number') return given;
  let codebook: Codebook;
  let documents: Document[];
  let codings: Coding[];
  if (options.project) {
    const input = await readProjectInput(ctx, options.project, { codebook: given });
    codebook = input.codebook!;
    const corpus = await withCasesFile(ctx, input.corpus, options.cases);
    if (!corpus) return EXIT.data;
    documents = corpus.documents;
    codings = modelCodings(input.codings, documents);
  } else {
    codebook = given!;
    const files = await transcriptFiles(ctx, args, options);
    if (!files) return EXIT.data;
    const read = await readCorpus(files, readOptionsOf(options));
    if (ctx.report(read.messages)) return EXIT.data;
    const corpus = await withCasesFile(ctx, read.corpus, options.cases);
    if (!corpus) return EXIT.data;
    documents = corpus.documents;
    const chosen = await chooseCodings(ctx, documents, codebook, options);
    if (chosen === null) return EXIT.data;
    codings = chosen;
  }
  const name = options.name ?? codebook.name ?? basename(options.out).replace(/\.qdpx$/i, '');
  const { writeQdpx } = await import('../../io/write-qdpx.js');
  const archive = await writeQdpx(options.out, { name, codebook, documents, codings });
  const coders = [...new Set(codings.map((c) => c.coder))];
  ctx.io.stderr(
    `${options.out}: ${counted(documents.length, 'source')}, ${counted(codebook.codes.length, 'code')}, ${counted(codings.length - archive.skipped.length, 'coding')} by ${coders.join(', ') || 'nobody'}\n`,
  );
  return EXIT.ok;
}

/** The coding tables given with --codings, whole spans filed under a segment, or automatic coding; null after a fatal message. */
async function chooseCodings(
  ctx: CliContext,
  documents: readonly Document[],
  codebook: Codebook,
  options: ExportOptions,
): Promise<Coding[] | null> {
  if (options.codings && options.codings.length > 0) {
    const table = await readCodings(options.codings);
    if (ctx.report(table.messages)) return null;
    const placed = placeCodings(table.codings, documents, {
      unit: options.unit,
      mode: 'span',
      codes: new Set(codebook.codes.map((c) => c.id)),
      file: options.codings.join(', '),
    });
    if (ctx.report(placed.messages)) return null;
    return placed.codings;
  }
  const coder = createCoder(codebook);
  return documents.flatMap((doc) => coder.codeDocument(doc, { unit: options.unit }).codings.map(({ hits: _hits, ...c }) => c));
}
