// Damaged versions of a file, for the readers' fuzz test and their benchmark.

/** A seeded way to damage a file's bytes. */
export type Mutation = (bytes: Uint8Array, random: () => number) => Uint8Array;

const pick = (random: () => number, n: number) => Math.floor(random() * n);

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = pick(random, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Pieces of the bytes: lines for text, 256-byte blocks for zip containers. */
function pieces(bytes: Uint8Array): Uint8Array[] {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const out: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (isZip ? i - start === 255 : bytes[i] === 0x0a) {
      out.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < bytes.length) out.push(bytes.subarray(start));
  return out;
}

/** Truncation, shuffled lines or blocks, flipped bytes, and pure noise. */
export const MUTATIONS: Record<string, Mutation> = {
  truncated: (bytes, random) => bytes.slice(0, pick(random, bytes.length)),
  shuffled: (bytes, random) => {
    const parts = shuffled(pieces(bytes), random);
    const out = new Uint8Array(bytes.length);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  },
  'random bytes': (bytes, random) => {
    const out = bytes.slice();
    const count = 1 + pick(random, 24);
    for (let i = 0; i < count && out.length > 0; i++) out[pick(random, out.length)] = pick(random, 256);
    return out;
  },
  'all random': (bytes, random) => Uint8Array.from({ length: pick(random, Math.min(bytes.length, 2048)) }, () => pick(random, 256)),
};

/** The sample files we wrote, one per format family. */
export const SAMPLES = [
  'data-sample/formats/interview.md',
  'data-sample/formats/interview.docx',
  'data-sample/formats/interview.vtt',
  'data-sample/formats/interview.srt',
  'data-sample/formats/interview.csv',
  'data-sample/formats/interview.xlsx',
];
