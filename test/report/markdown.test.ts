import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/analysis/quotes.js';
import { markdownPage, quotesToMarkdown, toMarkdown } from '../../src/report/markdown.js';

const tricky = { columns: ['code', 'n', 'note'], rows: [['a_b|c', 3, 'x *y* <z>\nnext'], ['#d', 10.5, null], ['e', NaN, '']] };

describe('toMarkdown', () => {
  it('escapes Markdown, right-aligns numbers, turns line breaks into <br>', () => {
    expect(toMarkdown(tricky)).toBe(
      '| code | n | note |\n| --- | ---: | --- |\n| a\\_b\\|c | 3 | x \\*y\\* &lt;z&gt;<br>next |\n| \\#d | 10.5 |  |\n| e | — |  |\n',
    );
  });

  it('renders quotes with bold matches, citation and origin', () => {
    const q: Quote = {
      code: 'f/a', label: 'attachment', rank: 1, document: 'a', segment: 2, speaker: 'Ani', timestamp: '00:01:02', year: '2024', citation: '(Ani, 2024)',
      text: 'Her boyfriend_x decided.', marks: [{ start: 4, end: 15 }], terms: ['boyfriend', '/x+/'], start: 0, end: 24,
    };
    expect(quotesToMarkdown([q])).toBe('## f/a — attachment\n\n> “Her **boyfriend\\_x** decided.” (Ani, 2024)\n>\n> — a, segment 2, 00:01:02 · matched: boyfriend\n');
  });

  it('renders a page of blocks', () => {
    expect(markdownPage({ title: 'T', blocks: [{ kind: 'heading', text: 'H' }, { kind: 'paragraph', text: 'p' }, { kind: 'chart', svg: '<svg/>', caption: 'c', file: 'charts/c.svg' }] }))
      .toBe('# T\n\n## H\n\np\n\n![c](charts/c.svg)\n');
  });
});

describe('toMarkdown options', () => {
  const table = { columns: ['code', 'n', 'share'], rows: [['a_b', 1, '50.0%'], ['overall', 2, '100.0%']] };

  it('right-aligns the named columns instead of guessing, and bolds a total row', () => {
    expect(toMarkdown(table, { right: ['n', 'share'], total: true })).toBe('| code | n | share |\n| --- | ---: | ---: |\n| a\\_b | 1 | 50.0% |\n| **overall** | 2 | 100.0% |\n');
  });

  it('guesses numeric columns when not told', () => {
    expect(toMarkdown(table).split('\n')[1]).toBe('| --- | ---: | --- |');
  });
});
