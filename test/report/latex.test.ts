import { describe, expect, it } from 'vitest';
import { escapeLatex, toLatex } from '../../src/report/latex.js';

const tricky = { columns: ['code', 'n', 'note'], rows: [['a_b|c', 3, 'x *y* <z>\nnext'], ['#d', 10.5, null], ['e', NaN, '']] };

describe('toLatex', () => {
  it('escapes every special character', () => {
    expect(escapeLatex('\\ & % $ # _ { } ~ ^ < > |')).toBe('\\textbackslash{} \\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{} \\textless{} \\textgreater{} \\textbar{}');
  });

  it('writes a booktabs table with a caption and label', () => {
    expect(toLatex(tricky, { caption: '50% of codes', label: 'tab:x y' })).toBe(
      '\\begin{table}[htbp]\n\\centering\n\\caption{50\\% of codes}\n\\label{tab:x-y}\n\\begin{tabular}{lrl}\n\\toprule\ncode & n & note \\\\\n\\midrule\n' +
        'a\\_b\\textbar{}c & 3 & x *y* \\textless{}z\\textgreater{}; next \\\\\n\\#d & 10.5 &  \\\\\ne & — &  \\\\\n\\bottomrule\n\\end{tabular}\n\\end{table}\n',
    );
  });
});
