// The write-up of the LK3 study (README.md, "The study") on the fictional interviews in
// data-sample/: why the violence happened, what a social worker needs, the stages of the
// helping process, which factors come up with which stages, and the quotes to cite.
// Run: npx tsx notebooks/01-lk3-study.ts
import { readdirSync } from 'node:fs';
import {
  codeCorpus,
  codeFrequencyChart,
  cooccurrence,
  cooccurrenceHeatmap,
  frequencies,
  frequencyCrosstab,
  joinCases,
  labelOf,
  quoteBank,
  readCases,
  readCodebook,
  readCorpus,
  type Block,
  type Frequencies,
  type Table,
} from '../src/index.js';
import { must, publish } from './lib/publish.js';

const folder = 'data-sample/transcripts';
const files = readdirSync(folder)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => `${folder}/${f}`);
const read = await readCorpus(files);
const cases = await readCases('data-sample/cases.csv');
const { corpus } = joinCases(must(read.corpus, read.messages), must(cases.cases, cases.messages));
const loaded = await readCodebook('codebooks/lk3-psychosocial.yaml');
const codebook = must(loaded.codebook, loaded.messages);
const coded = { documents: corpus.documents, ...codeCorpus(corpus, codebook) };

const byRole = frequencies(coded, codebook, { by: 'role' });
const bySpeaker = frequencies(coded, codebook, { by: 'speaker' });
const informants = corpus.documents.flatMap((d) => d.participants.filter((p) => p.role !== 'interviewer')).length;

/** The rows of a frequency table for one family of codes. */
function family(freq: Frequencies, prefix: string): Table {
  const table = frequencyCrosstab(freq);
  return { columns: table.columns, rows: table.rows.filter((r) => String(r[0]).startsWith(`${prefix}/`)) };
}

/** The code of a family coded in most segments, with its count and the number of informants. */
function leading(prefix: string): string {
  const rows = bySpeaker.rows.filter((r) => r.code.startsWith(`${prefix}/`) && r.group === null);
  const top = rows.sort((a, b) => b.segments - a.segments || a.code.localeCompare(b.code))[0];
  const code = codebook.codes.find((c) => c.id === top.code)!;
  return `${labelOf(code, 'en')} (${top.code}) in ${top.segments} segments by ${top.speakers} of ${informants} informants`;
}

// Factors × stages: how often each factor is talked about in the same turn as each stage.
const co = cooccurrence(coded.codings, codebook, { level: 2 });
const factors = codebook.codes.filter((c) => c.parent === 'factor').map((c) => c.id);
const stages = codebook.codes.filter((c) => c.parent === 'stage').map((c) => c.id);
const count = (a: string, b: string) => co.cells.find((c) => c.a === a && c.b === b)?.segments ?? 0;
const factorsByStage: Table = {
  columns: ['factor', ...stages.map((s) => s.replace('stage/', ''))],
  rows: factors.map((f) => [f, ...stages.map((s) => count(f, s))]),
};
const strongest = factors.flatMap((f) => stages.map((s) => ({ f, s, n: count(f, s) }))).sort((a, b) => b.n - a.n)[0];

const quotes = quoteBank(coded, codebook, { perCode: 2 });
const quotesOf = (prefix: string) => quotes.filter((q) => q.code.startsWith(`${prefix}/`));

const blocks: Block[] = [
  {
    kind: 'paragraph',
    text: `${corpus.documents.length} interviews, ${coded.segments.length} turns, coded automatically with the ${codebook.codes.length} codes of ${codebook.name ?? 'the LK3 codebook'}. The interviewer's questions are never coded; every count below is of informants' turns, and a family counts a turn once when any of its codes applies.`,
  },
  { kind: 'heading', text: 'Why the violence happened: three factors' },
  {
    kind: 'paragraph',
    text: `All three factors of the study's model appear. The one informants speak of most is ${leading('factor')}. Social workers and academics both name them, as the table by role shows.`,
  },
  { kind: 'table', table: family(byRole, 'factor'), caption: "Factors by informant role: segments (share of the role's segments)." },
  { kind: 'quotes', quotes: quotesOf('factor') },
  { kind: 'heading', text: 'What a social worker needs: three foundations' },
  { kind: 'paragraph', text: `Knowledge, skills and values. The most discussed foundation is ${leading('foundation')}.` },
  { kind: 'table', table: family(byRole, 'foundation'), caption: 'Foundations by informant role.' },
  { kind: 'quotes', quotes: quotesOf('foundation') },
  { kind: 'heading', text: 'The stages of the helping process' },
  {
    kind: 'paragraph',
    text: `Informants walk through the Generalist Intervention Model from engagement to follow-up. The stage described most is ${leading('stage')}.`,
  },
  { kind: 'table', table: family(byRole, 'stage'), caption: 'Stages of the helping process by informant role.' },
  {
    kind: 'chart',
    svg: codeFrequencyChart(bySpeaker, { colors: Object.fromEntries(codebook.codes.filter((c) => c.color).map((c) => [c.id, c.color!])) }),
    caption: 'Coded turns per code, coloured by family.',
  },
  { kind: 'heading', text: 'Which factors come up with which stages' },
  {
    kind: 'paragraph',
    text: `Turns that name a factor and a stage together. The strongest pair is ${strongest.f} with ${strongest.s} (${strongest.n} turns): informants explain the cause of the violence while describing that stage of their work.`,
  },
  { kind: 'table', table: factorsByStage, caption: 'Turns coded with both the factor (row) and the stage (column).' },
  {
    kind: 'chart',
    svg: cooccurrenceHeatmap(co),
    caption: "Co-occurrence of all second-level codes; the diagonal is each code's frequency.",
  },
  { kind: 'heading', text: 'Quotes for the stages' },
  { kind: 'quotes', quotes: quotesOf('stage') },
];
await publish(import.meta.url, { title: 'Psychosocial support for survivors: the LK3 study on the sample', blocks });
