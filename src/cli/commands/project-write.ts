import { existsSync, rmSync } from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import { joinCases } from '../../import/cases.js';
import { readCases } from '../../io/read-cases.js';
import { readCodings } from '../../io/read-codings.js';
import { readCorpus } from '../../io/read-corpus.js';
import type { Codebook } from '../../model/codebook.js';
import type { Corpus } from '../../model/document.js';
import type { Unit } from '../../model/segment.js';
import { codeProject, newCodings, tableCodings } from '../../store/project-codings.js';
import type { AddDocumentResult, ProjectStore, ProjectWriter } from '../../store/store.js';
import { EXIT, type CliContext } from '../context.js';
import { cliActor, openProject, optionalCodebook } from '../project-input.js';
import { readerOptions, readOptionsOf, unitOption, type ReaderFlags } from './options.js';
import { counted } from '../../util/plural.js';

interface AddOptions extends ReaderFlags {
  codebook?: string;
  cases?: string;
  codings?: string[];
  unit: Unit;
}

/** `--codings` and the `--unit` their segment numbers count in. */
function codingsOptions(): Option[] {
  return [
    new Option(
      '--codings <files...>',
      "human coders' tables (qda code CSV with a coder column, or one file per coder): stored as origin import, status accepted",
    ),
    unitOption(),
  ];
}

/** `qda project create|add|code|import`: the subcommands that write a project. */
export function addWritingSubcommands(cmd: Command, ctx: CliContext): void {
  const create = cmd
    .command('create')
    .summary('make a project file from a codebook and transcripts')
    .description(
      `Create a project file holding the codebook and the transcripts (normalised
text, turns, speakers, attributes; cases joined from --cases). The file must
not exist yet.`,
    )
    .argument('<project>', 'the project file to create, e.g. study.qda')
    .argument('[transcripts...]', 'transcripts to add (every supported format)')
    .addOption(new Option('-c, --codebook <file>', 'codebook file (.yaml, .json or .qdc)').makeOptionMandatory())
    .addOption(new Option('--cases <file>', 'attributes per speaker or document (.csv or .xlsx)'))
    .addHelpText(
      'after',
      `
Examples:
  qda project create study.qda --codebook codebooks/lk3-psychosocial.yaml \\
    data-sample/transcripts/* --cases data-sample/cases.csv
  qda project code study.qda && qda report --project study.qda --out report`,
    )
    .action(async (project: string, transcripts: string[], options: AddOptions) => {
      ctx.exitCode = await runAdd(ctx, project, transcripts, options, true);
    });
  for (const option of [...codingsOptions(), ...readerOptions()]) create.addOption(option);

  const add = cmd
    .command('add')
    .summary('add transcripts, a new codebook version or coding tables')
    .description(
      `Add transcripts (or a new codebook version) to a project. A transcript whose
id is already there replaces it when its text or attributes changed: its
codings are re-anchored by exact text; those whose text is gone are listed and
kept apart (never dropped). An unchanged transcript is left as it is.`,
    )
    .argument('<project>', 'the project file')
    .argument('[transcripts...]', 'transcripts to add or update')
    .addOption(new Option('-c, --codebook <file>', "save this codebook as the project's new version"))
    .addOption(new Option('--cases <file>', 'attributes per speaker or document (.csv or .xlsx)'))
    .addHelpText(
      'after',
      `
Examples:
  qda project add study.qda interviews/informan-08.md
  qda project add study.qda --codebook codebook-v2.yaml
  qda project add study.qda \\
    --codings data-sample/coders/coder-a.csv data-sample/coders/coder-b.csv`,
    )
    .action(async (project: string, transcripts: string[], options: AddOptions) => {
      ctx.exitCode = await runAdd(ctx, project, transcripts, options, false);
    });
  for (const option of [...codingsOptions(), ...readerOptions()]) add.addOption(option);

  cmd
    .command('code')
    .summary("code every document with the project's current codebook")
    .description(
      `Code every document with the project's current codebook. The results are
suggestions (origin auto, status suggested). Run it again after changing the
codebook: only the machine's unreviewed suggestions are replaced; codings
someone accepted or rejected stay, and are not suggested again.`,
    )
    .argument('<project>', 'the project file')
    .addOption(unitOption())
    .addHelpText(
      'after',
      `
Example:
  qda project code study.qda --unit sentence`,
    )
    .action(async (project: string, options: { unit: Unit }) => {
      const store = await openProject(ctx, project, { mode: 'write' });
      try {
        const result = await codeProject(store, cliActor(), {
          unit: options.unit,
          onDocument: (i, n, id) => ctx.progress(`coding ${i}/${n} ${id}`),
        });
        ctx.progressDone();
        ctx.io.stderr(
          `${project}: ${result.added} suggestions (${result.removed} unreviewed ones replaced; ${result.reviewed} already reviewed, kept)\n`,
        );
      } finally {
        await store.close();
      }
    });

  cmd
    .command('import')
    .summary('make a project from a REFI-QDA project (.qdpx)')
    .description(
      `Make a project from a REFI-QDA project (.qdpx from NVivo, ATLAS.ti, MAXQDA,
QualCoder or qda): sources, codebook, and every user's codings (origin import,
status accepted, coder = the user).`,
    )
    .argument('<file>', 'the .qdpx project')
    .addOption(new Option('-o, --out <project>', 'the project file to create').makeOptionMandatory())
    .addHelpText(
      'after',
      `
Example:
  qda project import nvivo-export.qdpx --out study.qda`,
    )
    .action(async (file: string, options: { out: string }) => {
      ctx.exitCode = await runImport(ctx, file, options.out);
    });
}

async function runAdd(ctx: CliContext, project: string, transcripts: string[], options: AddOptions, creating: boolean): Promise<number> {
  if (creating && existsSync(project)) return ctx.usage(`${project} already exists; add transcripts to it with \`qda project add\``);
  if (!creating && transcripts.length === 0 && !options.codebook && !options.codings)
    return ctx.usage('give transcripts to add, --codebook or --codings');
  const given = await optionalCodebook(ctx, options.codebook);
  if (typeof given === 'number') return given;
  const codebook: Codebook | null = given;
  const read = await readCorpus(transcripts, readOptionsOf(options));
  if (ctx.report(read.messages)) return EXIT.data;
  let corpus: Corpus = read.corpus;
  if (options.cases) {
    const { cases, messages } = await readCases(options.cases);
    if (ctx.report(messages) || !cases) return EXIT.data;
    const joined = joinCases(corpus, cases);
    ctx.report(joined.messages);
    corpus = joined.corpus;
  }
  const tables = options.codings ? await readCodings(options.codings) : null;
  if (tables && ctx.report(tables.messages)) return EXIT.data;
  const store = await openProject(ctx, project, { mode: 'write', create: creating });
  try {
    let imported = 0;
    const label = creating
      ? 'create the project'
      : `add ${counted(corpus.documents.length, 'transcript')}${codebook ? ' and a codebook' : ''}`;
    const results = await store.change(cliActor(), label, async (tx) => {
      if (codebook) await tx.saveCodebook(codebook, options.codebook);
      const added = await addDocuments(tx, corpus);
      if (tables) {
        const placed = tableCodings(tables.codings, await tx.getDocuments(), options.unit, options.codings!.join(', '));
        ctx.report(placed.messages);
        imported = await tx.addCodings(placed.codings);
      }
      return added;
    });
    const count = (status: AddDocumentResult['status']) => results.filter((r) => r.status === status).length;
    const reanchored = results.reduce((n, r) => n + r.reanchored, 0);
    const unplaced = results.reduce((n, r) => n + r.unplaced, 0);
    ctx.io.stderr(
      `${project}: ${count('added')} added, ${count('updated')} updated, ${count('unchanged')} unchanged${codebook ? `; codebook version ${(await store.currentCodebook())?.version}` : ''}${reanchored ? `; ${counted(reanchored, 'coding')} re-anchored` : ''}${tables ? `; ${counted(imported, 'coding')} imported` : ''}\n`,
    );
    if (unplaced > 0) {
      const changed = new Set(results.filter((r) => r.unplaced > 0).map((r) => r.id));
      ctx.io.stderr(`${project}: ${counted(unplaced, 'coding')} could not be placed in the new text; kept apart:\n`);
      for (const u of (await store.listUnplaced()).filter((x) => changed.has(x.document)))
        ctx.io.stderr(`  ${u.document} ${u.code} (${u.coder}): "${u.text}"\n`);
    }
    return EXIT.ok;
  } catch (e) {
    if (creating) await discard(store, project);
    throw e;
  } finally {
    await store.close();
  }
}

/** A project whose first change failed is removed, so that no empty shell is left behind. */
async function discard(store: ProjectStore, file: string): Promise<void> {
  await store.close();
  rmSync(file, { force: true });
  rmSync(`${file}-journal`, { force: true });
}

async function addDocuments(tx: ProjectWriter, corpus: Corpus): Promise<AddDocumentResult[]> {
  const results: AddDocumentResult[] = [];
  for (const doc of corpus.documents) results.push(await tx.addDocument(doc));
  return results;
}

async function runImport(ctx: CliContext, file: string, out: string): Promise<number> {
  if (existsSync(out)) return ctx.usage(`${out} already exists; choose a new --out file`);
  const { readQdpx } = await import('../../io/read-qdpx.js');
  const qdpx = await readQdpx(file);
  if (ctx.report(qdpx.messages) || qdpx.codebook === null) return EXIT.data;
  const codebook = qdpx.codebook;
  const documents = qdpx.corpus.documents;
  const store = await openProject(ctx, out, { mode: 'write', create: true, trusted: false });
  try {
    const added = await store.change(cliActor(), `import ${file}`, async (tx) => {
      await tx.saveCodebook(codebook, `imported from ${file}`);
      for (const doc of documents) await tx.addDocument(doc);
      return tx.addCodings(newCodings(qdpx.codings, documents, 'import', 'accepted'));
    });
    const coders = new Set(qdpx.codings.map((c) => c.coder));
    ctx.io.stderr(
      `${out}: ${counted(documents.length, 'document')}, ${counted(codebook.codes.length, 'code')}, ${counted(added, 'coding')} by ${counted(coders.size, 'coder')} from ${file}\n`,
    );
    return EXIT.ok;
  } catch (e) {
    await discard(store, out);
    throw e;
  } finally {
    await store.close();
  }
}
