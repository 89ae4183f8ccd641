import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/codebook/parse.js';
import { codeCorpus } from '../../src/coding/code-corpus.js';
import { nearWindow } from '../../src/coding/code-segment.js';
import { fromText } from '../../src/import/text.js';

const codebookYaml = `
language: id
defaults:
  roles: ["!interviewer"]
codes:
  - id: factor
  - id: factor/attachment
    terms:
      id: [pacar, "terlalu cinta"]
      en: [boyfriend]
    not: ["pacar kakaknya"]
  - id: factor/helplessness
    near:
      - terms: [takut, tolak]
        within: 3
  - id: stage
  - id: stage/assessment
    terms: [asesmen, "=CBT", genogram*]
    regex: ['body\\s?map']
  - id: stage/engagement
    terms: [percaya]
    speakers: [Sari]
`;

function code(body: string, unit: 'turn' | 'sentence' = 'turn') {
  const { codebook } = parseCodebook(codebookYaml, 'cb.yaml');
  const head =
    '---\nparticipants:\n  - name: Ani\n    role: interviewer\n  - name: Sari\n    role: social worker\n  - name: Dewi\n    role: academic\n---\n';
  const doc = fromText(head + body, { file: 'd.md' }).corpus.documents[0];
  const { codings } = codeCorpus({ documents: [doc] }, codebook!, { unit });
  return codings.map((c) => ({ code: c.code, segment: c.segment, matches: c.matches, span: doc.text.slice(c.start, c.end) }));
}

describe('automatic coding', () => {
  it.each([
    [
      'stemmed Indonesian affixes',
      'Sari: Dia berpacaran lama, pacarnya posesif.',
      [{ code: 'factor/attachment', matches: ['pacar'], span: 'berpacaran lama, pacarnya' }],
    ],
    ['English stemming', 'Sari: Her boyfriends left.', [{ code: 'factor/attachment', matches: ['boyfriend'], span: 'boyfriends' }]],
    ['phrase', 'Sari: Dia terlalu cintanya.', [{ code: 'factor/attachment', matches: ['terlalu cinta'], span: 'terlalu cintanya' }]],
    ['phrase words must be adjacent', 'Sari: terlalu banyak cinta', []],
    ['exact term', 'Sari: Sesi CBT, bukan CBTnya.', [{ code: 'stage/assessment', matches: ['CBT'], span: 'CBT' }]],
    ['prefix glob', 'Sari: Buat genogramnya dulu.', [{ code: 'stage/assessment', matches: ['genogram*'], span: 'genogramnya' }]],
    ['regex', 'Sari: Pakai body map.', [{ code: 'stage/assessment', matches: ['/body\\s?map/'], span: 'body map' }]],
    [
      'near within',
      'Sari: Dia takut untuk menolak.',
      [{ code: 'factor/helplessness', matches: ['takut NEAR/3 tolak'], span: 'takut untuk menolak' }],
    ],
    ['near too far', 'Sari: Dia takut sekali, sangat sangat tidak bisa menolak.', []],
    ['veto', 'Sari: Itu pacar kakaknya.', []],
    ['whole words only', 'Sari: Kapacaran bukan kata.', []],
    ['interviewer never coded', 'Ani: Apakah pacarnya ada?', []],
    ['speaker filter', 'Dewi: Klien percaya.\nSari: Klien percaya.', [{ code: 'stage/engagement', matches: ['percaya'], span: 'percaya' }]],
  ])('%s', (_name, body, expected) => {
    expect(code(body).map(({ code, matches, span }) => ({ code, matches, span }))).toEqual(expected);
  });

  it('codes each code once per segment, spanning first to last match, children only', () => {
    const out = code('Sari: Pacar dia, ya pacarnya itu, boyfriend.\nSari: Tidak ada.');
    expect(out).toEqual([
      { code: 'factor/attachment', segment: 1, matches: ['pacar', 'boyfriend'], span: 'Pacar dia, ya pacarnya itu, boyfriend' },
    ]);
  });

  it('numbers segments per unit', () => {
    const out = code('Sari: Halo. Pacarnya datang. Lalu asesmen.', 'sentence');
    expect(out.map((c) => [c.segment, c.code])).toEqual([
      [2, 'factor/attachment'],
      [3, 'stage/assessment'],
    ]);
  });
});

describe('nearWindow', () => {
  it.each([
    [[[[0, 0]], [[3, 3]]], 3, [0, 3]],
    [[[[0, 0]], [[4, 4]]], 3, null],
    [
      [
        [
          [0, 0],
          [10, 10],
        ],
        [[12, 13]],
        [[11, 11]],
      ],
      3,
      [10, 13],
    ],
    [[[], [[1, 1]]], 5, null],
  ] as const)('%j within %d', (occurrences, within, expected) => {
    expect(
      nearWindow(
        occurrences.map((o) => o.map((p) => [...p] as [number, number])),
        within,
      ),
    ).toEqual(expected);
  });
});
