// A worker thread of `qda code --jobs N` and `qda count --jobs N`: compiles the codebook once, then runs tasks.
import { parentPort, workerData } from 'node:worker_threads';
import { createCoder } from '../coding/code-corpus.js';
import type { Codebook } from '../model/codebook.js';
import { runTask, type CodeTask, type TaskWork } from './code-task.js';

const { codebook, work } = workerData as { codebook: Codebook; work: TaskWork };
const coder = createCoder(codebook);
parentPort!.on('message', (message: { seq: number; task: CodeTask }) => {
  runTask(message.task, coder, work).then(
    // Coded rows move to the main thread without a copy; count tables are small.
    (result) => parentPort!.postMessage({ seq: message.seq, result }, 'output' in result ? [result.output.buffer as ArrayBuffer] : []),
    (error: Error) => parentPort!.postMessage({ seq: message.seq, error: error.message }),
  );
});
