import { readdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files and folders this process is writing, removed if it is stopped by a signal. */
const live = new Set<string>();
let handlersInstalled = false;

/**
 * The name of a temporary beside `target`: hidden, with this process's id so that a later run
 * can tell a stale one (its process is gone) from one in use: `.report.qda-tmp-1234-lx2k`.
 * @example temporaryPath('out/codings.csv').startsWith(`out/.codings.csv.qda-tmp-${process.pid}-`) // true
 */
export function temporaryPath(target: string, kind: 'tmp' | 'old' = 'tmp'): string {
  return join(
    dirname(target),
    `.${basename(target)}.qda-${kind}-${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
  );
}

/**
 * Remember a temporary so that Ctrl-C (SIGINT) or SIGTERM removes it before the process ends.
 * Call `release` once it was renamed into place or removed.
 */
export function track(path: string): void {
  live.add(path);
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      for (const p of live) rmSync(p, { recursive: true, force: true });
      live.clear();
      // Then end as the signal would have: without a handler of ours, with its exit status.
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/** Forget a temporary (it was renamed into place or removed). */
export function release(path: string): void {
  live.delete(path);
}

/**
 * Remove the temporaries of `target` left by runs that were killed (kill -9, a crash, a power
 * cut): those whose process no longer exists. Temporaries of running processes stay.
 * @example await removeStaleTemporaries('report')
 */
export async function removeStaleTemporaries(target: string): Promise<void> {
  const prefix = `.${basename(target)}.qda-`;
  let names: string[];
  try {
    names = readdirSync(dirname(target)).filter((n) => n.startsWith(prefix));
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dirname(target), name);
    const m = /^(?:tmp|old)-(\d+)-[0-9a-z]+$/.exec(name.slice(prefix.length));
    if (m && !live.has(path) && !isRunning(Number(m[1]))) await rm(path, { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
