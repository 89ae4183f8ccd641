// A child process for the kill -9 tests: writes changes to a project without end and prints
// the number of each step once its transaction has committed. Run with
// `node --import tsx test/helpers/project-writer.ts <project> <first step>`.
import { codeProject } from '../../src/store/project-codings.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';

/** Codings one bulk step adds in one transaction. */
export const BULK = 300;

async function run(file: string, first: number): Promise<void> {
  const store = await openSqliteStore(file, { mode: 'write' });
  const documents = await store.listDocuments();
  process.stdout.write('ready\n');
  for (let step = first; ; step++) {
    const doc = documents[step % documents.length];
    if (step % 7 === 0) {
      await codeProject(store, 'writer');
    } else if (step % 3 === 0) {
      await store.change('writer', `bulk ${step}`, (tx) =>
        tx.addCodings(
          Array.from({ length: BULK }, (_, i) => ({
            document: doc.id,
            start: i % 50,
            end: (i % 50) + 10,
            code: 'impact/psychological',
            origin: 'manual' as const,
            memo: `bulk-${step}`,
          })),
        ),
      );
    } else {
      await store.change('writer', `step ${step}`, (tx) =>
        tx.addCoding({
          document: doc.id,
          start: step % 40,
          end: (step % 40) + 5,
          code: 'impact/psychological',
          origin: 'manual',
          memo: `step-${step}`,
        }),
      );
    }
    process.stdout.write(`${step}\n`);
  }
}

if (process.argv[1]?.endsWith('project-writer.ts')) await run(process.argv[2], Number(process.argv[3]));
