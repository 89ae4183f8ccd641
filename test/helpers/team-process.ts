// `qda serve --team` as a real process (from source), for tests that kill it.
import { spawn, type ChildProcess } from 'node:child_process';
import { signIn, type Member } from './team.js';

const QDA = ['--import', 'tsx', 'test/helpers/qda-bin.ts'];

/** Run `qda …` as a process with text on its standard input; resolves with its exit code and output. */
export function qdaProcess(args: readonly string[], input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...QDA, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** A running `qda serve --team` process and its address. */
export interface ServeProcess {
  child: ChildProcess;
  origin: string;
  stderr(): string;
}

/** Start `qda serve <args> --team` and wait for the address it prints. */
export function serveTeam(args: readonly string[]): Promise<ServeProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...QDA, 'serve', ...args, '--team'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`qda serve did not start: ${stderr}`))), 60_000);
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
      const url = /^(https?:\/\/[^\s/]+)\//m.exec(stdout);
      if (url) {
        clearTimeout(timer);
        resolve({ child, origin: url[1], stderr: () => stderr });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`qda serve ended with ${code}: ${stderr}`));
    });
  });
}

/** Stop a server process (SIGTERM, or SIGKILL to simulate a crash) and wait until it is gone. */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** Sign in several members at once. */
export function signInAll(origin: string, names: readonly string[], password?: string): Promise<Member[]> {
  return Promise.all(names.map((n) => signIn(origin, n, password)));
}
