import { describe, expect, it } from 'vitest';
import { helpPages } from '../helpers/help.js';

const WIDTH = 80;
const all = helpPages();

describe('--help reads cleanly in an 80-column terminal', () => {
  it('covers every command', () => {
    expect(all.map((c) => c.name)).toEqual(
      expect.arrayContaining(['qda import', 'qda qdpx import', 'qda codebook convert', 'qda project user add']),
    );
  });

  it.each(all)('$name: no line is wider than 80 columns', ({ help }) => {
    const wide = help.split('\n').filter((line) => [...line].length > WIDTH);
    expect(wide).toEqual([]);
  });

  it.each(all)('$name: prose is wrapped at the width, without fragments of hand-broken lines', ({ help }) => {
    const lines = help.split('\n');
    const body = lines.slice(
      2,
      lines.findIndex((line) => /^(Arguments|Options|Commands):$/.test(line)),
    );
    const fragments: string[] = [];
    body.forEach((line, i) => {
      const next = body[i + 1];
      if (next === undefined || line === '' || next === '' || /^\s/.test(line) || /^\s/.test(next)) return;
      // The next line's first word would have fitted here: the line was broken by hand.
      if ([...line].length + 1 + [...next.split(' ')[0]!].length <= WIDTH) fragments.push(line);
    });
    expect(fragments).toEqual([]);
  });

  it.each(all.filter((c) => c.command.parent !== null))('$name: has a one-line summary for the list of commands', ({ command }) => {
    const summary = command.summary() || command.description();
    expect(summary).not.toBe('');
    expect(summary).not.toContain('\n');
    expect([...summary].length).toBeLessThanOrEqual(90);
  });
});
