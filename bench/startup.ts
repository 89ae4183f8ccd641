// Start-up: one small transcript, the way a researcher runs qda on an interview; and the
// bundled codebook (regexes, near rules, vetoes) on the 100 MB corpus.
import { join } from 'node:path';
import { corpusOf, DATA_DIR } from './data.js';
import { measure, round, sh } from './measure.js';
import type { BenchOptions } from './run.js';

/** Start-up time of `qda code` on one transcript; the bundled codebook at 100 MB. */
export async function run(options: BenchOptions): Promise<object[]> {
  const node = sh(process.execPath);
  const startup = await measure(
    `${node} bin/qda.js code data-sample/transcripts/informan-01.md --codebook codebooks/lk3-psychosocial.yaml > /dev/null`,
  );
  const rows: object[] = [{ case: 'startup', seconds: round(startup.seconds), peak_rss_mb: startup.peakRssMb }];
  options.log(rows[0]);
  if (options.sizes.includes(100)) {
    const { file, megabytes } = await corpusOf(100);
    for (const command of ['code', 'count']) {
      const out = command === 'code' ? `--out ${sh(join(DATA_DIR, 'codings.csv'))}` : '> /dev/null';
      const m = await measure(
        `${node} bin/qda.js ${command} ${sh(file)} --codebook codebooks/lk3-psychosocial.yaml --jobs ${options.jobs} ${out}`,
      );
      const row = {
        case: `bundled codebook, qda ${command}`,
        size_mb: round(megabytes),
        jobs: options.jobs,
        mb_s: round(megabytes / m.seconds),
        peak_rss_mb: m.peakRssMb,
      };
      rows.push(row);
      options.log(row);
    }
  }
  return rows;
}
