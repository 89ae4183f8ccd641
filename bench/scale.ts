// Scale: `qda count`, `qda code` and `qda report` on generated corpora against what a user
// would type without qda — ripgrep piped into sort | uniq -c, or into awk — and a byte-level
// Aho–Corasick floor (bench/floor.ts), each a whole process on the same file and term list.
import { join } from 'node:path';
import { corpusOf, DATA_DIR, termsOf } from './data.js';
import { measure, round, sh } from './measure.js';
import type { BenchOptions } from './run.js';

const node = sh(process.execPath);
const TOOLS: Record<string, (corpus: string, terms: { termsFile: string; codebookFile: string }, jobs: number) => string> = {
  'qda count': (corpus, t, jobs) => `${node} bin/qda.js count ${sh(corpus)} --codebook ${sh(t.codebookFile)} --jobs ${jobs} > /dev/null`,
  'rg | sort | uniq -c': (corpus, t) => `rg -o -i -w -F -f ${sh(t.termsFile)} --no-filename ${sh(corpus)} | sort | uniq -c > /dev/null`,
  'rg | awk': (corpus, t) =>
    `rg -o -i -w -F -f ${sh(t.termsFile)} --no-filename ${sh(corpus)} | awk '{ n[tolower($0)]++ } END { for (t in n) print n[t], t }' > /dev/null`,
  floor: (corpus, t) => `${node} --import tsx bench/floor.ts ${sh(t.termsFile)} ${sh(corpus)} > /dev/null`,
  'qda code': (corpus, t, jobs) =>
    `${node} bin/qda.js code ${sh(corpus)} --codebook ${sh(t.codebookFile)} --jobs ${jobs} --out ${sh(join(DATA_DIR, 'codings.csv'))}`,
};
const YARDSTICKS = ['rg | sort | uniq -c', 'rg | awk', 'floor'];

/** One row per size, dictionary and tool; the `qda count` rows carry the ratios to each yardstick (> 1: qda is faster). */
export async function run(options: BenchOptions): Promise<object[]> {
  const rows: Array<Record<string, unknown>> = [];
  const tools = options.tools ?? Object.keys(TOOLS);
  for (const size of options.sizes) {
    const { file: corpus, megabytes } = await corpusOf(size);
    for (const count of options.terms) {
      const terms = termsOf(count);
      const seconds = new Map<string, number>();
      for (const tool of tools) {
        if (tool === 'qda code' && !options.codeTerms.includes(count)) continue;
        const m = await measure(TOOLS[tool](corpus, terms, options.jobs));
        seconds.set(tool, m.seconds);
        const row: Record<string, unknown> = {
          size_mb: round(megabytes),
          terms: count,
          tool,
          jobs: tool.startsWith('qda') ? options.jobs : 1,
          seconds: round(m.seconds),
          mb_s: round(megabytes / m.seconds),
          peak_rss_mb: m.peakRssMb,
        };
        rows.push(row);
        options.log(row);
      }
      const qda = seconds.get('qda count');
      if (qda !== undefined) {
        const row = rows.find((r) => r.size_mb === round(megabytes) && r.terms === count && r.tool === 'qda count')!;
        for (const y of YARDSTICKS)
          if (seconds.has(y)) row[`ratio_vs_${y.replace(/\W+/g, '_').replace(/_$/, '')}`] = round(seconds.get(y)! / qda);
        options.log({
          size_mb: round(megabytes),
          terms: count,
          ratios: Object.fromEntries(Object.entries(row).filter(([k]) => k.startsWith('ratio'))),
        });
      }
    }
    // A dictionary 100 times larger should cost less than twice the time.
    const at = (n: number) => rows.find((r) => r.size_mb === round(megabytes) && r.terms === n && r.tool === 'qda count');
    const few = at(Math.min(...options.terms));
    const many = at(Math.max(...options.terms));
    if (few && many && few !== many) {
      const row = {
        size_mb: round(megabytes),
        check: `qda count: ${many.terms} terms ÷ ${few.terms} terms`,
        time_ratio: round((many.seconds as number) / (few.seconds as number)),
      };
      rows.push(row);
      options.log(row);
    }
    if (options.report.includes(size)) {
      const terms = termsOf(500);
      const m = await measure(
        `${node} bin/qda.js report ${sh(corpus)} --codebook ${sh(terms.codebookFile)} --by document --out ${sh(join(DATA_DIR, 'report'))}`,
      );
      const row = {
        size_mb: round(megabytes),
        terms: 500,
        tool: 'qda report',
        jobs: 1,
        seconds: round(m.seconds),
        mb_s: round(megabytes / m.seconds),
        peak_rss_mb: m.peakRssMb,
      };
      rows.push(row);
      options.log(row);
    }
  }
  return rows;
}
