// `npm run bench [-- <topic>… --sizes 100,1000 --terms 50,500,5000 --jobs 2 --tools "qda count,floor" --report 100 --code-terms 500 --team-coders 30 --team-seconds 60]`
// runs each topic (all by default) and writes its rows as JSON to bench/results/<topic>-<time>.json.
// A new topic is a file bench/<topic>.ts exporting `run(options)`, plus one line in TOPICS.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What every topic receives. */
export interface BenchOptions {
  sizes: number[];
  terms: number[];
  jobs: number;
  /** Only these tools (scale), when given. */
  tools?: string[];
  /** Corpus sizes at which `qda report` is measured too. */
  report: number[];
  /** Dictionary sizes at which `qda code` is measured (it writes a table larger than the corpus). */
  codeTerms: number[];
  log(row: object): void;
}

const TOPICS: Record<string, () => Promise<{ run(options: BenchOptions): Promise<object[]> }>> = {
  scale: () => import('./scale.js'),
  startup: () => import('./startup.js'),
  readers: () => import('./readers.js'),
  project: () => import('./project.js'),
  team: () => import('./team.js'),
  suggest: async () => ({ run: async () => [(await import('./suggest.js')).suggestBench()] }),
  // The workbench in Chromium writes its own bench/results/serve-<time>.json.
  serve: async () => ({
    run: async () => (execFileSync(process.execPath, ['--import', 'tsx', 'bench/serve.ts'], { stdio: 'inherit' }), []),
  }),
};

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const numbers = (s: string) => (s === '' ? [] : s.split(',').map(Number));
const valued = new Set(['--sizes', '--terms', '--jobs', '--tools', '--report', '--code-terms', '--team-coders', '--team-seconds']);
const topics = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1]));
for (const t of topics) if (!(t in TOPICS)) throw new Error(`unknown bench topic "${t}"; known: ${Object.keys(TOPICS).join(', ')}`);
const tools = option('tools', '');
const options: BenchOptions = {
  sizes: numbers(option('sizes', '100,1000')),
  terms: numbers(option('terms', '50,500,5000')),
  jobs: Number(option('jobs', '2')),
  report: numbers(option('report', '100')),
  codeTerms: numbers(option('code-terms', '500')),
  log: (row) => console.log(JSON.stringify(row)),
  ...(tools ? { tools: tools.split(',') } : {}),
};

if (!existsSync('dist/cli/main.js')) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
mkdirSync('bench/results', { recursive: true });
for (const topic of topics.length > 0 ? topics : Object.keys(TOPICS)) {
  const rows = await (await TOPICS[topic]()).run(options);
  const load = execFileSync('uptime', { encoding: 'utf8' }).trim();
  const file = join('bench/results', `${topic}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ topic, node: process.version, load_after: load, rows }, null, 2)}\n`);
  console.log(`${topic}: results written to ${file} (${load})`);
}
