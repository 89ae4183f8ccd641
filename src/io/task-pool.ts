import { Worker } from 'node:worker_threads';
import { createCoder } from '../coding/code-corpus.js';
import type { Codebook } from '../model/codebook.js';
import { runTask, type CodeTask, type TaskResultOf, type TaskWork } from './code-task.js';

/**
 * Run tasks (coding or counting) on `jobs` worker threads (or in this thread when `jobs` is 1)
 * and yield the results in task order, so the output is the same whatever the number of jobs.
 * At most `jobs + 1` tasks are in flight, which bounds memory.
 * @example for await (const result of runTasks(tasks, codebook, { kind: 'code', options }, 2)) write(result.output)
 */
export async function* runTasks<W extends TaskWork>(
  tasks: AsyncIterable<CodeTask>,
  codebook: Codebook,
  work: W,
  jobs: number,
): AsyncGenerator<TaskResultOf<W>> {
  if (jobs <= 1) {
    const coder = createCoder(codebook);
    for await (const task of tasks) yield await runTask(task, coder, work);
    return;
  }
  const workers = Array.from({ length: jobs }, () => startWorker(codebook, work));
  const waiting = new Map<number, { resolve: (r: TaskResultOf<W>) => void; reject: (e: Error) => void }>();
  for (const w of workers) {
    w.on('message', (m: { seq: number; result?: TaskResultOf<W>; error?: string }) => {
      const p = waiting.get(m.seq)!;
      waiting.delete(m.seq);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result!);
    });
    w.on('error', (e) => {
      for (const p of waiting.values()) p.reject(e);
      waiting.clear();
    });
  }
  const inFlight: Array<Promise<TaskResultOf<W>>> = [];
  let seq = 0;
  try {
    for await (const task of tasks) {
      const n = seq++;
      inFlight.push(
        new Promise((resolve, reject) => {
          waiting.set(n, { resolve, reject });
          // A batch of lines moves to its worker without a copy.
          workers[n % jobs].postMessage({ seq: n, task }, task.kind === 'lines' ? [task.bytes.buffer as ArrayBuffer] : []);
        }),
      );
      if (inFlight.length > jobs) yield await inFlight.shift()!;
    }
    while (inFlight.length > 0) yield await inFlight.shift()!;
  } finally {
    for (const p of inFlight) p.catch(() => undefined);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function startWorker(codebook: Codebook, work: TaskWork): Worker {
  const compiled = import.meta.url.endsWith('.js');
  const url = new URL(compiled ? './task-worker.js' : './task-worker.ts', import.meta.url);
  // A smaller young generation keeps the workers' memory down (1 GB, 500 terms: 513 → 430 MB
  // peak) for 4% of speed: coding makes many short-lived strings that a small nursery collects.
  const resourceLimits = { maxYoungGenerationSizeMb: 8 };
  if (compiled) return new Worker(url, { workerData: { codebook, work }, resourceLimits });
  // From source (tests, tsx), the worker registers the TypeScript loader before loading itself.
  const boot = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData: { codebook, work }, resourceLimits });
}
