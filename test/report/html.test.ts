import { describe, expect, it } from 'vitest';
import { escapeHtml, htmlPage, htmlTable } from '../../src/report/html.js';

const tricky = { columns: ['code', 'n', 'note'], rows: [['a_b|c', 3, 'x *y* <z>\nnext'], ['#d', 10.5, null], ['e', NaN, '']] };

describe('html', () => {
  it('escapes text and keeps the page free of any URL or script', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const page = htmlPage({ title: 'A <b>', blocks: [{ kind: 'heading', text: 'Tables' }, { kind: 'table', table: tricky, caption: 'cap' }, { kind: 'heading', text: 'Tables' }, { kind: 'chart', svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"></svg>' }] });
    expect(page).toContain('<title>A &lt;b&gt;</title>');
    expect(page).toContain('<h2 id="tables">Tables</h2>');
    expect(page).toContain('<h2 id="tables-2">Tables</h2>');
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/<script|<link|src=/i);
    expect(page).toContain("default-src 'none'");
    expect(page).not.toContain('script-src');
  });

  it('loads a page script only from the file it names beside the page, which the policy allows', () => {
    const page = htmlPage({ title: 't', blocks: [], script: 'report.js' });
    expect(page.match(/<script[^>]*>/g)).toEqual(['<script src="report.js">']);
    expect(page).toContain(`default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'self'`);
  });

  it('right-aligns numeric columns', () => {
    expect(htmlTable({ columns: ['a', 'n'], rows: [['x', '3 (25.0%)']] })).toContain('<td class="num">3 (25.0%)</td>');
  });
});
