// A worker thread of `qda code --jobs N`: compiles the codebook once, then codes tasks.
import { parentPort, workerData } from 'node:worker_threads';
import { createCoder } from '../coding/code-corpus.js';
import type { Codebook } from '../model/codebook.js';
import { runCodeTask, type CodeTask, type CodeTaskOptions } from './code-task.js';

const { codebook, options } = workerData as { codebook: Codebook; options: CodeTaskOptions };
const coder = createCoder(codebook);
parentPort!.on('message', (message: { seq: number; task: CodeTask }) => {
  runCodeTask(message.task, coder, options).then(
    // The output moves to the main thread without a copy.
    (result) => parentPort!.postMessage({ seq: message.seq, result }, [result.output.buffer as ArrayBuffer]),
    (error: Error) => parentPort!.postMessage({ seq: message.seq, error: error.message }),
  );
});
