import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderedDom, SKIP_CHROMIUM, SKIP_REASON } from './helpers/chromium.js';

const run = promisify(execFile);
const NOTEBOOKS = ['01-lk3-study', '02-teaching-codebook', '03-interchange'];

describe('notebooks', () => {
  beforeAll(async () => {
    await run('npm', ['run', 'notebooks', '--silent'], { timeout: 120_000 });
  }, 150_000);

  it.each(NOTEBOOKS)('%s writes its Markdown and a self-contained HTML page', (name) => {
    const md = readFileSync(`notebooks/${name}.md`, 'utf8');
    const html = readFileSync(`notebooks/${name}.html`, 'utf8');
    expect(md.startsWith('# ')).toBe(true);
    expect(md).toMatch(/\n\| --- \|/);
    expect(html).not.toMatch(/https?:\/\/|<script[^>]+src=|<link[^>]+href=/i);
    expect(statSync(`notebooks/${name}.html`).size).toBeGreaterThan(5_000);
  });

  it('the study notebook has the factor table, the factor × stage table, quotes and charts', () => {
    const md = readFileSync('notebooks/01-lk3-study.md', 'utf8');
    for (const code of ['factor/proximity', 'factor/attachment', 'factor/helplessness', 'stage/follow-up']) expect(md).toContain(code);
    expect(md).toMatch(/\| factor \| engagement \| assessment \| planning \| implementation \| evaluation \| termination \| follow-up \|/);
    expect(md).toMatch(/\(Nurlaila, 2025\)|\(Ratna, 2025\)|\(Fauzan Hidayat, 2025\)/);
  });

  it('the teaching notebook shows precision rising after the rules are refined', () => {
    const md = readFileSync('notebooks/02-teaching-codebook.md', 'utf8');
    const overall = [...md.matchAll(/\| \(overall, leaf codes\) \|  \| (\d+) \| (\d+) \| (\d+) \| ([\d.]+) \|/g)].map((m) => Number(m[4]));
    expect(overall).toHaveLength(2);
    expect(overall[1]).toBeGreaterThan(overall[0]);
  });

  it('the interchange notebook loses nothing in the REFI-QDA round trip', () => {
    const md = readFileSync('notebooks/03-interchange.md', 'utf8');
    expect(md).toMatch(/\| codings \| (\d+) \| \1 \|/);
    expect(md).toMatch(/\| source texts identical \|  \| yes \|/);
  });

  it.skipIf(SKIP_CHROMIUM)(`the study page renders in headless Chromium with its tables and charts${SKIP_REASON}`, async () => {
    const { document } = parseHTML(await renderedDom(resolve('notebooks/01-lk3-study.html')));
    expect(document.querySelector('h1')!.textContent).toContain('LK3');
    expect(document.querySelectorAll('table').length).toBeGreaterThanOrEqual(4);
    const charts = document.querySelectorAll('figure.chart svg');
    expect(charts.length).toBe(2);
    expect(charts[0].querySelectorAll('rect').length).toBeGreaterThan(20);
  });
});
