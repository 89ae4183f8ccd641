import { readdir, stat } from 'node:fs/promises';
import { basename, join, sep } from 'node:path';
import { message, type Message } from '../model/message.js';
import { formatOfPath } from '../import/formats.js';

/** Options of `expandInputs`. */
export interface ExpandOptions {
  /** Read the transcripts in subfolders of a folder argument too. */
  recursive?: boolean;
}

/**
 * The files that command-line arguments name, expanded by qda itself so commands work the
 * same in every shell (Windows' too): a folder gives the transcripts in it (with `recursive`,
 * in its subfolders too), a pattern with `*`, `?` or `**` gives the files it matches, `-`
 * (stdin) and plain files stay. Word's lock files (`~$x.docx`) and, in folders and patterns,
 * hidden files are skipped with a warning; a pattern that matches nothing is an error.
 * @example const { files, messages } = await expandInputs(['transcripts/'], { recursive: true })
 */
export async function expandInputs(
  args: readonly string[],
  options: ExpandOptions = {},
): Promise<{ files: string[]; messages: Message[] }> {
  const files: string[] = [];
  const messages: Message[] = [];
  const skip = (file: string, why: string) => messages.push(message(`skipped: ${why}`, { file, ruleId: 'skipped-file', source: 'input' }));
  for (const arg of args) {
    if (arg === '-') {
      files.push(arg);
      continue;
    }
    if (/[*?]/.test(arg)) {
      const matched = await matchPattern(arg);
      if (matched.length === 0)
        messages.push(message('no file matches this pattern', { file: arg, ruleId: 'no-match', source: 'input', fatal: true }));
      for (const file of matched) if (keep(file, skip)) files.push(file);
      continue;
    }
    const info = await stat(arg).catch(() => null);
    if (info?.isDirectory()) {
      const found = await folderTranscripts(arg, options.recursive ?? false, skip);
      if (found.files.length === 0)
        messages.push(
          message(
            `folder has no transcripts${found.subfolders > 0 && !options.recursive ? ' (add --recursive to read its subfolders)' : ''}`,
            { file: arg, ruleId: 'empty-folder', source: 'input', fatal: true },
          ),
        );
      else if (found.subfolders > 0 && !options.recursive)
        messages.push(
          message(`${found.subfolders} subfolder${found.subfolders === 1 ? ' is' : 's are'} not read (add --recursive)`, {
            file: arg,
            ruleId: 'subfolders',
            source: 'input',
          }),
        );
      files.push(...found.files);
      continue;
    }
    if (isLockFile(arg)) skip(arg, 'a Word lock file (~$…), not a transcript: Word writes it while the document is open');
    else files.push(arg);
  }
  return { files, messages };
}

function isLockFile(file: string): boolean {
  return basename(file).startsWith('~$');
}

/** Whether a file found by a pattern or in a folder is read: not a lock file, not hidden. */
function keep(file: string, skip: (file: string, why: string) => void): boolean {
  if (isLockFile(file)) {
    skip(file, 'a Word lock file (~$…), not a transcript: Word writes it while the document is open');
    return false;
  }
  if (basename(file).startsWith('.')) {
    skip(file, 'a hidden file');
    return false;
  }
  return true;
}

/** Transcripts in a folder (files with a known extension), sorted by name; subfolders too when recursive. */
async function folderTranscripts(
  folder: string,
  recursive: boolean,
  skip: (file: string, why: string) => void,
): Promise<{ files: string[]; subfolders: number }> {
  const files: string[] = [];
  let subfolders = 0;
  const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(folder, e.name);
    if (e.isDirectory()) {
      if (e.name.startsWith('.')) continue;
      subfolders++;
      if (recursive) files.push(...(await folderTranscripts(path, true, skip)).files);
    } else if (e.isFile() && keep(path, skip)) {
      if (formatOfPath(path) !== undefined) files.push(path);
      else skip(path, 'not a transcript format qda reads');
    }
  }
  return { files, subfolders };
}

/** Files matching a pattern with `*`, `?` (within a name) and `**` (any folders), sorted. */
async function matchPattern(pattern: string): Promise<string[]> {
  const parts = pattern.split(/[\\/]+/);
  const fixed: string[] = [];
  while (parts.length > 1 && !/[*?]/.test(parts[0])) fixed.push(parts.shift()!);
  const root = fixed.length === 0 ? '.' : fixed.join(sep) || sep;
  const out: string[] = [];
  await walk(root, parts, out);
  return out.sort();
}

async function walk(dir: string, parts: readonly string[], out: string[]): Promise<void> {
  if (parts.length === 0) return;
  const [head, ...rest] = parts;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  if (head === '**') {
    await walk(dir, rest, out);
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.')) await walk(join(dir, e.name), parts, out);
    return;
  }
  const re = new RegExp(
    `^${head
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'u',
  );
  for (const e of entries) {
    if (!re.test(e.name)) continue;
    // `*` does not match hidden names unless the pattern starts with a dot, as in shells.
    if (e.name.startsWith('.') && !head.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (rest.length === 0) {
      if (e.isFile()) out.push(path);
    } else if (e.isDirectory()) await walk(path, rest, out);
  }
}
