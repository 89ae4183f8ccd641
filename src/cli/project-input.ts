import { userInfo } from 'node:os';
import type { Codebook } from '../model/codebook.js';
import type { Corpus } from '../model/document.js';
import { message, QdaError } from '../model/message.js';
import { counts } from '../store/project-suggestions.js';
import { AUTO_CODER, type OpenOptions, type ProjectStore, type StoredCoding } from '../store/store.js';
import { EXIT, type CliContext } from './context.js';
import type { ReaderFlags } from './commands/options.js';

/**
 * Open a project file; notices (migration, lock recovery) go to stderr. The SQLite module is
 * loaded here, on first use, so commands that do not touch a project do not pay for it.
 * @example const store = await openProject(ctx, 'study.qda', { mode: 'read' })
 */
export async function openProject(ctx: CliContext, file: string, options: OpenOptions): Promise<ProjectStore> {
  const { openSqliteStore } = await import('../store/sqlite-store.js');
  return openSqliteStore(file, { notice: (text) => ctx.io.stderr(`${text}\n`), ...options });
}

/** Who the event log names for changes made from the command line: `$QDA_USER`, else the login name. */
export function cliActor(): string {
  const fromEnv = process.env.QDA_USER?.trim();
  if (fromEnv) return fromEnv;
  try {
    return userInfo().username || 'qda';
  } catch {
    return 'qda';
  }
}

/** A project's documents, current codebook and every coding that counts (not rejected; learned suggestions once accepted). */
export interface ProjectInput {
  corpus: Corpus;
  codebook: Codebook | null;
  codings: StoredCoding[];
}

/**
 * Read what a reading command needs from a project, for `--project`: documents, the current
 * codebook (or the one given with `--codebook`) and the codings not rejected (only the
 * machine's with `coder: 'auto'`). A project
 * without a codebook is a fatal message when `needCodebook` is set.
 * @example const { corpus, codebook, codings } = await readProjectInput(ctx, 'study.qda')
 */
export async function readProjectInput(
  ctx: CliContext,
  file: string,
  options: { codebook?: Codebook | null; needCodebook?: boolean; coder?: string } = {},
): Promise<ProjectInput> {
  const store = await openProject(ctx, file, { mode: 'read' });
  try {
    const codebook = options.codebook ?? (await store.currentCodebook())?.codebook ?? null;
    if (!codebook && options.needCodebook !== false) {
      throw new QdaError([
        message('the project has no codebook yet', {
          file,
          ruleId: 'no-codebook',
          source: 'project',
          fatal: true,
          note: 'add one with `qda project add FILE --codebook cb.yaml`, or give --codebook',
        }),
      ]);
    }
    const documents = await store.getDocuments();
    // `--coder auto` needs only the machine's codings: a large project need not be read whole.
    const codings = (
      await store.listCodings({ status: ['suggested', 'accepted'], ...(options.coder === AUTO_CODER ? { coder: AUTO_CODER } : {}) })
    ).filter(counts);
    return { corpus: { documents }, codebook, codings };
  } finally {
    await store.close();
  }
}

// Reader options do their work while transcripts are read; a project's were read when they
// were added, so with --project these options could only be ignored.
const PROJECT_IGNORES: ReadonlyArray<readonly [keyof ReaderFlags, string, string]> = [
  ['interviewer', '--interviewer', 'their roles were set then: give roles with --cases (a role column) instead'],
  ['language', '--language', 'their languages were set then (declared, given or detected)'],
  ['inputFormat', '--input-format', 'no transcript file is read'],
  ['recursive', '--recursive', 'no folder is read'],
  ['maxInputSize', '--max-input-size', 'no transcript file is read'],
  ['speakerCol', '--speaker-col', 'no transcript table is read'],
  ['textCol', '--text-col', 'no transcript table is read'],
  ['timeCol', '--time-col', 'no transcript table is read'],
  ['docCol', '--doc-col', 'no transcript table is read'],
  ['survey', '--survey', 'no transcript table is read'],
];

/**
 * With a project, the reader options given (they would be ignored: the project's transcripts
 * were read when they were added) as a usage error naming each and why; null when none was
 * given or there is no project. `what` names the project as the command takes it.
 * @example const ignored = projectIgnores(options.project, options); if (ignored) return ctx.usage(ignored);
 */
export function projectIgnores(project: string | undefined, options: ReaderFlags, what = '--project'): string | null {
  if (project === undefined) return null;
  const given = PROJECT_IGNORES.filter(([key]) => options[key] !== undefined && options[key] !== false);
  if (given.length === 0) return null;
  const [it, them] = given.length === 1 ? ['it', 'this option'] : ['them', 'these options'];
  const reasons = given.map(([, flag, why]) => `\n  ${flag}: ${why}`).join('');
  return `${given.map(([, flag]) => flag).join(', ')} cannot be used with ${what}: the project's transcripts were read when they were added, so ${them} would be ignored; give ${it} to qda project add${reasons}`;
}

/**
 * Check the choice between transcripts and `--project`: one of them, not both, without a
 * project the options files need (`[flags, value]` pairs), and with one no option for reading
 * transcripts (`reader`, see `projectIgnores`). Returns a usage error text, or null.
 * @example const wrong = sourceChoice(files, options.project, 'transcripts', [['-c, --codebook <file>', options.codebook]])
 */
export function sourceChoice(
  files: readonly string[],
  project: string | undefined,
  what = 'transcripts',
  needed: ReadonlyArray<readonly [string, unknown]> = [],
  reader: ReaderFlags = {},
): string | null {
  if (project !== undefined && files.length > 0) return `give ${what} or --project, not both`;
  if (project === undefined && files.length === 0) return `give ${what} (or --project study.qda)`;
  const missing = project === undefined ? needed.find(([, value]) => value === undefined) : undefined;
  return missing ? `required option '${missing[0]}' not specified` : projectIgnores(project, reader);
}

/** `--codebook <file>` as commands that also take `--project` read it. */
export const CODEBOOK_FLAGS = '-c, --codebook <file>';

/**
 * The codebook given with `--codebook`, or null when none was given; messages go to stderr and
 * a fatal one gives the exit code instead.
 * @example const codebook = await optionalCodebook(ctx, options.codebook); if (typeof codebook === 'number') return codebook;
 */
export async function optionalCodebook(ctx: CliContext, file: string | undefined): Promise<Codebook | null | number> {
  if (file === undefined) return null;
  const { readCodebook } = await import('../io/read-codebook.js');
  const read = await readCodebook(file);
  if (ctx.report(read.messages) || read.codebook === null) return EXIT.data;
  return read.codebook;
}
