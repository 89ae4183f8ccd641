import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/codebook/parse.js';
import { parseQdc } from '../../src/refi/read-qdc.js';
import { idSegmentOf, refiCodeText } from '../../src/refi/code-text.js';
import { codebookToMarkdown } from '../../src/codebook/to-markdown.js';
import { codebookToYaml } from '../../src/codebook/to-yaml.js';
import { codebookToQdc } from '../../src/refi/write-qdc.js';
import { emptyRules, type Code, type Codebook, type TermRule } from '../../src/model/codebook.js';
import { formatMessage } from '../../src/model/message.js';
import { seeded } from '../helpers/cli.js';
import { corpusPath, describeWithCorpora } from '../helpers/corpora.js';
import { validateXml } from '../helpers/xmllint.js';
import { expectGolden } from '../helpers/golden.js';

const corpus = corpusPath('openqda-example-codebook');
const example = `${corpus}/example_codebook.qdc`;
const defect = `${corpus}/example_codebook_defect.qdc`;

function readYaml(file: string): Codebook {
  const { codebook, messages } = parseCodebook(readFileSync(file, 'utf8'), file);
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return codebook!;
}

function qdc(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="test">\n${body}\n</CodeBook>`;
}

describeWithCorpora('parseQdc on the OpenQDA example codebook', () => {
  const { codebook, messages } = parseQdc(readFileSync(example, 'utf8'), example);

  it('reads all 44 codes without a message', () => {
    expect(messages).toEqual([]);
    expect(codebook!.codes).toHaveLength(44);
  });

  it('keeps the two-level hierarchy, parents first', () => {
    const top = codebook!.codes.filter((c) => c.parent === null);
    expect(top.map((c) => c.id)).toEqual(['negativ-aufgeregt', 'negativ-ruhig', 'positiv-aufgeregt', 'positiv-ruhig']);
    const children = codebook!.codes.filter((c) => c.parent !== null);
    expect(children).toHaveLength(40);
    const seen = new Set<string>();
    for (const c of codebook!.codes) {
      if (c.parent !== null) {
        expect(seen.has(c.parent)).toBe(true);
        expect(c.id.startsWith(`${c.parent}/`)).toBe(true);
        expect(c.id.split('/')).toHaveLength(2);
      }
      seen.add(c.id);
    }
  });

  it('turns names with "/" and "(…)" into safe id segments and keeps the names as labels', () => {
    const byLabel = new Map(codebook!.codes.map((c) => [Object.values(c.labels)[0], c]));
    expect(byLabel.get('Negativ/Aufgeregt')!.id).toBe('negativ-aufgeregt');
    expect(byLabel.get('Hurt (personally offended)')!.id).toBe('negativ-aufgeregt/hurt-personally-offended');
    expect(byLabel.get('Rejection / Antipathy')!.id).toBe('negativ-aufgeregt/rejection-antipathy');
    for (const c of codebook!.codes) expect(c.id).toMatch(/^[\p{L}\p{N}_.-]+(?:\/[\p{L}\p{N}_.-]+)*$/u);
  });

  it('reads colours and trims the descriptions', () => {
    expect(codebook!.codes.every((c) => /^#[0-9a-f]{6}$/.test(c.color ?? ''))).toBe(true);
    const top = codebook!.codes[0];
    expect(top.color).toBe('#e57373');
    expect(top.definition).toBe('All emotions with negative valence and positive arousal.');
    expect(codebook!.codes[1].color).toBe('#c95858');
    expect(codebook!.codes.filter((c) => c.definition !== undefined)).toHaveLength(4);
  });

  it('reads its own .qdc export back to the same codebook, and the export validates', () => {
    const text = codebookToQdc(codebook!);
    expect(parseQdc(text, 'back.qdc')).toMatchObject({ codebook, messages: [] });
    expect(validateXml(text, 'codebook')).toEqual({ valid: true, output: expect.stringContaining('validates') });
  });

  it('converts to YAML that parseCodebook reads to the same codebook', () => {
    expect(parseCodebook(codebookToYaml(codebook!), 'x.yaml')).toEqual({ codebook, messages: [] });
  });
});

describeWithCorpora('parseQdc on the OpenQDA defect twin', () => {
  it('reports it at the broken closing tag, and gives no codebook', () => {
    const { codebook, messages } = parseQdc(readFileSync(defect, 'utf8'), defect);
    expect(codebook).toBeNull();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ line: 132, column: 13, ruleId: 'xml-syntax', fatal: true });
    expect(formatMessage(messages[0]).startsWith(`${defect}:132:13: error: `)).toBe(true);
    expect(formatMessage(messages[0])).toMatch(/Cod/);
  });
});

describe('parseQdc on malformed and unusual files', () => {
  it.each([
    [
      'GUIDs that are not GUIDs, no colour, no isCodable',
      '<Codes><Code guid="c1" name="A"><Code guid="x" name="B"/></Code></Codes>',
      ['a', 'a/b'],
      [],
    ],
    [
      'deep nesting',
      '<Codes><Code guid="1" name="A"><Code guid="2" name="B"><Code guid="3" name="C"><Code guid="4" name="D"/></Code></Code></Code></Codes>',
      ['a', 'a/b', 'a/b/c', 'a/b/c/d'],
      [],
    ],
    [
      'siblings with the same name get suffixes',
      '<Codes><Code guid="1" name="Fear"/><Code guid="2" name="fear"/><Code guid="3" name="FEAR!"/></Codes>',
      ['fear', 'fear-2', 'fear-3'],
      [],
    ],
    ['a name of punctuation only', '<Codes><Code guid="1" name="???"/></Codes>', ['code'], []],
    ['a missing name uses the guid', '<Codes><Code guid="abc-1"/></Codes>', ['abc-1'], ['missing-name']],
    ['a colour that is not #rgb', '<Codes><Code guid="1" name="A" color="red"/></Codes>', ['a'], ['code-description']],
    [
      'sets are reported, not kept',
      '<Codes><Code guid="1" name="A"/></Codes><Sets><Set guid="s" name="S"><MemberCode guid="1"/></Set></Sets>',
      ['a'],
      ['sets-dropped'],
    ],
    [
      'a broken qda-rules block',
      '<Codes><Code guid="1" name="A"><Description>Text.\n```qda-rules\nterms: [unclosed\n```</Description></Code></Codes>',
      ['a'],
      ['code-description'],
    ],
    [
      'a qda-rules block with an unknown key',
      '<Codes><Code guid="1" name="A"><Description>```qda-rules\nterm: [x]\n```</Description></Code></Codes>',
      ['a'],
      ['code-description'],
    ],
    [
      'a qda-rules regex with nested quantifiers is kept, with a warning',
      '<Codes><Code guid="1" name="A"><Description>```qda-rules\nregex: [\'(a+)+$\']\n```</Description></Code></Codes>',
      ['a'],
      ['code-description'],
    ],
    ['duplicate GUIDs', '<Codes><Code guid="1" name="A"/><Code guid="1" name="B"/></Codes>', ['a', 'b'], ['duplicate-guid']],
    ['entities and character references', '<Codes><Code guid="1" name="Tom &amp; Jerry &#x1F600;"/></Codes>', ['tom-jerry'], []],
  ])('%s', (_name, body, ids, rules) => {
    const { codebook, messages } = parseQdc(qdc(body), 'x.qdc');
    expect(codebook!.codes.map((c) => c.id)).toEqual(ids);
    expect(messages.map((m) => m.ruleId)).toEqual(rules);
    expect(messages.every((m) => !m.fatal && m.line >= 2)).toBe(true);
  });

  it.each([
    ['no codes', '<Codes/>', 'codebook-empty'],
    ['another root element', null, 'qdc-shape'],
  ])('%s is fatal', (_name, body, ruleId) => {
    const text = body === null ? '<Notes><Note/></Notes>' : qdc(body);
    const { codebook, messages } = parseQdc(text, 'x.qdc');
    expect(codebook).toBeNull();
    expect(messages).toMatchObject([{ ruleId, fatal: true }]);
  });

  it("runs a shared codebook's catastrophic regex in linear time and says why it is risky elsewhere", () => {
    const { codebook, messages } = parseQdc(
      qdc('<Codes><Code guid="1" name="A"><Description>```qda-rules\nregex: [\'^(\\w+\\s?)*$\']\n```</Description></Code></Codes>'),
      'x.qdc',
    );
    expect(codebook!.codes[0].rules.regex).toEqual(['^(\\w+\\s?)*$']);
    expect(messages[0].reason).toMatch(/repeats a repetition/);
  });

  it('refuses an external entity with a located message instead of an exception', () => {
    const text = `<?xml version="1.0"?>\n<!DOCTYPE x [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n${qdc('<Codes><Code guid="1" name="&xxe;"/></Codes>').replace(/^<\?xml[^>]*>\s*/, '')}`;
    const { codebook, messages } = parseQdc(text, 'x.qdc');
    expect(codebook).toBeNull();
    expect(messages).toMatchObject([
      {
        line: 2,
        column: 1,
        fatal: true,
        reason: expect.stringMatching(/External entities are not supported \(qda never loads external entities\)/),
      },
    ]);
  });

  it('keeps the label of a name that has a BOM before the XML declaration', () => {
    const { codebook } = parseQdc(`\uFEFF${qdc('<Codes><Code guid="1" name="Ärger"/></Codes>')}`, 'x.qdc');
    expect(codebook!.codes[0]).toMatchObject({ id: 'ärger', labels: { id: 'Ärger' } });
  });
});

describe('idSegmentOf', () => {
  it.each([
    ['Negativ/Aufgeregt', 'negativ-aufgeregt'],
    ['Hurt (personally offended)', 'hurt-personally-offended'],
    ['1. Oltás típusa', '1-oltás-típusa'],
    ['rq1_definition', 'rq1_definition'],
    ['  --  ', 'code'],
    ['Cafe\u0301', 'café'],
  ])('%s → %s', (name, segment) => expect(idSegmentOf(name)).toBe(segment));
});

const OUR_CODEBOOKS = ['test/fixtures/core/codebook.yaml', 'test/fixtures/qdpx/codebook.yaml', 'codebooks/lk3-psychosocial.yaml'];

describeWithCorpora('our codebooks as .qdc against the REFI-QDA schema', () => {
  it.each(OUR_CODEBOOKS)('%s → .qdc validates', (file) => {
    expect(validateXml(codebookToQdc(readYaml(file)), 'codebook')).toMatchObject({ valid: true });
  });
});

describe('qda codebooks through .qdc', () => {
  it.each(OUR_CODEBOOKS)('%s → .qdc → codebook keeps ids, labels, texts and rules', (file) => {
    const codebook = readYaml(file);
    const text = codebookToQdc(codebook);
    const back = parseQdc(text, 'x.qdc');
    expect(back.messages).toEqual([]);
    const { name: _n, description: _d, ...rest } = codebook;
    expect(back.codebook).toEqual(rest);
  });

  it('writes definition, criteria and examples readably, rules in a qda-rules block', () => {
    const codebook = readYaml('codebooks/lk3-psychosocial.yaml');
    const code = codebook.codes.find((c) => c.id === 'factor/proximity')!;
    const shown = refiCodeText(code, 'id');
    expect(shown.name).toBe('faktor kedekatan');
    expect(shown.color).toBe('#d62728');
    expect(shown.description).toMatch(/^Closeness and trust between the victim/);
    expect(shown.description).toContain('\n\nInclude: The perpetrator being someone known');
    expect(shown.description).toContain('\n\nExclude: A romantic bond');
    expect(shown.description).toContain('\n\nExamples:\n- Pelakunya justru orang dekat');
    expect(shown.description).toMatch(
      /\n```qda-rules\nid: factor\/proximity\nlabel: \{ id: faktor kedekatan, en: proximity \}\nterms:\n {2}id:/,
    );
  });

  it('seeded random codebooks survive .qdc and YAML round trips', () => {
    const random = seeded(20261127);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const words = [
      'pacar',
      'Include: x',
      'Exclude:',
      'Examples:',
      '- item',
      'a/b',
      'Ärger',
      '😀',
      '"q"',
      '&amp;',
      '<b>',
      'line\nbreak',
      '```',
      'é',
      '  ',
    ];
    const text = (n: number) =>
      Array.from({ length: n }, () => pick(words))
        .join(pick([' ', '\n', '\n\n']))
        .trim();
    const term = (language: string): TermRule => ({
      text: pick(['pacar', 'terlalu cinta', 'trauma', 'CBT', 'rumah sakit']),
      language,
      exact: random() < 0.3,
      prefix: random() < 0.3,
    });
    for (let round = 0; round < 40; round++) {
      const language = pick(['id', 'en']);
      const codes: Code[] = [];
      for (let i = 0; i < 6; i++) {
        const parent = codes.length > 0 && random() < 0.5 ? pick(codes).id : null;
        const id = `${parent === null ? '' : `${parent}/`}${pick(['a', 'b', 'Fear', 'x_1', 'é'])}${i}`;
        const code: Code = { id, parent, labels: {}, examples: [], rules: emptyRules() };
        if (random() < 0.8) code.labels[language] = text(2) || 'x';
        if (random() < 0.3) code.labels[language === 'id' ? 'en' : 'id'] = text(1) || 'y';
        for (const key of ['definition', 'include', 'exclude'] as const) if (random() < 0.5) code[key] = text(3) || 'z';
        if (random() < 0.5)
          code.examples = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick([text(2), ` ${text(1)} `, 'plain']));
        if (random() < 0.4) code.color = pick(['#abcdef', '#abc', 'red', 'rgb(1,2,3)']);
        if (random() < 0.6) code.rules.terms = [term(language), term(pick(['id', 'en']))];
        if (random() < 0.3) code.rules.near = [{ terms: [term(language), term(language)], within: 1 + Math.floor(random() * 9) }];
        if (random() < 0.3) code.rules.regex = ['\\bsusah\\s+move\\s+on\\b'];
        if (random() < 0.3) code.rules.not = [term(language)];
        if (random() < 0.3) code.rules.roles = ['!interviewer'];
        codes.push(code);
      }
      const ordered = parseCodebook(codebookToYaml({ language, codes }), 'r.yaml').codebook!;
      expect(ordered.codes).toHaveLength(6);
      const back = parseQdc(codebookToQdc(ordered), 'r.qdc');
      expect(back.messages).toEqual([]);
      expect(back.codebook).toEqual(ordered);
    }
  });
});

describe('codebookToMarkdown', () => {
  it('renders a codebook with every field as the golden document', () => {
    const codebook = readYaml('test/fixtures/qdpx/codebook.yaml');
    expectGolden('codebook/refi-codebook.md', codebookToMarkdown(codebook));
  });
});
