import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/codebook/parse.js';
import { isCssColor } from '../../src/codebook/css-color.js';
import { readCorpus } from '../../src/io/read-corpus.js';
import { formatMessage } from '../../src/model/message.js';
import { detectLanguage } from '../../src/text/language.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'qda-language-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// An English transcript without front matter: it used to be stemmed as Indonesian.
const english = file(
  'teacher-01.txt',
  `Interviewer: Who did you turn to?
Participant: Mostly my colleagues. One colleague stayed with me after the meeting, and the colleagues in my team covered my classes for a week.
`,
);
const indonesian = file(
  'guru-01.txt',
  `Pewawancara: Siapa yang membantu?
Informan: Rekan kerja saya yang paling membantu, dan mereka juga ada di rapat itu.
`,
);

describe('language of a document', () => {
  it('tells Indonesian from English by function words, and says when it cannot', () => {
    expect(detectLanguage('I think the colleagues were there for her, and that is what helped.').language).toBe('en');
    expect(detectLanguage('Saya rasa rekan kerja yang ada di sana itu sangat membantu dia.').language).toBe('id');
    expect(detectLanguage('Ok. Ya.').language).toBeNull();
    expect(detectLanguage('the and of yang dan di').language).toBeNull();
  });

  it('is detected per document when none is given; front matter and --language win', async () => {
    const declared = file('declared.md', '---\nlanguage: en\n---\nNurlaila: Saya yang membantu dia di sana dan itu juga.\n');
    const { corpus } = await readCorpus([english, indonesian, declared]);
    expect(corpus.documents.map((d) => [d.language, d.languageSource])).toEqual([
      ['en', 'detected'],
      ['id', 'detected'],
      ['en', 'declared'],
    ]);
    const forced = await readCorpus([english, declared], { language: 'id' });
    expect(forced.corpus.documents.map((d) => [d.language, d.languageSource])).toEqual([
      ['id', 'option'],
      ['en', 'declared'],
    ]);
  });

  it('kwic --term colleague finds "colleagues" in an English transcript without `language:`', async () => {
    const r = await runCli('kwic', english, '--term', 'colleague', '--format', 'csv');
    expect(r.code).toBe(0);
    const keywords = Papa.parse<Record<string, string>>(r.stdout, { header: true, skipEmptyLines: true }).data.map((row) => row.keyword);
    expect(keywords).toEqual(['colleagues', 'colleague', 'colleagues']);
  });

  it('qda import says which language it chose for each document', async () => {
    const r = await runCli('import', english, indonesian, file('short.txt', 'A: Ok.\n'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      [
        'teacher-01: language en (detected from its function words; --language overrides)',
        'guru-01: language id (detected from its function words; --language overrides)',
        "short: language unknown: too little text, or mixed (stemming in the codebook's languages; give --language id|en)",
        '',
      ].join('\n'),
    );
    const forced = await runCli('import', english, '--language', 'id');
    expect(forced.stderr).toBe('teacher-01: language id (from --language)\n');
  });
});

describe('codebook language and colours', () => {
  const problems = (yaml: string) => parseCodebook(yaml, 'cb.yaml').messages.map(formatMessage);

  it.each([
    ['english', 'en'],
    ['Indonesian', 'id'],
    ['en-GB', 'en'],
  ])('language: %s is a located error suggesting %s', (value, guess) => {
    expect(problems(`language: ${value}\ncodes:\n  - id: a\n    terms: [x]\n`)).toEqual([
      `cb.yaml:1:11: error: the codebook language "${value}" is not one qda stems (did you mean \`${guess}\`?); use id (Indonesian) or en (English) [bad-language]`,
    ]);
  });

  it('rejects fr without a guess, in the top level and in a terms mapping', () => {
    expect(problems('language: fr\ncodes:\n  - id: a\n    terms:\n      english: [colleague]\n')).toEqual([
      'cb.yaml:1:11: error: the codebook language "fr" is not one qda stems; use id (Indonesian) or en (English) [bad-language]',
      'cb.yaml:5:7: error: code "a": terms: language "english" is not one qda stems (did you mean `en`?); use id (Indonesian) or en (English) [bad-language]',
    ]);
  });

  it('accepts CSS colours and rejects others with a hint', () => {
    for (const c of ['teal', '#1b9e77', '#abc', 'rgb(27 158 119)', 'rgba(27, 158, 119, 0.5)', 'hsl(160deg 70% 36%)', 'RebeccaPurple'])
      expect(isCssColor(c)).toBe(true);
    for (const c of ['tael', '#12345', 'blue-ish', 'rgb(a, b, c)', '']) expect(isCssColor(c)).toBe(false);
    expect(problems('codes:\n  - id: a\n    color: dark gren\n    terms: [x]\n')).toEqual([
      'cb.yaml:3:12: error: code "a": `color` "dark gren" is not a CSS colour (did you mean `darkgreen`?); use a name such as teal, a hex code such as "#1b9e77", or rgb(27 158 119) [bad-color]',
    ]);
  });
});
