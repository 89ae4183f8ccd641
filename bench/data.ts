// The generated bench inputs (bench/data/, git-ignored): corpora of a given size and the term
// lists and codebooks of a given number of terms, made on first use and reused after.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCodebook } from '../src/codebook/parse.js';
import { codebookYaml, generateTerms, writeCorpus } from './generate.js';

export const DATA_DIR = 'bench/data';

const bundled = parseCodebook(readFileSync('codebooks/lk3-psychosocial.yaml', 'utf8'), 'codebooks/lk3-psychosocial.yaml').codebook!;
const realTerms = bundled.codes.flatMap((c) => c.rules.terms.map((t) => t.text));

/** The JSONL corpus of about `size` MB (generated when missing) and its exact size in MB. */
export async function corpusOf(size: number): Promise<{ file: string; megabytes: number }> {
  mkdirSync(DATA_DIR, { recursive: true });
  const file = join(DATA_DIR, `corpus-${size}mb.jsonl`);
  if (!existsSync(file)) {
    process.stderr.write(`generating ${file}…\n`);
    await writeCorpus(`${file}.tmp`, size, realTerms.slice(0, 400));
    const { renameSync } = await import('node:fs');
    renameSync(`${file}.tmp`, file);
  }
  return { file, megabytes: statSync(file).size / 1e6 };
}

/** The term list (one a line, for ripgrep and the floor) and the codebook of `count` terms. */
export function termsOf(count: number): { termsFile: string; codebookFile: string; terms: string[] } {
  mkdirSync(DATA_DIR, { recursive: true });
  const terms = generateTerms(count, realTerms);
  const codebookFile = join(DATA_DIR, `codebook-${count}.yaml`);
  const termsFile = join(DATA_DIR, `terms-${count}.txt`);
  writeFileSync(codebookFile, codebookYaml(terms));
  writeFileSync(termsFile, `${terms.join('\n')}\n`);
  return { termsFile, codebookFile, terms };
}

// `node --import tsx bench/data.ts 100 1000`: make the corpora ahead of a bench run.
if (process.argv[1]?.endsWith('bench/data.ts')) {
  for (const size of process.argv.slice(2).map(Number)) console.log(await corpusOf(size));
  for (const n of [50, 500, 5000]) termsOf(n);
}
