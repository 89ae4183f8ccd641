// From a REFI-QDA project of another tool to our tables, and back: read a .qdpx (the qc tool's
// demo project, when the external corpora are there: $QDA_CORPORA, as for the tests), count its
// codes, then export our own coded sample as a .qdpx that NVivo, ATLAS.ti, MAXQDA or QualCoder
// can open, and read it back to check that nothing was lost or shifted.
// Run: npx tsx notebooks/03-interchange.ts
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  codeCorpus,
  frequencies,
  frequencyTable,
  readCodebook,
  readCorpus,
  readQdpx,
  writeQdpx,
  type Block,
  type Table,
} from '../src/index.js';
import { must, publish } from './lib/publish.js';

const blocks: Block[] = [];

const demo = join(process.env.QDA_CORPORA ?? '../shared/corpora', 'qc-qualitative-coding', 'demo.qdpx');
if (existsSync(demo)) {
  const project = await readQdpx(demo);
  const codebook = must(
    project.codebook,
    project.messages.filter((m) => m.fatal),
  );
  const counts = new Map<string, number>();
  for (const c of project.codings) counts.set(c.code, (counts.get(c.code) ?? 0) + 1);
  const table: Table = {
    columns: ['code', 'codings'],
    rows: [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10),
  };
  blocks.push(
    { kind: 'heading', text: 'A project from another tool' },
    {
      kind: 'paragraph',
      text: `${demo.split('/').pop()} was written by ${project.meta.origin ?? 'another tool'}: ${project.corpus.documents.length} sources, ${codebook.codes.length} codes and ${project.codings.length} codings by ${project.users.map((u) => u.name).join(', ')}. Positions: ${project.meta.positions?.text ?? 'none'}. Its code names become code ids; the most used codes:`,
    },
    { kind: 'table', table, caption: 'Codings per code in the imported project (top 10).' },
  );
}

// Our sample, coded with the bundled codebook, out to REFI-QDA and back.
const folder = 'data-sample/transcripts';
const read = await readCorpus(
  readdirSync(folder)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `${folder}/${f}`),
);
const corpus = must(read.corpus, read.messages);
const loaded = await readCodebook('codebooks/lk3-psychosocial.yaml');
const codebook = must(loaded.codebook, loaded.messages);
const coded = codeCorpus(corpus, codebook);
const out = 'notebooks/out/lk3-sample.qdpx';
const archive = await writeQdpx(out, { name: 'LK3 sample', codebook, documents: corpus.documents, codings: coded.codings });
const back = await readQdpx(out);
const backCodebook = must(
  back.codebook,
  back.messages.filter((m) => m.fatal),
);

const key = (c: { document: string; code: string; start: number; end: number }) => `${c.document} ${c.code} ${c.start} ${c.end}`;
const sent = new Set(coded.codings.map(key));
const same = back.codings.filter((c) => sent.has(key(c))).length;
const textsEqual = corpus.documents.every((d) => back.corpus.documents.find((b) => b.id === d.id)?.text === d.text);
const roundTrip: Table = {
  columns: ['', 'exported', 'read back'],
  rows: [
    ['sources', corpus.documents.length, back.corpus.documents.length],
    ['codes', codebook.codes.length, backCodebook.codes.length],
    ['codings', coded.codings.length - archive.skipped.length, back.codings.length],
    ['codings at the same code and span', '', same],
    ['source texts identical', '', textsEqual ? 'yes' : 'no'],
  ],
};
const backFreq = frequencies({ documents: back.corpus.documents, ...coded, codings: back.codings }, backCodebook, { by: 'document' });
blocks.push(
  { kind: 'heading', text: 'Our coded sample, out and back' },
  {
    kind: 'paragraph',
    text: `The seven sample interviews, coded automatically, were written to ${out} (sources, the codebook with colours and descriptions, one user "auto", every coding as a PlainTextSelection) and read back. Positions: ${back.meta.positions?.text ?? 'none'}.`,
  },
  { kind: 'table', table: roundTrip, caption: 'What survived the round trip.' },
  { kind: 'paragraph', text: 'The frequency table computed from the project read back, ready for the paper:' },
  {
    kind: 'table',
    table: { ...frequencyTable(backFreq), rows: frequencyTable(backFreq).rows.filter((r) => r[2] === '(all)') },
    caption: 'Code frequencies from the re-imported project.',
  },
);
await publish(import.meta.url, { title: 'REFI-QDA interchange: from another tool to our tables and back', blocks });
