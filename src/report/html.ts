import type { Quote } from '../analysis/quotes.js';
import { displayCell, numericColumns, quotesByCode, shownTerms, type Block, type Page } from './blocks.js';
import type { Table } from './csv.js';

// Nothing may be fetched: the page must open from a file on a machine without a network. Its
// one script, when it has one, is a file beside it.
const POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const SCRIPT_POLICY = `${POLICY}; script-src 'self'`;

const STYLE = `
:root { color-scheme: light; --ink: #1d2733; --muted: #5b6776; --rule: #d5dbe3; --mark: #ffe58a; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); max-width: 1100px; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.7rem; margin-bottom: .25rem; }
h2 { font-size: 1.3rem; margin-top: 2.5rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin-top: 1.6rem; }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; }
a { color: #1f5aa6; }
.table-wrap { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; font-size: .88rem; }
caption { text-align: left; color: var(--muted); padding-bottom: .4rem; caption-side: top; }
th, td { padding: .3rem .6rem; vertical-align: top; text-align: left; }
thead th { border-top: 2px solid var(--ink); border-bottom: 1px solid var(--ink); }
tbody tr:last-child td { border-bottom: 2px solid var(--ink); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
figure { margin: 1.2rem 0; }
figure.chart { overflow-x: auto; }
figure.chart svg { max-width: none; }
figcaption { color: var(--muted); font-size: .88rem; }
figure.quote { border-left: 3px solid var(--rule); padding-left: 1rem; }
figure.quote blockquote { margin: 0; }
mark { background: var(--mark); padding: 0 .1em; }
button.sort { font: inherit; color: inherit; background: none; border: 0; padding: 0; margin: 0; text-align: inherit; cursor: pointer; }
button.sort:hover { text-decoration: underline; }
button.sort:focus-visible { outline: 2px solid #1f5aa6; outline-offset: 2px; }
th[aria-sort] button.sort::after { content: " ▲" / ""; font-size: .75em; color: var(--muted); }
th[aria-sort="descending"] button.sort::after { content: " ▼" / ""; }
/* The first column (the code) stays in view while a wide table scrolls sideways. */
.table-wrap th:first-child, .table-wrap td:first-child { position: sticky; left: 0; background: #fff; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { font-size: 10pt; line-height: 1.35; max-width: none; margin: 0; padding: 0; }
  h1 { font-size: 16pt; }
  h2 { font-size: 13pt; margin-top: 1.4rem; }
  h3 { font-size: 11pt; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  h2, h3, figcaption { break-inside: avoid; }
  /* A short table moves whole to the next page, taking the lines that introduce it along. */
  .table-wrap.short { break-inside: avoid; }
  p:has(+ .table-wrap), p:has(+ figure), h2 + p:has(+ h3) { break-after: avoid; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  .table-wrap, figure.chart { overflow: visible; }
  table { max-width: 100%; table-layout: auto; font-size: 7.5pt; }
  thead { display: table-header-group; }
  tr, figure, img, svg { break-inside: avoid; page-break-inside: avoid; }
  th, td { padding: 1.5pt 3pt; overflow-wrap: break-word; }
  td.num, th.num { white-space: normal; }
  caption, p { orphans: 3; widows: 3; }
  figure.chart svg { max-width: 100%; height: auto; }
  figure.quote { break-inside: avoid; }
  mark { background: none; font-weight: 600; text-decoration: underline; }
  th[aria-sort] button.sort::after { content: none; }
  .table-wrap th:first-child, .table-wrap td:first-child { position: static; }
}
`;

/**
 * Render a page of blocks as one self-contained HTML document: styles and SVG charts inline,
 * a content security policy that forbids every fetch, so it opens from a file with no network
 * (`page.script`, a file beside the page, is the one thing it may load).
 * @example htmlPage({ title: 'Report', blocks: [{ kind: 'table', table: frequencyCrosstab(freq) }] })
 */
export function htmlPage(page: Page): string {
  const ids = new Map<string, number>();
  const slug = (text: string) => {
    const base = text.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'section';
    const n = (ids.get(base) ?? 0) + 1;
    ids.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };
  const body: string[] = [];
  const toc: string[] = [];
  for (const block of page.blocks) {
    if (block.kind === 'heading' && (block.level ?? 2) === 2) {
      const id = slug(block.text);
      toc.push(`<li><a href="#${id}">${escapeHtml(block.text)}</a></li>`);
      body.push(`<h2 id="${id}">${escapeHtml(block.text)}</h2>`);
    } else body.push(blockHtml(block, slug));
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${page.script ? SCRIPT_POLICY : POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(page.title)}</h1>
${toc.length > 1 ? `<nav><ul>${toc.join('')}</ul></nav>\n` : ''}${body.join('\n')}
${page.script ? `<script src="${escapeHtml(page.script)}"></script>\n` : ''}</body>
</html>
`;
}

/** Tables of up to this many rows fit one printed page, so print keeps them whole. */
const SHORT_TABLE_ROWS = 40;

/**
 * Render a table as an HTML table (numeric columns right-aligned, line breaks kept).
 * @example htmlTable({ columns: ['code', 'n'], rows: [['a', 1]] })
 */
export function htmlTable(table: Table, caption?: string): string {
  const numeric = numericColumns(table);
  const cls = (j: number) => (numeric[j] ? ' class="num"' : '');
  const head = table.columns.map((c, j) => `<th scope="col"${cls(j)}>${escapeHtml(c)}</th>`).join('');
  const rows = table.rows.map((row) => `<tr>${table.columns.map((_, j) => `<td${cls(j)}>${escapeHtml(displayCell(row[j])).replace(/\n/g, '<br>')}</td>`).join('')}</tr>`);
  const wrap = table.rows.length <= SHORT_TABLE_ROWS ? 'table-wrap short' : 'table-wrap';
  return `<div class="${wrap}"><table>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
}

/**
 * Render quotes as HTML figures grouped by code, matched words in `<mark>`.
 * @example htmlQuotes(quoteBank(coded, codebook))
 */
export function htmlQuotes(quotes: readonly Quote[], headingLevel = 3): string {
  return quotesByCode(quotes)
    .map((g) => `<h${headingLevel}>${escapeHtml(g.code)} — ${escapeHtml(g.label)}</h${headingLevel}>\n${g.quotes.map(quoteHtml).join('\n')}`)
    .join('\n');
}

function blockHtml(block: Block, slug: (text: string) => string): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level ?? 2} id="${slug(block.text)}">${escapeHtml(block.text)}</h${block.level ?? 2}>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'table':
      return htmlTable(block.table, block.caption);
    case 'chart':
      return `<figure class="chart">${inlineSvg(block.svg)}${block.caption ? `<figcaption>${escapeHtml(block.caption)}</figcaption>` : ''}</figure>`;
    case 'quotes':
      return htmlQuotes(block.quotes);
  }
}

function quoteHtml(q: Quote): string {
  let text = '';
  let at = 0;
  for (const m of q.marks) {
    text += `${escapeHtml(q.text.slice(at, m.start))}<mark>${escapeHtml(q.text.slice(m.start, m.end))}</mark>`;
    at = m.end;
  }
  text += escapeHtml(q.text.slice(at));
  const where = [q.document, `segment ${q.segment}`, ...(q.timestamp ? [q.timestamp] : [])].join(', ');
  const matched = shownTerms(q).length > 0 ? ` · matched: ${escapeHtml(shownTerms(q).join(', '))}` : '';
  return `<figure class="quote"><blockquote>“${text}” ${escapeHtml(q.citation)}</blockquote><figcaption>${escapeHtml(where)}${matched}</figcaption></figure>`;
}

/** Inside HTML an SVG needs no namespace declaration: dropping it leaves no URL in the page. */
function inlineSvg(svg: string): string {
  return svg.replace(/^<svg([^>]*?) xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, '<svg$1');
}

/**
 * Escape text for HTML content and attribute values.
 * @example escapeHtml('a < b & "c"') // 'a &lt; b &amp; &quot;c&quot;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
