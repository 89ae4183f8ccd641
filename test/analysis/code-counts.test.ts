import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CodeCountsBuilder, countedCodes, type CodeCounts } from '../../src/analysis/code-counts.js';
import { frequencies } from '../../src/analysis/frequencies.js';
import { createCoder } from '../../src/coding/code-corpus.js';
import { readCodebook } from '../../src/io/read-codebook.js';
import { readCorpus } from '../../src/io/read-corpus.js';
import { seeded } from '../helpers/cli.js';

const files = readdirSync('data-sample/transcripts').map((f) => `data-sample/transcripts/${f}`);
const { codebook } = await readCodebook('codebooks/lk3-psychosocial.yaml');
const { corpus } = await readCorpus(files);
const coder = createCoder(codebook!);
const counted = corpus.documents.map((doc) => ({ doc, segments: coder.countDocument(doc) }));

function countAll(by: string, docs = counted): CodeCounts {
  const b = new CodeCountsBuilder(countedCodes(codebook!), by);
  for (const { doc, segments } of docs) b.addDocument(doc, segments);
  return b.table();
}

describe('CodeCountsBuilder', () => {
  it('counts what frequencies counts, group by group, with the roll-up', () => {
    for (const by of ['document', 'speaker', 'role', 'location']) {
      const counts = countAll(by);
      const coded = corpus.documents.map((d) => coder.codeDocument(d));
      const freq = frequencies(
        { documents: corpus.documents, segments: coded.flatMap((c) => c.segments), codings: coded.flatMap((c) => c.codings) },
        codebook!,
        { by, base: 'all' },
      );
      expect(counts.groups.map((g) => g.group)).toEqual([null, ...freq.groups]);
      for (const row of freq.rows) {
        const k = counts.codes.findIndex((c) => c.code === row.code);
        const g = counts.groups.find((x) => x.group === row.group)!;
        expect([g.coded.segments[k], g.coded.documents[k], g.segments], `${by} ${row.code} ${row.group}`).toEqual([
          row.segments,
          row.documents,
          row.base,
        ]);
      }
    }
  });

  it('adds up: tables of random parts of the corpus, added in any order, give the table of the whole (seeded)', () => {
    const rand = seeded(11);
    for (const by of ['document', 'role', 'speaker']) {
      const whole = countAll(by);
      for (let round = 0; round < 10; round++) {
        const parts: Array<typeof counted> = [[], [], []];
        for (const d of counted) parts[Math.floor(rand() * 3)].push(d);
        const sum = new CodeCountsBuilder([], by);
        // Document order is the corpus order within each part; the sum keeps first-seen order.
        for (const part of parts) sum.add(countAll(by, part));
        const table = sum.table();
        const key = (t: CodeCounts) =>
          Object.fromEntries(
            t.groups.map((g) => [
              String(g.group),
              { ...g, coded: Object.fromEntries(Object.entries(g.coded).map(([k, v]) => [k, t.codes.map((c, i) => [c.code, v[i]])])) },
            ]),
          );
        expect(key(table)).toEqual(key(whole));
      }
    }
  });

  it('refuses to add a table of another grouping', () => {
    expect(() => new CodeCountsBuilder([], 'role').add(countAll('document'))).toThrow(/grouped by "document" to one grouped by "role"/);
  });
});
