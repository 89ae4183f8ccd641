import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/codebook/parse.js';
import { formatMessage } from '../../src/model/message.js';

const ok = `
name: t
language: id
defaults:
  roles: ["!interviewer"]
codes:
  - id: stage
    label: { id: Tahap, en: Stages }
  - id: stage/assessment/tools
    terms: [genogram]
  - id: stage/assessment
    label: asesmen
    definition: Menggali masalah.
    examples: ["Kami asesmen dulu."]
    terms:
      id: [asesmen, "=peksos", trauma*]
      en: [assessment]
    near:
      - terms: [gali, masalah]
        within: 5
    regex: ['body\\s?map']
    not: [rapat]
`;

describe('parseCodebook', () => {
  it('reads a valid codebook, parents first, defaults applied', () => {
    const { codebook, messages } = parseCodebook(ok, 'cb.yaml');
    expect(messages).toEqual([]);
    expect(codebook!.codes.map((c) => c.id)).toEqual(['stage', 'stage/assessment', 'stage/assessment/tools']);
    const a = codebook!.codes[1];
    expect(a.labels).toEqual({ id: 'asesmen' });
    expect(a.rules.terms).toEqual([
      { text: 'asesmen', language: 'id', exact: false, prefix: false },
      { text: 'peksos', language: 'id', exact: true, prefix: false },
      { text: 'trauma', language: 'id', exact: false, prefix: true },
      { text: 'assessment', language: 'en', exact: false, prefix: false },
    ]);
    expect(a.rules.near[0].within).toBe(5);
    expect(a.rules.roles).toEqual(['!interviewer']);
    expect(a.parent).toBe('stage');
  });

  it.each([
    ['YAML syntax error', 'codes:\n  - id: a\n    terms: [x\n', 'yaml-syntax', 4],
    ['duplicate id', 'codes:\n  - id: a\n    terms: [x]\n  - id: a\n    terms: [y]\n', 'duplicate-id', 4],
    ['unknown key', 'codes:\n  - id: a\n    term: [x]\n', 'unknown-key', 3],
    ['bad regex', 'codes:\n  - id: a\n    regex: ["(unclosed"]\n', 'bad-regex', 3],
    ['parent missing', 'codes:\n  - id: a/b\n    terms: [x]\n', 'parent-missing', 2],
    ['empty rule', 'codes:\n  - id: a\n    terms: []\n', 'empty-rule', 3],
    ['near with one term', 'codes:\n  - id: a\n    near:\n      - terms: [x]\n        within: 3\n', 'empty-rule', 4],
    ['near without within', 'codes:\n  - id: a\n    near:\n      - terms: [x, y]\n', 'bad-near', 4],
    ['no codes', 'name: x\n', 'codebook-shape', 1],
    ['not a mapping', '- a\n- b\n', 'codebook-shape', 1],
    ['bad id', 'codes:\n  - id: "a//b"\n', 'bad-id', 2],
  ])('%s is a located, fatal message', (_name, yaml, ruleId, line) => {
    const { codebook, messages } = parseCodebook(yaml, 'cb.yaml');
    expect(codebook).toBeNull();
    const m = messages.find((x) => x.ruleId === ruleId);
    expect(m, messages.map(formatMessage).join('\n')).toBeDefined();
    expect(m).toMatchObject({ file: 'cb.yaml', line, fatal: true });
    expect(formatMessage(m!)).toMatch(new RegExp(`^cb\\.yaml:${line}:\\d+: error: .+ \\[${ruleId}\\]$`));
  });

  it('names the code and suggests the key in unknown-key messages', () => {
    const { messages } = parseCodebook('codes:\n  - id: f/x\n    defintion: y\n  - id: f\n', 'cb.yaml');
    expect(messages[0].reason).toContain('code "f/x"');
    expect(messages[0].reason).toContain('did you mean `definition`');
  });

  it('reports every problem, not just the first', () => {
    const { messages } = parseCodebook('codes:\n  - id: a\n    foo: 1\n  - id: a\n  - id: b/c\n    regex: ["["]\n', 'cb.yaml');
    expect(messages.map((m) => m.ruleId).sort()).toEqual(['bad-regex', 'duplicate-id', 'parent-missing', 'unknown-key']);
  });
});
