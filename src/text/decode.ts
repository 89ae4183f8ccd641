/** The result of decoding a file's bytes. */
export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** True when the bytes look like a binary file (NUL bytes outside UTF-16). */
  binary: boolean;
}

/**
 * Decode a text file: UTF-8 with or without BOM, UTF-16 LE/BE with or without BOM (told apart
 * from binary by where its NUL bytes fall); anything that is not
 * valid UTF-8 is read as Windows-1252 (the caller warns). The BOM is kept as U+FEFF so that
 * `normaliseText` has one place that strips it.
 * @example decodeBytes(new TextEncoder().encode('halo')).text // 'halo'
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le', binary: false };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be', binary: false };
  }
  const withoutBom = utf16WithoutBom(bytes);
  if (withoutBom) return { text: new TextDecoder(withoutBom).decode(bytes), encoding: withoutBom, binary: false };
  const binary = bytes.subarray(0, 8192).includes(0);
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, encoding: 'utf-8', binary };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', binary };
  }
}

/**
 * UTF-16 without a BOM, as some Windows tools save it: in text of mostly Latin letters every
 * other byte is NUL, all on the same side. Binary files have NUL bytes on both sides.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192) & ~1);
  if (sample.length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  // A few NULs on the other side come from characters such as U+DE00 (half of an emoji).
  const decided = (zeros: number, others: number) => zeros >= pairs * 0.3 && others <= zeros / 20;
  if (decided(oddZeros, evenZeros)) return isText(bytes, 'utf-16le') ? 'utf-16le' : null;
  if (decided(evenZeros, oddZeros)) return isText(bytes, 'utf-16be') ? 'utf-16be' : null;
  return null;
}

/** Whether bytes decode without errors to text with no control characters other than line ends and tabs. */
function isText(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): boolean {
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, Math.min(bytes.length, 8192) & ~1));
    return !/[\u0000-\u0008\u000E-\u001F]/.test(text);
  } catch {
    return false;
  }
}

// Windows-1252 differs from Latin-1 in 0x80–0x9F (curly quotes, dashes, €), which Node's
// TextDecoder leaves as C1 control characters; the five unassigned bytes stay as they are.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(...chunk);
  }
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}
