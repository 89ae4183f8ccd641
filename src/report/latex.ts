import { displayCell, numericColumns } from './blocks.js';
import type { Table } from './csv.js';
import { checkString } from '../util/options.js';

/** Options of `toLatex`. */
export interface LatexOptions {
  caption?: string;
  /** Reference label, e.g. `tab:frequencies`. */
  label?: string;
}

/** Columns whose longest cell exceeds this many characters wrap in a paragraph column. */
const WRAP_AT = 40;

/**
 * Render a table as a LaTeX `table` float with booktabs rules (`\usepackage{booktabs}`):
 * numeric columns right-aligned, long text columns wrapped, every special character escaped.
 * @example toLatex({ columns: ['code', 'n'], rows: [['a_b', 1]] }, { caption: 'Codes', label: 'tab:codes' })
 */
export function toLatex(table: Table, options: LatexOptions = {}): string {
  checkString('toLatex', 'caption', options.caption);
  checkString('toLatex', 'label', options.label, { nonEmpty: true });
  const numeric = numericColumns(table);
  const longest = table.columns.map((c, j) => Math.max(c.length, ...table.rows.map((r) => displayCell(r[j]).length)));
  const wrapped = longest.map((n, j) => !numeric[j] && n > WRAP_AT);
  const share = wrapped.some(Boolean) ? Math.floor(70 / wrapped.filter(Boolean).length) / 100 : 0;
  const spec = table.columns.map((_, j) => (numeric[j] ? 'r' : wrapped[j] ? `p{${share.toFixed(2)}\\linewidth}` : 'l')).join('');
  const line = (cells: string[]) => `${cells.join(' & ')} \\\\\n`;
  const cell = (v: string, j: number) => escapeLatex(v).replace(/\n/g, wrapped[j] ? ' \\newline ' : '; ');
  let out = '\\begin{table}[htbp]\n\\centering\n';
  if (options.caption) out += `\\caption{${escapeLatex(options.caption)}}\n`;
  if (options.label) out += `\\label{${options.label.replace(/[^A-Za-z0-9:._-]/g, '-')}}\n`;
  out += `\\begin{tabular}{${spec}}\n\\toprule\n`;
  out += line(table.columns.map((c, j) => cell(c, j)));
  out += '\\midrule\n';
  for (const row of table.rows) out += line(table.columns.map((_, j) => cell(displayCell(row[j]), j)));
  out += '\\bottomrule\n\\end{tabular}\n\\end{table}\n';
  return out;
}

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '{': '\\{',
  '}': '\\}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

/**
 * Escape text for LaTeX: the ten special characters plus `<`, `>` and `|`, which the default
 * OT1 font encoding prints wrongly.
 * @example escapeLatex('50% of a_b') // '50\\% of a\\_b'
 */
export function escapeLatex(text: string): string {
  return text.replace(/[\\&%$#_{}~^<>|]/g, (c) => SPECIAL[c]);
}
