import { InvalidArgumentError, Option } from 'commander';
import { availableParallelism } from 'node:os';
import { UNITS } from '../../model/segment.js';
import { READERS } from '../../io/read-corpus.js';
import type { ReadCorpusOptions } from '../../io/read-corpus.js';
import { expandInputs } from '../../io/expand-inputs.js';
import type { CliContext } from '../context.js';
import { DEFAULT_MAX_INPUT_SIZE, formatSize, parseSize } from '../../io/read-input.js';

// One option vocabulary for every command (docs/architecture.md, rule 5): same name, same meaning.

/** `--codebook <file>`. */
export const codebookOption = () => new Option('-c, --codebook <file>', 'codebook file (.yaml, .json or .qdc)').makeOptionMandatory();

/** `--project <file>`: read transcripts, codebook and codings from a project instead of files. */
export const projectOption = () =>
  new Option(
    '-p, --project <file>',
    'read the transcripts, codebook and codings from this project (qda project) instead of files; rejected suggestions never count; options for reading transcripts (--interviewer, --language, …) belong to qda project add',
  );

/** `--codebook <file>` for commands that also take `--project` (whose codebook is the default). */
export const optionalCodebookOption = () =>
  new Option('-c, --codebook <file>', "codebook file (.yaml, .json or .qdc); with --project, instead of the project's current codebook");

/** `--unit turn|paragraph|sentence`. */
export const unitOption = () =>
  new Option('-u, --unit <unit>', 'segment unit that is coded and counted').choices([...UNITS]).default('turn');

/** `--out <file>`. */
export const outOption = (what = 'file') =>
  new Option('-o, --out <path>', `write to this ${what} instead of stdout (written whole or not at all)`);

/** `--jobs <n>`: worker threads for large inputs. */
export const jobsOption = () =>
  new Option('-j, --jobs <n>', 'worker threads for large inputs (default: the number of cores); output is the same for any n');

/**
 * The number of worker threads `--jobs` asks for (default: the number of cores), at most the
 * number of cores (`warn` says so: each worker holds its own copy of the compiled codebook, so
 * more workers than cores only cost memory); null when it is not a whole number from 1 up.
 * @example jobsOf('2', ctx.io.stderr) // 2
 */
export function jobsOf(option: string | undefined, warn: (text: string) => void): number | null {
  const cores = availableParallelism();
  const jobs = option === undefined ? cores : Number(option);
  if (!Number.isInteger(jobs) || jobs < 1) return null;
  if (jobs <= cores) return jobs;
  warn(`qda: warning: --jobs ${jobs} is more than the ${cores} cores of this machine; using ${cores}\n`);
  return cores;
}

/** `--input-format <fmt>`: overrides the format guessed from each file's extension. */
export const inputFormatOption = () =>
  new Option('--input-format <format>', 'read every input as this format instead of guessing from the extension').choices(
    Object.keys(READERS),
  );

/** `--language id|en`: language of transcripts whose front matter does not say. */
export const languageOption = () => new Option('--language <code>', 'language of transcripts that do not declare one (id, en)');

/** `--interviewer <labels>`: the labels that give role `interviewer` to speakers without one. */
export const interviewerOption = () =>
  new Option(
    '--interviewer <labels>',
    'speaker labels that mean the interviewer, comma-separated, or "none" (default: Interviewer, Pewawancara, Peneliti, Moderator, Researcher, I, Q, …)',
  );

/** `--recursive`: a folder argument also gives the transcripts in its subfolders. */
export const recursiveOption = () => new Option('-r, --recursive', 'a folder argument also reads the transcripts in its subfolders');

/**
 * The transcript files that a command's arguments name: folders and `*` patterns expanded by
 * qda (see `expandInputs`), skipped files reported. Null when an argument matched nothing
 * (reported, exit 1).
 * @example const list = await transcriptFiles(ctx, files, options); if (!list) return EXIT.data;
 */
export async function transcriptFiles(
  ctx: CliContext,
  args: readonly string[],
  options: { recursive?: boolean },
): Promise<string[] | null> {
  const { files, messages } = await expandInputs(args, { recursive: options.recursive ?? false });
  return ctx.report(messages) ? null : files;
}

/** The reader options of `--speaker-col`, `--text-col`, `--time-col`, `--doc-col` and `--survey` (CSV and XLSX tables). */
export type TableReadOptions = {
  speakerCol?: string;
  textCol?: string;
  timeCol?: string;
  docCol?: string;
  survey?: boolean;
};

/**
 * The options of CSV/XLSX transcript tables: which columns hold speaker, text, time and
 * document (a header, a 1-based number or a letter), and `--survey` for one row per respondent.
 * @example for (const option of tableOptions()) command.addOption(option)
 */
export function tableOptions(): Option[] {
  return [
    new Option(
      '--speaker-col <column>',
      'table column with the speaker (with --survey: the respondent id); default: a column named speaker, pembicara, nama…',
    ),
    new Option(
      '--text-col <column>',
      'table column with the utterance (with --survey: the question columns, comma-separated); default: text, teks, ujaran…',
    ),
    new Option('--time-col <column>', 'table column with the timestamp; default: time, timestamp, waktu…'),
    new Option('--doc-col <column>', 'table column with the document id, for many documents in one table; default: document, dokumen…'),
    new Option('--survey', 'the table has one row per respondent and one column per open question: each question becomes a document'),
  ];
}

/** `--max-input-size <size>`: most bytes read from one input file or inflated from a zipped one. */
export const maxInputSizeOption = () =>
  new Option(
    '--max-input-size <size>',
    `most bytes to read from one input file or inflate from a .docx/.xlsx/.qdpx (e.g. 256MB; default ${formatSize(DEFAULT_MAX_INPUT_SIZE).replace(' ', '')}); JSONL is streamed without limit`,
  ).argParser((value) => {
    const bytes = parseSize(value);
    if (bytes === undefined) throw new InvalidArgumentError('give a size such as 256MB, 1.5GB or 500k');
    return bytes;
  });

/** What a command that reads transcripts received about reading them. */
export type ReaderFlags = {
  inputFormat?: string;
  language?: string;
  interviewer?: string;
  recursive?: boolean;
  maxInputSize?: number;
} & TableReadOptions;

/**
 * `--input-format`, `--language` and the table options: every command that reads transcripts takes them.
 * @example for (const option of readerOptions()) command.addOption(option)
 */
export function readerOptions(): Option[] {
  return [inputFormatOption(), languageOption(), interviewerOption(), recursiveOption(), maxInputSizeOption(), ...tableOptions()];
}

/**
 * The reader options a command received, as `readCorpus` takes them.
 * @example readCorpus(files, readOptionsOf(options))
 */
export function readOptionsOf(options: ReaderFlags): ReadCorpusOptions {
  const picked: ReadCorpusOptions = {};
  if (options.inputFormat !== undefined) picked.inputFormat = options.inputFormat;
  if (options.language !== undefined) picked.language = options.language;
  if (options.interviewer !== undefined) picked.interviewerLabels = interviewerLabels(options.interviewer);
  if (options.maxInputSize !== undefined) picked.maxInputSize = options.maxInputSize;
  if (options.speakerCol !== undefined) picked.speakerCol = options.speakerCol;
  if (options.textCol !== undefined) picked.textCol = options.textCol;
  if (options.timeCol !== undefined) picked.timeCol = options.timeCol;
  if (options.docCol !== undefined) picked.docCol = options.docCol;
  if (options.survey) picked.survey = true;
  return picked;
}

/** The labels of `--interviewer`: comma-separated, lower case; `none` for none. */
function interviewerLabels(value: string): string[] {
  if (value.trim().toLowerCase() === 'none') return [];
  return value
    .split(',')
    .map((l) => l.trim().toLocaleLowerCase())
    .filter((l) => l !== '');
}

/**
 * An old option spelling kept for one release: hidden from `--help`, and when used, a
 * deprecation warning on stderr names the new spelling. `deprecated` gives what it was given.
 * @example command.addOption(oldSpelling('-l, --level <level>', '--metric')); … deprecated(ctx, 'alpha', options.level, '--level', '--metric')
 */
export function oldSpelling(flags: string, replacement: string): Option {
  return new Option(flags, `deprecated: use ${replacement}`).hideHelp();
}

/**
 * Warn once on stderr that an old option spelling was used, and return its value.
 * @example const metric = deprecated(ctx.io.stderr, 'alpha', options.level, '--level', '--metric') ?? options.metric
 */
export function deprecated<T>(
  stderr: (text: string) => void,
  command: string,
  value: T | undefined,
  old: string,
  replacement: string,
): T | undefined {
  if (value !== undefined)
    stderr(
      `qda ${command}: warning: ${old} is deprecated and will be removed in the next release; use ${replacement} [deprecated-option]\n`,
    );
  return value;
}
