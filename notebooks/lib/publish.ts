// Shared by the notebooks: write a page as Markdown and as one self-contained HTML file
// beside the notebook, through the same renderers as `qda report`.
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMessage, htmlPage, markdownPage, writeFileAtomic, type Message, type Page } from '../../src/index.js';

/**
 * Write `<notebook>.md` and `<notebook>.html` next to the notebook file given by its
 * `import.meta.url`, and say where on stderr.
 */
export async function publish(notebookUrl: string, page: Page): Promise<void> {
  const script = fileURLToPath(notebookUrl);
  const base = join(dirname(script), basename(script, '.ts'));
  await writeFileAtomic(`${base}.md`, markdownPage(page));
  await writeFileAtomic(`${base}.html`, htmlPage(page));
  process.stderr.write(`${basename(base)}: wrote ${base}.md and ${base}.html\n`);
}

/** The value, or the end of the notebook (exit 1) with the located messages when one is fatal. */
export function must<T>(value: T | null, messages: readonly Message[]): T {
  for (const m of messages) process.stderr.write(`${formatMessage(m)}\n`);
  if (value === null || messages.some((m) => m.fatal)) process.exit(1);
  return value;
}
