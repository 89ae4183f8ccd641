import type { Quote } from '../analysis/quotes.js';
import { displayCell, numericColumns, quotesByCode, shownTerms, type Block, type Page } from './blocks.js';
import type { Table } from './csv.js';
import { checkBoolean, checkInteger, checkList } from '../util/options.js';

/** Options of `toMarkdown`. */
export interface MarkdownTableOptions {
  /** Columns to right-align (default: the columns whose cells all read as numbers). */
  right?: readonly string[];
  /** The last row is a total: its first cell is set in bold. */
  total?: boolean;
}

/**
 * Render a table as a Markdown pipe table — the one Markdown table renderer: numeric columns
 * right-aligned, `|` and Markdown syntax escaped, line breaks inside a cell as `<br>`.
 * @example toMarkdown({ columns: ['code', 'n'], rows: [['a', 1]] }) // '| code | n |\n| --- | ---: |\n| a | 1 |\n'
 */
export function toMarkdown(table: Table, options: MarkdownTableOptions = {}): string {
  checkList('toMarkdown', 'right', options.right, table.columns);
  checkBoolean('toMarkdown', 'total', options.total);
  const right = options.right ? table.columns.map((c) => options.right!.includes(c)) : numericColumns(table);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |\n`;
  let out = line(table.columns.map(escapeCell));
  out += line(right.map((r) => (r ? '---:' : '---')));
  table.rows.forEach((row, i) => {
    const cells = table.columns.map((_, j) => escapeCell(displayCell(row[j])));
    if (options.total && i === table.rows.length - 1 && cells.length > 0) cells[0] = `**${cells[0]}**`;
    out += line(cells);
  });
  return out;
}

/**
 * Render quotes as Markdown, grouped under a heading per code: each quote a block quote with
 * the matched words in bold, its `(Name, Year)` citation, then where it comes from.
 * @example quotesToMarkdown(quoteBank(coded, codebook))
 */
export function quotesToMarkdown(quotes: readonly Quote[], options: { headingLevel?: number } = {}): string {
  checkInteger('quotesToMarkdown', 'headingLevel', options.headingLevel, { min: 1, max: 6 });
  const hashes = '#'.repeat(options.headingLevel ?? 2);
  return quotesByCode(quotes)
    .map((group) => `${hashes} ${escapeText(group.code)} — ${escapeText(group.label)}\n\n${group.quotes.map(quoteMarkdown).join('\n')}`)
    .join('\n');
}

/**
 * Render a page of blocks as one Markdown document; charts become image links to their `file`.
 * @example markdownPage({ title: 'Report', blocks: [{ kind: 'paragraph', text: 'Seven interviews.' }] })
 */
export function markdownPage(page: Page): string {
  return [`# ${escapeText(page.title)}\n`, ...page.blocks.map(blockMarkdown)].join('\n');
}

function blockMarkdown(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level ?? 2)} ${escapeText(block.text)}\n`;
    case 'paragraph':
      return `${escapeText(block.text)}\n`;
    case 'table':
      return `${block.caption ? `${escapeText(block.caption)}\n\n` : ''}${toMarkdown(block.table)}`;
    case 'chart':
      return block.file ? `![${escapeText(block.caption ?? '')}](${block.file})\n` : '';
    case 'quotes':
      return quotesToMarkdown(block.quotes, { headingLevel: 3 });
  }
}

function quoteMarkdown(q: Quote): string {
  let text = '';
  let at = 0;
  for (const m of q.marks) {
    text += `${escapeText(q.text.slice(at, m.start))}**${escapeText(q.text.slice(m.start, m.end))}**`;
    at = m.end;
  }
  text += escapeText(q.text.slice(at));
  const where = [q.document, `segment ${q.segment}`, ...(q.timestamp ? [q.timestamp] : [])].join(', ');
  const matched = shownTerms(q).length > 0 ? ` · matched: ${shownTerms(q).map(escapeText).join(', ')}` : '';
  return `> “${text}” ${escapeText(q.citation)}\n>\n> — ${escapeText(where)}${matched}\n`;
}

/** Escape the characters that Markdown would read as syntax in running text. */
function escapeText(s: string): string {
  return s.replace(/[\\`*_[\]<>|]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`)).replace(/^#/, '\\#');
}

function escapeCell(s: string): string {
  return escapeText(s.trim()).replace(/\n/g, '<br>');
}
