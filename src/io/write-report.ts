import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { message, type Message } from '../model/message.js';
import type { ReportFiles } from '../report/render-report.js';

/** Files an operating system drops into folders, which a report folder may hold. */
const SYSTEM_FILES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/**
 * Write a report folder whole or not at all: the files go to a temporary folder beside `dir`,
 * which then replaces `dir`. An existing `dir` is replaced only when it holds nothing but report
 * files (an earlier report); otherwise a fatal message is returned and nothing is written.
 * @example const messages = await writeReport('report', await renderReport(data))
 */
export async function writeReport(dir: string, files: ReportFiles): Promise<Message[]> {
  const target = resolve(dir);
  const existing = await stat(target).catch(() => null);
  if (existing) {
    if (!existing.isDirectory()) return [refuse(dir, 'is a file, not a folder; choose a folder for the report')];
    const foreign = (await listFiles(target)).filter((f) => !isReportFile(f, files));
    if (foreign.length > 0) {
      const shown = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? `, and ${foreign.length - 5} more` : '');
      return [refuse(dir, `already holds files that are not part of a report (${shown}); choose a new or empty folder`)];
    }
  }
  await mkdir(dirname(target), { recursive: true });
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const temporary = join(dirname(target), `.${basename(target)}.tmp-${stamp}`);
  try {
    await mkdir(temporary);
    for (const [path, content] of files) {
      const to = join(temporary, path);
      await mkdir(dirname(to), { recursive: true });
      await writeFile(to, content);
    }
    if (!existing) {
      await rename(temporary, target);
      return [];
    }
    const previous = join(dirname(target), `.${basename(target)}.old-${stamp}`);
    await rename(target, previous);
    try {
      await rename(temporary, target);
    } catch (e) {
      await rename(previous, target);
      throw e;
    }
    await rm(previous, { recursive: true, force: true });
    return [];
  } catch (e) {
    await rm(temporary, { recursive: true, force: true });
    throw e;
  }
}

/** Every file under a folder, as `/`-separated paths relative to it. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), `${path}/`)));
    else out.push(path);
  }
  return out;
}

/** Files this report writes, charts of any name, and system clutter may be replaced. */
function isReportFile(path: string, files: ReportFiles): boolean {
  return files.has(path) || /^charts\/[^/]+\.svg$/.test(path) || SYSTEM_FILES.has(path.split('/').pop()!);
}

function refuse(dir: string, reason: string): Message {
  return message(`--out ${reason}`, { file: dir, ruleId: 'out-not-report', source: 'report', fatal: true });
}
