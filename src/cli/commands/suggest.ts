import { Command, Option } from 'commander';
import { readQdpx } from '../../io/read-qdpx.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { buildDataset, type CodingDecision, type Dataset } from '../../learn/dataset.js';
import { evaluateSuggester } from '../../learn/evaluate.js';
import { trainSuggester } from '../../learn/model.js';
import { suggestCodings } from '../../learn/suggest.js';
import { LEARNING_UNITS, type LearningUnit } from '../../learn/units.js';
import { message } from '../../model/message.js';
import { toCsv } from '../../report/csv.js';
import { toMarkdown } from '../../report/markdown.js';
import { evaluationTables, evaluationToMarkdown, suggestionTable } from '../../report/suggest-tables.js';
import { projectDataset, suggestProject } from '../../store/project-suggestions.js';
import { OffsetMap } from '../../text/offsets.js';
import { EXIT, type CliContext } from '../context.js';
import { cliActor, openProject } from '../project-input.js';
import { outOption } from './options.js';
import { counted } from '../../util/plural.js';

interface SuggestOptions {
  evaluate?: boolean;
  coder?: string;
  minScore: string;
  unit: LearningUnit;
  language?: string;
  folds: string;
  seed: string;
  format?: 'md' | 'csv' | 'json';
  out?: string;
}

/**
 * `qda suggest`: codes suggested by a model learned from the researcher's own codings, and its
 * cross-validated evaluation.
 * @example program.addCommand(suggestCommand(ctx))
 */
export function suggestCommand(ctx: CliContext): Command {
  return new Command('suggest')
    .summary("suggest codes learned from the researcher's own coding; --evaluate measures them")
    .description(
      `Learn, for every code, what the units a coder applied it to have in common —
words (stemmed in English and Indonesian), two-word phrases, the codebook rules
that fired, the speaker's role — from that coder's own codings, and suggest the
code where the text looks alike, with a score and the features that weighed
most ("suggested because: equity, opportunity gap"). Everything runs on this
machine; nothing is sent anywhere.

Positives are the units a coder coded with the code (or accepted it on);
negatives the suggestions they rejected and the units they read and left
without it. Projects do not record what was read: a coder is taken to have
read each document up to the last unit they coded.

In a qda project (.qda) the suggestions are written as codings of origin
"learned", status "suggested", with their score and reasons, replacing the
coder's unreviewed ones of the last run; accepted and rejected ones stay and
teach the next run. From a .qdpx they are printed as a table.

--evaluate: k-fold cross-validation on the project's codings (documents kept
together; with fewer coded documents than folds, blocks of 10 consecutive
units): precision, recall and F1 per code, micro averages against the
codebook's rules alone and the most frequent code, and a learning curve at
10/25/50/100% of the training units. Codes with fewer than 5 examples are
listed, not scored.`,
    )
    .argument('<project>', 'a qda project (.qda) to write suggestions into, or a REFI-QDA project (.qdpx) to read')
    .option('--evaluate', 'measure instead of suggesting: cross-validation, baselines, learning curve')
    .addOption(
      new Option(
        '--coder <name>',
        'learn from (and suggest for) this coder (default: the one person who coded a .qda; every coder of a .qdpx)',
      ),
    )
    .addOption(
      new Option('--min-score <s>', 'suggest (and, with --evaluate, count as suggested) at this score or more, 0–1').default('0.3'),
    )
    .addOption(
      new Option('-u, --unit <unit>', 'the unit that gets a suggestion; line: one line each (one comment or answer per line)')
        .choices([...LEARNING_UNITS])
        .default('turn'),
    )
    .addOption(
      new Option(
        '--language <code>',
        'language of the text: en and id are stemmed, any other code is not (default: recognised from the text)',
      ),
    )
    .addOption(new Option('--folds <k>', 'folds of the cross-validation').default('5'))
    .addOption(
      new Option(
        '--seed <n>',
        'seed of the training order, the folds and the learning-curve samples: the same seed, the same scores',
      ).default('1'),
    )
    .addOption(
      new Option('-f, --format <format>', 'output format (default: md with --evaluate, csv otherwise)').choices(['md', 'csv', 'json']),
    )
    .addOption(outOption())
    .addHelpText(
      'after',
      `
With --evaluate --format csv --out x.csv, the micro averages and the learning
curve go to x-micro.csv and x-curve.csv beside the per-code table.

Examples:
  qda suggest study.qda --coder ana --min-score 0.5
  qda suggest study.qda --coder ana --evaluate
  qda suggest project.qdpx --evaluate
  qda suggest comments.qdpx --evaluate --unit line --format csv --out eval.csv
  qda suggest project.qdpx --coder ana --min-score 0.5 > suggestions.csv`,
    )
    .action(async (project: string, options: SuggestOptions) => {
      ctx.exitCode = await runSuggest(ctx, project, options);
    });
}

async function runSuggest(ctx: CliContext, project: string, options: SuggestOptions): Promise<number> {
  const minScore = Number(options.minScore);
  if (options.minScore.trim() === '' || !(minScore >= 0 && minScore <= 1))
    return ctx.usage(`--min-score must be a number from 0 to 1; got "${options.minScore}"`);
  const k = Number(options.folds);
  if (!Number.isInteger(k) || k < 2) return ctx.usage(`--folds must be a whole number of at least 2; got "${options.folds}"`);
  const seed = Number(options.seed);
  if (!Number.isInteger(seed)) return ctx.usage(`--seed must be a whole number; got "${options.seed}"`);
  const learn = {
    unit: options.unit,
    ...(options.coder !== undefined ? { coder: options.coder } : {}),
    ...(options.language !== undefined ? { language: options.language } : {}),
  };
  if (/\.qda$/i.test(project)) {
    if (!options.evaluate) return suggestInProject(ctx, project, { ...learn, minScore, seed });
    const store = await openProject(ctx, project, { mode: 'read' });
    try {
      const { dataset } = await projectDataset(store, learn);
      return await evaluate(ctx, dataset, { k, seed, minScore }, options);
    } catch (e) {
      if (e instanceof TypeError) return ctx.usage(`${project}: ${e.message}`);
      throw e;
    } finally {
      await store.close();
    }
  }
  if (!/\.qdpx$/i.test(project)) return ctx.usage(`${project}: qda suggest reads a qda project (.qda) or a REFI-QDA project (.qdpx)`);

  const read = await readQdpx(project);
  if (ctx.report(read.messages.filter((m) => m.fatal))) return EXIT.data;
  const decisions: CodingDecision[] = read.codings
    .filter((c) => c.source === 'manual')
    .map((c) => ({ document: c.document, code: c.code, start: c.start, end: c.end, coder: c.coder, verdict: 'applied' }));
  const coders = [...new Set(decisions.map((d) => d.coder))];
  if (options.coder !== undefined && !coders.includes(options.coder)) {
    ctx.report([
      message(`no codings of coder "${options.coder}"; the project has: ${coders.join(', ') || 'no codings'}`, {
        file: project,
        ruleId: 'unknown-coder',
        source: 'suggest',
        fatal: true,
      }),
    ]);
    return EXIT.data;
  }
  ctx.progress('reading units and features');
  const dataset = buildDataset(read.corpus, decisions, { ...learn, codebook: read.codebook });
  ctx.progressDone();
  if (options.evaluate) return evaluate(ctx, dataset, { k, seed, minScore }, options);

  describeDataset(ctx, dataset);
  const suggester = trainSuggester(dataset, { seed });
  ctx.io.stderr(`qda suggest: models for ${counted(suggester.models.length, 'code')} (codes coded on at least 3 units)\n`);
  const suggestions = inCodePoints(read.corpus.documents, suggestCodings(dataset, suggester, { minScore }));
  const table = suggestionTable(suggestions);
  const format = options.format ?? 'csv';
  const output =
    format === 'md'
      ? toMarkdown(table, { right: ['unit', 'start', 'end', 'score', 'uncertainty'] })
      : format === 'csv'
        ? toCsv(table)
        : `${JSON.stringify(suggestions, null, 2)}\n`;
  return emit(ctx, output, options.out);
}

/** Train on a project's coder, write the suggestions into it, and say what changed. */
async function suggestInProject(
  ctx: CliContext,
  project: string,
  options: { unit: LearningUnit; coder?: string; language?: string; minScore: number; seed: number },
): Promise<number> {
  const store = await openProject(ctx, project, { mode: 'write' });
  try {
    const result = await suggestProject(store, cliActor(), options);
    ctx.io.stderr(
      `qda suggest: ${counted(result.added, 'suggestion')} for ${result.coder} from models of ${counted(result.models, 'code')}; ${result.removed} unreviewed ones of the last run replaced\n`,
    );
    return EXIT.ok;
  } catch (e) {
    if (e instanceof TypeError) return ctx.usage(`${project}: ${e.message}`);
    throw e;
  } finally {
    await store.close();
  }
}

/** What the learner read, on stderr. */
function describeDataset(ctx: CliContext, dataset: Dataset): void {
  ctx.io.stderr(
    `qda suggest: ${counted(dataset.examples.length, 'unit')}, words ${dataset.language ? `stemmed (${dataset.language})` : 'unstemmed'}\n`,
  );
}

/** Cross-validate and write the evaluation as Markdown, CSV (three files with --out) or JSON. */
async function evaluate(
  ctx: CliContext,
  dataset: Dataset,
  settings: { k: number; seed: number; minScore: number },
  options: SuggestOptions,
): Promise<number> {
  describeDataset(ctx, dataset);
  ctx.progress(`cross-validating (${settings.k} folds)`);
  const evaluation = evaluateSuggester(dataset, settings);
  ctx.progressDone();
  const format = options.format ?? 'md';
  const tables = evaluationTables(evaluation);
  const output =
    format === 'md'
      ? evaluationToMarkdown(evaluation)
      : format === 'csv'
        ? toCsv(tables.codes)
        : `${JSON.stringify(evaluation, (_, v: unknown) => (typeof v === 'number' && Number.isNaN(v) ? null : v), 2)}\n`;
  if (options.out && format === 'csv') {
    await writeFileAtomic(
      options.out.replace(/(\.[^./\\]*)?$/, (ext) => `-micro${ext}`),
      toCsv(tables.micro),
    );
    await writeFileAtomic(
      options.out.replace(/(\.[^./\\]*)?$/, (ext) => `-curve${ext}`),
      toCsv(tables.curve),
    );
  }
  return emit(ctx, output, options.out);
}

/** Suggestions with code-point offsets, as every qda output has them. */
function inCodePoints<T extends { document: string; start: number; end: number }>(
  documents: ReadonlyArray<{ id: string; text: string }>,
  items: readonly T[],
): T[] {
  const maps = new Map(documents.map((d) => [d.id, new OffsetMap(d.text)]));
  return items.map((s) => {
    const map = maps.get(s.document)!;
    return { ...s, start: map.toCodePoint(s.start), end: map.toCodePoint(s.end) };
  });
}

async function emit(ctx: CliContext, output: string, out: string | undefined): Promise<number> {
  if (out) await writeFileAtomic(out, output);
  else ctx.io.stdout(output);
  return EXIT.ok;
}
