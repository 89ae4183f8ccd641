// `npm run bench -- project`: a project of 200 documents and 50,000 codings — opening it, writing
// one coding, reading every coding, and `qda report --project` against `qda report` on the
// same transcripts as files (time and peak memory of each).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../src/analysis/agreement/random.js';
import { readCodebook } from '../src/io/read-codebook.js';
import { readCorpus } from '../src/io/read-corpus.js';
import { codePointLength } from '../src/text/offsets.js';
import { codeProject } from '../src/store/project-codings.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { NewCoding } from '../src/store/store.js';
import { measure, sh } from './measure.js';
import type { BenchOptions } from './run.js';

const DOCUMENTS = 200;
const CODINGS = 50_000;
const dir = 'bench/data/project';
const project = join(dir, 'study.qda');
const round = (x: number) => Math.round(x * 100) / 100;
const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A project of 200 documents and 50,000 codings: build, open, list, write, undo, report. */
export async function run(options: BenchOptions): Promise<object[]> {
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'transcripts'), { recursive: true });

  // 200 transcripts made of the sample's turns, in a seeded order.
  const random = seededRandom(200);
  const sample = (await readCorpus(['1', '2', '3', '4', '5', '6'].map((n) => `data-sample/transcripts/informan-0${n}.md`))).corpus
    .documents;
  const turns = sample.flatMap((d) =>
    d.turns
      .filter((t) => t.speaker !== null)
      .map((t) => ({ speaker: t.speaker!, text: d.text.slice(t.start, t.end).replace(/\n+/g, ' ') })),
  );
  const files: string[] = [];
  for (let i = 1; i <= DOCUMENTS; i++) {
    const lines = Array.from({ length: 24 }, () => turns[Math.floor(random() * turns.length)]).map((t) => `**${t.speaker}:** ${t.text}`);
    const file = join(dir, 'transcripts', `doc-${String(i).padStart(3, '0')}.md`);
    writeFileSync(file, `${lines.join('\n\n')}\n`);
    files.push(file);
  }
  const codebookFile = 'codebooks/lk3-psychosocial.yaml';
  const codebook = (await readCodebook(codebookFile)).codebook!;
  const { documents } = (await readCorpus(files)).corpus;

  // Build: documents and codebook, 50,000 people's codings in one change, then automatic coding.
  let t = process.hrtime.bigint();
  const store = await openSqliteStore(project, { mode: 'write', create: true });
  await store.change('bench', 'create', async (tx) => {
    await tx.saveCodebook(codebook);
    for (const doc of documents) await tx.addDocument(doc);
  });
  const codes = codebook.codes.map((c) => c.id);
  const lengths = documents.map((d) => codePointLength(d.text));
  const codings: NewCoding[] = Array.from({ length: CODINGS }, (_, i) => {
    const d = i % DOCUMENTS;
    const start = Math.floor(random() * (lengths[d] - 200));
    return {
      document: documents[d].id,
      start,
      end: start + 20 + Math.floor(random() * 180),
      code: codes[Math.floor(random() * codes.length)],
      coder: i % 2 ? 'ana' : 'budi',
      origin: 'manual',
    };
  });
  await store.change('bench', 'people code', (tx) => tx.addCodings(codings));
  const buildSeconds = ms(t) / 1000;
  t = process.hrtime.bigint();
  const coded = await codeProject(store, 'bench');
  const codeSeconds = ms(t) / 1000;

  // One coding at a time, as the workbench writes them.
  const writes: number[] = [];
  for (let i = 0; i < 20; i++) {
    t = process.hrtime.bigint();
    await store.change('ana', 'one coding', (tx) =>
      tx.addCoding({ document: documents[i].id, start: 0, end: 10, code: codes[0], origin: 'manual' }),
    );
    writes.push(ms(t));
  }
  const undoStarted = process.hrtime.bigint();
  await store.undo('ana');
  const undoMs = ms(undoStarted);
  await store.close();

  // Opening: a fresh process each time, as a command does.
  const openScript = `import { openSqliteStore } from './dist/store/sqlite-store.js';
  const t = process.hrtime.bigint();
  const s = await openSqliteStore(${JSON.stringify(project)}, { mode: 'read' });
  await s.info();
  const opened = Number(process.hrtime.bigint() - t) / 1e6;
  const t2 = process.hrtime.bigint();
  const all = await s.listCodings();
  const listed = Number(process.hrtime.bigint() - t2) / 1e6;
  await s.close();
  console.log(JSON.stringify({ opened, listed, codings: all.length, rss: process.memoryUsage().rss / 1048576 }));`;
  const opens = Array.from(
    { length: 5 },
    () =>
      JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', openScript], { encoding: 'utf8' })) as {
        opened: number;
        listed: number;
        codings: number;
        rss: number;
      },
  );

  const node = sh(process.execPath);
  const fromProject = await measure(
    `${node} bin/qda.js report --project ${sh(project)} --coder auto --out ${sh(join(dir, 'report-project'))}`,
  );
  const fromFiles = await measure(
    `${node} bin/qda.js report ${files.map(sh).join(' ')} --codebook ${sh(codebookFile)} --out ${sh(join(dir, 'report-files'))}`,
  );
  const sameTables =
    existsSync(join(dir, 'report-files', 'frequencies.csv')) &&
    execFileSync('cmp', ['-s', join(dir, 'report-files', 'frequencies.csv'), join(dir, 'report-project', 'frequencies.csv')], {
      encoding: 'utf8',
    }) === '';

  const row = {
    case: 'project',
    documents: DOCUMENTS,
    people_codings: CODINGS,
    auto_codings: coded.added,
    file_mb: round(Number(execFileSync('stat', ['-c', '%s', project], { encoding: 'utf8' })) / 1e6),
    build_seconds: round(buildSeconds),
    project_code_seconds: round(codeSeconds),
    open_ms_median: round(median(opens.map((o) => o.opened))),
    list_all_codings_ms_median: round(median(opens.map((o) => o.listed))),
    open_and_list_rss_mb: Math.round(median(opens.map((o) => o.rss))),
    write_one_coding_ms_median: round(median(writes)),
    write_one_coding_ms_max: round(Math.max(...writes)),
    undo_ms: round(undoMs),
    report_project_seconds: round(fromProject.seconds),
    report_project_peak_rss_mb: fromProject.peakRssMb,
    report_files_seconds: round(fromFiles.seconds),
    report_files_peak_rss_mb: fromFiles.peakRssMb,
    same_frequencies: sameTables,
  };
  options.log(row);
  return [row];
}
