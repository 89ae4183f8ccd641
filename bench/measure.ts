// Wall time and peak memory of a command, for the benchmarks.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Run a command, polling its peak resident memory (VmHWM) from /proc. */
export function measure(command: string, argv: string[]): Promise<{ seconds: number; peakRssMb: number }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, argv, { stdio: ['ignore', 'ignore', 'inherit'] });
    let peak = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
      } catch {
        // the process has just ended
      }
    }, 20);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0 && command !== 'rg') reject(new Error(`${command} ${argv.join(' ')} exited with ${code}`));
      else resolve({ seconds, peakRssMb: Math.round(peak) });
    });
  });
}
