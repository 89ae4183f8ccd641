import { describe, expect, it } from 'vitest';
import { casesFromTable, joinCases } from '../../src/import/cases.js';
import { fromText } from '../../src/import/text.js';
import type { TableFile } from '../../src/model/table-file.js';

const table = (header: string[], ...rows: Array<Array<string | number>>): TableFile => ({
  header,
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
});

describe('casesFromTable (no file system)', () => {
  it.each([
    ['speaker', ['speaker', 'age'], 'speaker'],
    ['document', ['document', 'site'], 'document'],
    ['both', ['document', 'speaker', 'age'], 'speaker-in-document'],
    ['neither: the first column names either', ['nama', 'age'], 'either'],
  ])('%s', (_name, header, key) => {
    const { cases } = casesFromTable(
      table(
        header,
        header.map((h) => (h === 'age' ? 34 : 'x')),
      ),
      'cases.csv',
    );
    expect(cases.key).toBe(key);
    expect(cases.rows).toHaveLength(1);
  });

  it('reports a row without a case name and a case listed twice, at their lines', () => {
    const { cases, messages } = casesFromTable(table(['speaker', 'age'], ['', 30], ['Sari', 34], ['sari', 35]), 'cases.csv');
    expect(messages.map((m) => [m.line, m.ruleId])).toEqual([
      [2, 'empty-case'],
      [4, 'duplicate-case'],
    ]);
    expect(cases.rows.map((r) => r.attributes.age)).toEqual([34, 35]);
  });

  it('joins onto a corpus without changing it', () => {
    const corpus = fromText('Sari: Halo.\n', { file: 'w.md' }).corpus;
    const { cases } = casesFromTable(table(['speaker', 'role'], ['Sari', 'informant']), 'cases.csv');
    const joined = joinCases(corpus, cases).corpus;
    expect(joined.documents[0].participants[0]).toMatchObject({ name: 'Sari', role: 'informant', attributes: { role: 'informant' } });
    expect(corpus.documents[0].participants[0].attributes).toEqual({});
  });
});
