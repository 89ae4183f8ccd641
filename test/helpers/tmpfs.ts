// Real full and read-only file systems for the failure tests: a tiny tmpfs, when this process
// may mount one (root with CAP_SYS_ADMIN, as in the CI container). Callers fall back otherwise.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A mounted tmpfs: its folder, a switch to read-only, and the unmount. */
export interface Tmpfs {
  dir: string;
  readOnly(): void;
  unmount(): void;
}

/** Mount a tmpfs of `size` (e.g. `256k`), or null when mounting is not allowed here. */
export function mountTmpfs(size: string): Tmpfs | null {
  const dir = mkdtempSync(join(tmpdir(), 'qda-tmpfs-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    readOnly: () => {
      const r = spawnSync('mount', ['-o', 'remount,ro', dir], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`remount read-only failed: ${r.stderr}`);
    },
    unmount: () => {
      spawnSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
