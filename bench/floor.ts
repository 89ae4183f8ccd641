// The floor of the scale bench: the least a counter of terms must do, in Node. A byte-level
// Aho–Corasick automaton (a full transition table, ASCII case folded) counts whole-word
// occurrences of each term in a file, read in 4 MB chunks — no JSON, no speakers, no stemming.
// `node --import tsx bench/floor.ts terms.txt corpus.jsonl` prints "count term" lines.
import { openSync, readFileSync, readSync } from 'node:fs';

const [termsFile, corpusFile] = process.argv.slice(2);
const terms = readFileSync(termsFile, 'utf8')
  .split('\n')
  .filter((t) => t.length > 0)
  .map((t) => Buffer.from(t.toLowerCase()));

const fold = new Uint8Array(256).map((_, b) => (b >= 65 && b <= 90 ? b + 32 : b));
// Word bytes: ASCII letters and digits, and every byte of a multi-byte UTF-8 character.
const wordByte = new Uint8Array(256).map((_, b) =>
  (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b >= 0x80 ? 1 : 0,
);

// The trie, then failure links turned into a full table breadth-first.
let states = 1;
const capacity = terms.reduce((n, t) => n + t.length, 1);
const delta = new Int32Array(capacity * 256).fill(-1);
const output = new Int32Array(capacity).fill(-1);
terms.forEach((term, id) => {
  let s = 0;
  for (const b of term) {
    if (delta[s * 256 + b] === -1) delta[s * 256 + b] = states++;
    s = delta[s * 256 + b];
  }
  output[s] = id;
});
const fail = new Int32Array(states);
/** The nearest state on the failure chain (itself included) that ends a term, or -1. */
const nextOutput = new Int32Array(states).fill(-1);
const queue: number[] = [];
for (let b = 0; b < 256; b++) {
  const to = delta[b];
  if (to === -1) delta[b] = 0;
  else queue.push(to);
}
for (let q = 0; q < queue.length; q++) {
  const s = queue[q];
  nextOutput[s] = output[s] !== -1 ? s : nextOutput[fail[s]];
  for (let b = 0; b < 256; b++) {
    const to = delta[s * 256 + b];
    if (to === -1) delta[s * 256 + b] = delta[fail[s] * 256 + b];
    else {
      fail[to] = delta[fail[s] * 256 + b];
      queue.push(to);
    }
  }
}

const counts = new Float64Array(terms.length);
const fd = openSync(corpusFile, 'r');
const chunk = Buffer.alloc(4 << 20);
let state = 0;
// The byte before the current chunk and the bytes of a match that straddles chunks are not
// kept: a match across a 4 MB boundary is missed, which costs nothing measurable.
for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
  for (let i = 0; i < n; i++) {
    state = delta[state * 256 + fold[chunk[i]]];
    for (let s = nextOutput[state]; s !== -1; s = nextOutput[fail[s]]) {
      const id = output[s];
      const start = i - terms[id].length + 1;
      if ((start === 0 || !wordByte[chunk[start - 1]]) && (i + 1 >= n || !wordByte[chunk[i + 1]])) counts[id]++;
    }
  }
}
let out = '';
terms.forEach((t, id) => {
  if (counts[id] > 0) out += `${counts[id]} ${t}\n`;
});
process.stdout.write(out);
