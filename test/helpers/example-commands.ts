import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, basename } from 'node:path';

/** One `qda …` command line of a help text or a document, as a shell would split it. */
export interface ExampleCommand {
  /** The line as written (continuations joined). */
  line: string;
  /** The arguments after `qda`. */
  argv: string[];
  /** The file standard output is redirected to (`> file`), if any. */
  stdoutFile?: string;
}

/** Options whose value is a file qda writes, not one it reads. */
const OUTPUT_OPTIONS = new Set(['--out', '-o']);
/** Positional arguments that are outputs, by their place among the words that are not options. */
const OUTPUT_POSITIONALS: Record<string, number> = { 'codebook convert': 3, 'project create': 2 };
const PATH_LIKE = /^(data-sample|codebooks)\b|\.(md|txt|csv|ya?ml|json|jsonl|qda|qdpx|qdc|docx|xlsx|vtt|srt)$/i;

/**
 * The `qda` command lines in `text`: lines starting with `qda `, `npx qda ` or `$ qda `, at most
 * two spaces in, with `\` continuations joined; `a && b` is two commands. Lines with a pipe or
 * `<` are not returned.
 */
export function exampleCommands(text: string): ExampleCommand[] {
  const joined = text.replace(/ \\\n\s*/g, ' ');
  const commands: ExampleCommand[] = [];
  for (const raw of joined.split('\n')) {
    // A command starts a line, or is indented two spaces as in the examples of --help (deeper is a
    // wrapped description that merely names a command).
    if (!/^ {0,2}(\$ )?(npx )?qda /.test(raw)) continue;
    const line = raw
      .trim()
      .replace(/^\$ /, '')
      .replace(/^npx qda /, 'qda ');
    for (const part of line.split(' && ')) {
      const command = parseCommand(part.trim());
      if (command) commands.push(command);
    }
  }
  return commands;
}

function parseCommand(line: string): ExampleCommand | undefined {
  const tokens = shellWords(line.replace(/\s+#\s.*$/, ''));
  if (tokens === undefined || tokens[0] !== 'qda' || tokens.some((t) => t === '|' || t === '<')) return undefined;
  const argv: string[] = [];
  let stdoutFile: string | undefined;
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i] === '>') stdoutFile = tokens[++i];
    else argv.push(tokens[i]!);
  }
  return { line, argv, ...(stdoutFile !== undefined ? { stdoutFile } : {}) };
}

/** Shell words with single and double quotes; undefined for what this small splitter cannot read. */
function shellWords(line: string): string[] | undefined {
  const words: string[] = [];
  const pattern = /\s*(?:'([^']*)'|"([^"]*)"|(>|<|\|)|([^\s'"<>|]+))/gy;
  let match: RegExpExecArray | null;
  let rest = line;
  while (rest.trim() !== '' && (match = pattern.exec(line)) !== null) {
    words.push(match[1] ?? match[2] ?? match[3] ?? match[4] ?? '');
    rest = line.slice(pattern.lastIndex);
  }
  return rest.trim() === '' ? words : undefined;
}

/**
 * The files the command reads that do not exist in `cwd` (relative paths; patterns with `*`
 * count as missing when they match nothing). An example with none missing can run as written.
 */
export function missingInputs(command: ExampleCommand, cwd: string): string[] {
  const { argv } = command;
  const outputPositional = Object.entries(OUTPUT_POSITIONALS).find(([name]) => argv.join(' ').startsWith(`${name} `));
  const missing: string[] = [];
  argv.forEach((token, i) => {
    if (token.startsWith('-') || !PATH_LIKE.test(token) || /^[a-z]+:\/\//.test(token)) return;
    if (OUTPUT_OPTIONS.has(argv[i - 1] ?? '')) return;
    if (outputPositional && positionalIndex(argv, i) === outputPositional[1]) return;
    const found = token.includes('*') ? matchesSomething(token, cwd) : existsSync(`${cwd}/${token}`);
    if (!found) missing.push(token);
  });
  return missing;
}

/** The position of `argv[i]` among the words that are not options (command names included). */
function positionalIndex(argv: string[], i: number): number {
  return argv.slice(0, i + 1).filter((t) => !t.startsWith('-')).length - 1;
}

/** Whether a pattern with `*` in its last part (`data-sample/transcripts/*.md`) names a file. */
function matchesSomething(pattern: string, cwd: string): boolean {
  const folder = `${cwd}/${dirname(pattern)}`;
  const name = new RegExp(
    `^${basename(pattern)
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')}$`,
  );
  return existsSync(folder) && readdirSync(folder).some((entry) => name.test(entry));
}

/** The shell blocks of a Markdown document (```sh, ```bash, ```shell or a bare ```), joined. */
export function shellBlocks(markdown: string): string {
  return [...markdown.matchAll(/^```(?:sh|bash|shell|console)?\n([\s\S]*?)^```/gm)].map((m) => m[1]).join('\n');
}

/**
 * The shell lines of `file` between `<!-- tested: name … -->` and `<!-- end -->`: a block the
 * documentation promises works as written, which a test runs.
 */
export function testedBlock(file: string, name: string): string {
  const block = new RegExp(`<!-- tested: ${name}[^>]*-->\\s*\`\`\`sh\\n([\\s\\S]*?)\`\`\`\\s*<!-- end -->`).exec(
    readFileSync(file, 'utf8'),
  );
  if (!block) throw new Error(`${file} has no tested block "${name}"`);
  return block[1]!;
}
