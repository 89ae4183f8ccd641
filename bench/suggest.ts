// Learned suggestions on a 200-document project: how long building features, training,
// suggesting and a 5-fold evaluation take. The project is made from the fictional sample
// interviews: each document is 40 turns drawn (seeded) from them, and the "coder" is the bundled
// codebook's rules with 30% of their codings left out, so there is something to learn.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../src/analysis/agreement/random.js';
import { parseCodebook } from '../src/codebook/parse.js';
import { createCoder } from '../src/coding/code-corpus.js';
import { fromText } from '../src/import/text.js';
import { buildDataset, type CodingDecision } from '../src/learn/dataset.js';
import { evaluateSuggester } from '../src/learn/evaluate.js';
import { trainSuggester } from '../src/learn/model.js';
import { suggestCodings } from '../src/learn/suggest.js';
import type { Corpus } from '../src/model/document.js';

/** Run the benchmark and return one result row. */
export function suggestBench(documents = 200): Record<string, number | string> {
  const codebook = parseCodebook(readFileSync('codebooks/lk3-psychosocial.yaml', 'utf8'), 'codebooks/lk3-psychosocial.yaml').codebook!;
  const dir = 'data-sample/transcripts';
  const turns: Array<{ speaker: string; role: string; text: string }> = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md') && !n.endsWith('-en.md'))) {
    const doc = fromText(readFileSync(join(dir, name), 'utf8'), { file: name }).corpus.documents[0];
    for (const t of doc.turns) {
      const participant = doc.participants.find((p) => p.name === t.speaker);
      turns.push({
        speaker: t.speaker ?? 'Informan',
        role: participant?.role ?? 'informant',
        text: doc.text.slice(t.start, t.end).replace(/\s+/g, ' '),
      });
    }
  }
  const random = seededRandom(11);
  const corpus: Corpus = { documents: [] };
  for (let d = 0; d < documents; d++) {
    const picked = Array.from({ length: 40 }, () => turns[Math.floor(random() * turns.length)]);
    const people = [...new Map(picked.map((t) => [t.speaker, t.role]))];
    const header = `---\nid: doc-${d + 1}\nlanguage: id\nparticipants:\n${people.map(([name, role]) => `  - name: ${name}\n    role: ${role}`).join('\n')}\n---\n`;
    corpus.documents.push(
      fromText(header + picked.map((t) => `${t.speaker}: ${t.text}`).join('\n\n'), { file: `doc-${d + 1}.md`, format: 'md' }).corpus
        .documents[0],
    );
  }
  const coder = createCoder(codebook);
  const decisions: CodingDecision[] = corpus.documents
    .flatMap((doc) => coder.codeDocument(doc).codings)
    .filter(() => random() >= 0.3)
    .map((c) => ({ document: c.document, code: c.code, start: c.start, end: c.end, coder: 'bench', verdict: 'applied' as const }));

  // CPU seconds of this process: the machine may be shared, and wall time then says little.
  const time = <T>(f: () => T): [T, number] => {
    const started = process.cpuUsage();
    const value = f();
    const used = process.cpuUsage(started);
    return [value, (used.user + used.system) / 1e6];
  };
  const [dataset, featureSeconds] = time(() => buildDataset(corpus, decisions, { codebook }));
  const [suggester, trainSeconds] = time(() => trainSuggester(dataset));
  const [suggestions, suggestSeconds] = time(() => suggestCodings(dataset, suggester));
  const [evaluation, evaluateSeconds] = time(() => evaluateSuggester(dataset));
  const learned = evaluation.methods.find((m) => m.method === 'learned')!;
  return {
    case: 'suggest',
    documents,
    units: dataset.examples.length,
    codings: decisions.length,
    features: suggester.vocabulary.length,
    models: suggester.models.length,
    suggestions: suggestions.length,
    features_cpu_seconds: round(featureSeconds),
    train_cpu_seconds: round(trainSeconds),
    suggest_cpu_seconds: round(suggestSeconds),
    evaluate_5_fold_cpu_seconds: round(evaluateSeconds),
    evaluate_micro_f1: round(learned.micro.f1),
    peak_rss_mb: Math.round(process.memoryUsage().rss / 1e6),
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

// Run alone (`node --import tsx bench/suggest.ts`): print the row and keep it under bench/results/.
if (process.argv[1]?.endsWith('suggest.ts')) {
  const row = suggestBench();
  console.log(JSON.stringify(row));
  writeFileSync(
    join('bench/results', `suggest-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    `${JSON.stringify([row], null, 2)}\n`,
  );
}
