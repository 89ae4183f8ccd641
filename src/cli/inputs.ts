import { Option } from 'commander';
import { joinCases, type Cases } from '../import/cases.js';
import { readCases } from '../io/read-cases.js';
import { readPseudonyms } from '../io/read-pseudonyms.js';
import type { Corpus } from '../model/document.js';
import type { Pseudonym } from '../report/pseudonyms.js';
import type { CliContext } from './context.js';

/** `--cases <file>`: attributes and roles per speaker or document. */
export const casesOption = () =>
  new Option(
    '--cases <file>',
    'attributes per speaker or document (.csv or .xlsx), joined on the first column (or on `speaker`/`document` columns); a `role` column gives roles',
  );

/** `--pseudonyms <file>`: real names → pseudonyms in every name and text printed. */
export const pseudonymsOption = () =>
  new Option('--pseudonyms <file>', 'key of real names → pseudonyms (.csv or .xlsx: name,pseudonym); replaces names in every output');

/**
 * The cases of `--cases` (undefined without one); problems reported. Null when the file
 * cannot be used (reported, exit 1). For commands that join them in worker threads.
 * @example const cases = await casesFile(ctx, options.cases); if (cases === null) return EXIT.data;
 */
export async function casesFile(ctx: CliContext, file: string | undefined): Promise<Cases | undefined | null> {
  if (file === undefined) return undefined;
  const { cases, messages } = await readCases(file);
  return ctx.report(messages) || !cases ? null : cases;
}

/**
 * The corpus with a cases file joined (unchanged without one); problems reported. Null when
 * the cases file cannot be used (reported, exit 1).
 * @example const corpus = await withCasesFile(ctx, read.corpus, options.cases)
 */
export async function withCasesFile(ctx: CliContext, corpus: Corpus, file: string | undefined): Promise<Corpus | null> {
  const cases = await casesFile(ctx, file);
  if (cases === undefined) return corpus;
  if (cases === null) return null;
  const joined = joinCases(corpus, cases);
  ctx.report(joined.messages);
  return joined.corpus;
}

/**
 * The pseudonym key of `--pseudonyms` (an empty key without one); null when it cannot be read
 * (reported, exit 1).
 * @example const key = await pseudonymKey(ctx, options.pseudonyms)
 */
export async function pseudonymKey(ctx: CliContext, file: string | undefined): Promise<Pseudonym[] | null> {
  if (file === undefined) return [];
  const loaded = await readPseudonyms(file);
  return ctx.report(loaded.messages) || !loaded.key ? null : loaded.key;
}
