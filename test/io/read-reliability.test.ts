import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseReliabilityCsv } from '../../src/analysis/agreement/reliability-csv.js';
import { readReliability } from '../../src/io/read-reliability.js';
import { formatMessage } from '../../src/model/message.js';
import { corpusPath, describeWithCorpora } from '../helpers/corpora.js';

describe('parseReliabilityCsv', () => {
  it.each([
    [
      'coders by units, empty = missing',
      'coder,u1,u2,u3\nA,a,b,\nB,a,,c\n',
      {},
      {
        coders: ['A', 'B'],
        units: ['u1', 'u2', 'u3'],
        values: [
          ['a', 'b', null],
          ['a', null, 'c'],
        ],
      },
    ],
    [
      'numbers',
      'coder,u1,u2\nA,1,2.5\nB,-1,\n',
      { numeric: true },
      {
        coders: ['A', 'B'],
        units: ['u1', 'u2'],
        values: [
          [1, 2.5],
          [-1, null],
        ],
      },
    ],
    [
      'units by coders (R irr)',
      'subject,r1,r2\n1,3,4\n2,,5\n',
      { layout: 'units-by-coders', numeric: true },
      {
        coders: ['r1', 'r2'],
        units: ['1', '2'],
        values: [
          [3, null],
          [4, 5],
        ],
      },
    ],
    [
      'BOM, CRLF, blank lines, spaces around cells',
      '\ufeffcoder,u1\r\n\r\nA, x \r\nB,x\r\n',
      {},
      { coders: ['A', 'B'], units: ['u1'], values: [['x'], ['x']] },
    ],
    [
      'short rows are missing values',
      'coder,u1,u2\nA,1\nB,1,2\n',
      {},
      {
        coders: ['A', 'B'],
        units: ['u1', 'u2'],
        values: [
          [1, null],
          [1, 2],
        ],
      },
    ],
    [
      'quoted labels with commas',
      'coder,"u,1"\n"Ben, B",a\nC,a\n',
      {},
      { coders: ['Ben, B', 'C'], units: ['u,1'], values: [['a'], ['a']] },
    ],
  ] as const)('%s', (_name, text, options, expected) => {
    const r = parseReliabilityCsv(text, { file: 'r.csv', ...options });
    expect(r.messages.filter((m) => m.fatal)).toEqual([]);
    expect(r.data).toEqual(expected);
  });

  it.each([
    ['empty file', '', {}, 'r.csv: error: reliability table is empty [empty-file]'],
    ['header only', 'coder,u1\n', {}, 'r.csv:1:1: error: no coder rows below the header [no-rows]'],
    [
      'no unit columns',
      'coder\nA\n',
      {},
      'r.csv:1:1: error: the header needs a first column (the coder) and one column per unit [missing-columns]',
    ],
    [
      'not a number, located at its cell',
      'coder,u1,u2\nA,1,2\nB,1,two\n',
      { numeric: true },
      'r.csv:3:5: error: value "two" is not a number [not-a-number]',
    ],
    ['extra cells', 'coder,u1\nA,1,2\n', {}, 'r.csv:2:5: error: row has 2 values but the header names 1 units [extra-cells]'],
    [
      'not a number after a quoted cell with a comma',
      'coder,u1\n"A, a",x\n',
      { numeric: true },
      'r.csv:2:8: error: value "x" is not a number [not-a-number]',
    ],
  ] as const)('%s', (_name, text, options, expected) => {
    const r = parseReliabilityCsv(text, { file: 'r.csv', ...options });
    expect(r.data).toBeNull();
    expect(formatMessage(r.messages.find((m) => m.fatal)!).split('\n')[0]).toBe(expected);
  });
});

describeWithCorpora('readReliability on the agreement reference corpus', () => {
  it('reads Krippendorff (2011) example B', async () => {
    const r = await readReliability(corpusPath('agreement-reference', 'krippendorff2011_B_nominal_2coders.csv'));
    expect(r.data?.coders).toEqual(['Ben', 'Gerry']);
    expect(r.data?.units).toHaveLength(12);
  });
});

describe('readReliability', () => {
  it('reports a missing file or a folder as a fatal message', async () => {
    expect((await readReliability('nope.csv')).messages.map(formatMessage)).toEqual([
      'nope.csv: error: reliability table not found [file-unreadable]',
    ]);
    const dir = mkdtempSync(`${tmpdir()}/qda-rel-`);
    expect((await readReliability(dir)).messages[0].reason).toBe('is a folder, not a file');
  });
});
