// `npm run bench [-- --sizes 10,100 --terms 50,500]`: speed and memory of `qda code` (and
// `qda report` at 100 MB) on generated corpora, with ripgrep on the same input as yardstick.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCodebook } from '../src/codebook/parse.js';
import { codebookYaml, generateTerms, writeCorpus } from './generate.js';
import { measure } from './measure.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const sizes = option('sizes', '10,100,1000').split(',').map(Number);
const termCounts = option('terms', '50,500,5000').split(',').map(Number);
const jobs = option('jobs', '2');
const dataDir = 'bench/data';
const resultsDir = 'bench/results';
mkdirSync(dataDir, { recursive: true });
mkdirSync(resultsDir, { recursive: true });

if (!existsSync('dist/cli/main.js')) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
const bundled = parseCodebook(readFileSync('codebooks/lk3-psychosocial.yaml', 'utf8'), 'codebooks/lk3-psychosocial.yaml').codebook!;
const realTerms = bundled.codes.flatMap((c) => c.rules.terms.map((t) => t.text));
const hasRipgrep = (() => {
  try {
    execFileSync('rg', ['--version']);
    return true;
  } catch {
    console.error('ripgrep (rg) is not installed: ratios are left out. Debian: apt-get install ripgrep');
    return false;
  }
})();

const results: object[] = [];
for (const size of sizes) {
  const corpus = join(dataDir, `corpus-${size}mb.jsonl`);
  if (!existsSync(corpus)) {
    process.stderr.write(`generating ${corpus}…\n`);
    await writeCorpus(corpus, size, realTerms.slice(0, 400));
  }
  const megabytes = statSync(corpus).size / 1e6;
  for (const count of termCounts) {
    const terms = generateTerms(count, realTerms);
    const cbFile = join(dataDir, `codebook-${count}.yaml`);
    const termsFile = join(dataDir, `terms-${count}.txt`);
    writeFileSync(cbFile, codebookYaml(terms));
    writeFileSync(termsFile, `${terms.join('\n')}\n`);
    const qda = await measure(process.execPath, ['bin/qda.js', 'code', corpus, '--codebook', cbFile, '--jobs', jobs, '--out', join(dataDir, 'codings.csv')]);
    const rg = hasRipgrep ? await measure('rg', ['-o', '-i', '-w', '-F', '-f', termsFile, corpus, '--no-filename', '-c']) : null;
    const row = {
      size_mb: size,
      terms: count,
      jobs: Number(jobs),
      qda_seconds: round(qda.seconds),
      qda_mb_s: round(megabytes / qda.seconds),
      rg_mb_s: rg ? round(megabytes / rg.seconds) : null,
      ratio: rg ? round(rg.seconds / qda.seconds) : null,
      qda_peak_rss_mb: qda.peakRssMb,
    };
    results.push(row);
    console.log(JSON.stringify(row));
  }
}

// Start-up: one small transcript, the way a researcher runs it.
const startup = await measure(process.execPath, ['bin/qda.js', 'code', 'data-sample/transcripts/informan-01.md', '--codebook', 'codebooks/lk3-psychosocial.yaml']);
console.log(JSON.stringify({ startup_seconds: round(startup.seconds), peak_rss_mb: startup.peakRssMb }));
results.push({ case: 'startup', seconds: round(startup.seconds) });

// The bundled codebook on the 100 MB corpus, and `qda report` on it when the command exists.
if (sizes.includes(100)) {
  const corpus = join(dataDir, 'corpus-100mb.jsonl');
  const bundledRun = await measure(process.execPath, ['bin/qda.js', 'code', corpus, '--codebook', 'codebooks/lk3-psychosocial.yaml', '--jobs', jobs, '--out', join(dataDir, 'codings.csv')]);
  const row = { case: 'bundled-codebook', size_mb: 100, qda_mb_s: round(statSync(corpus).size / 1e6 / bundledRun.seconds), qda_peak_rss_mb: bundledRun.peakRssMb };
  console.log(JSON.stringify(row));
  results.push(row);
  if (existsSync('dist/cli/commands/report.js')) {
    const report = await measure(process.execPath, ['bin/qda.js', 'report', corpus, '--codebook', 'codebooks/lk3-psychosocial.yaml', '--out', join(dataDir, 'report')]);
    const r = { case: 'report', size_mb: 100, seconds: round(report.seconds), peak_rss_mb: report.peakRssMb };
    console.log(JSON.stringify(r));
    results.push(r);
  }
}

const file = join(resultsDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`results written to ${file}`);
await import('./serve.js'); // the workbench in Chromium: bench/results/serve-<date>.json

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
await import('./readers.js');
await import('./project.js');
if (!args.includes('--skip-team')) await import('./team.js');
