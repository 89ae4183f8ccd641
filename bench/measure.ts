// Wall time and peak memory of a whole process tree (a command or a shell pipeline).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** What one run cost: wall seconds and the peak resident memory of its processes. */
export interface Measurement {
  seconds: number;
  /** The sum of each process's peak resident set (VmHWM): exact for one process, an upper bound for a pipeline. */
  peakRssMb: number;
}

/** The processes of a process group (pid → its peak RSS in kB so far). */
function groupPeaks(pgid: number, peaks: Map<number, number>): void {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name in parentheses: state ppid pgrp …
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'));
      if (m) peaks.set(Number(entry), Math.max(peaks.get(Number(entry)) ?? 0, Number(m[1])));
    } catch {
      // the process has just ended
    }
  }
}

/**
 * Run `bash -c script` in its own process group, polling the peak memory of every process in it.
 * Output goes to /dev/null unless the script redirects it; a non-zero exit rejects.
 * @example await measure('rg -o -w -F -f terms.txt corpus | sort | uniq -c')
 */
export function measure(script: string): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('bash', ['-o', 'pipefail', '-c', script], { stdio: ['ignore', 'ignore', 'inherit'], detached: true });
    const peaks = new Map<number, number>();
    const poll = setInterval(() => groupPeaks(child.pid!, peaks), 25);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const peakRssMb = Math.round([...peaks.values()].reduce((a, b) => a + b, 0) / 1024);
      if (code !== 0) reject(new Error(`${script} exited with ${code}`));
      else resolve({ seconds, peakRssMb });
    });
  });
}

/** A number rounded to two decimals, for the results. */
export function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** A path quoted for bash. */
export function sh(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
