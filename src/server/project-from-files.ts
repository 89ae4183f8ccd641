import type { Message } from '../model/message.js';
import { joinCases } from '../import/cases.js';
import { readCases } from '../io/read-cases.js';
import { readCodebook } from '../io/read-codebook.js';
import { readCodings } from '../io/read-codings.js';
import { readCorpus } from '../io/read-corpus.js';
import { codeProject, tableCodings } from '../store/project-codings.js';
import type { ProjectStore } from '../store/store.js';

/** Files to make a project from. */
export interface ProjectFiles {
  transcripts: readonly string[];
  codebook: string;
  cases?: string;
  /** Coding tables of people (coder from a `coder` column or the file name): imported as accepted. */
  codings?: readonly string[];
}

/**
 * Fill an empty project from files, as `qda serve <transcripts…> --codebook cb` does: the
 * documents (with cases joined), the codebook, the automatic coder's suggestions, and people's
 * codings from coding tables. One change per step. Returns the messages; a fatal one stops it.
 * @example const messages = await projectFromFiles(store, { transcripts, codebook: 'cb.yaml' })
 */
export async function projectFromFiles(store: ProjectStore, files: ProjectFiles, actor = 'qda'): Promise<Message[]> {
  const read = await readCorpus(files.transcripts);
  const messages = [...read.messages];
  const cb = await readCodebook(files.codebook);
  messages.push(...cb.messages);
  let corpus = read.corpus;
  if (files.cases) {
    const cases = await readCases(files.cases);
    messages.push(...cases.messages);
    if (cases.cases) {
      const joined = joinCases(corpus, cases.cases);
      corpus = joined.corpus;
      messages.push(...joined.messages);
    }
  }
  const codebook = cb.codebook;
  if (!codebook || messages.some((m) => m.fatal)) return messages;

  await store.change(actor, 'add the transcripts and codebook', async (tx) => {
    await tx.saveCodebook(codebook, files.codebook);
    for (const doc of corpus.documents) await tx.addDocument(doc);
  });
  await codeProject(store, actor);
  if (files.codings && files.codings.length > 0) {
    const people = await readCodings(files.codings);
    messages.push(...people.messages);
    const placed = tableCodings(people.codings, corpus.documents, 'turn', files.codings.join(', '));
    messages.push(...placed.messages);
    const codings = placed.codings;
    await store.change(actor, 'import coding tables', async (tx) => {
      for (const coder of new Set(codings.map((c) => c.coder!))) await tx.setCoder(coder, null);
      await tx.addCodings(codings);
    });
  }
  return messages;
}
