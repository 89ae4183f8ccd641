import { Inflate } from 'fflate';
import { concatBytes } from './bytes.js';

/** How much a zip archive may unpack to (a guard against zip bombs). */
export interface ZipLimits {
  /** Most bytes all entries read from one archive may unpack to together. */
  maxTotalBytes: number;
  /** Most bytes one entry may unpack to. */
  maxEntryBytes: number;
  /** Most bytes unpacked per byte packed in one entry, checked once it passed `RATIO_GRACE_BYTES`. */
  maxRatio: number;
}

/** Entries smaller than this unpacked are never refused for their ratio (tiny files compress oddly). */
export const RATIO_GRACE_BYTES = 1024 * 1024;

/** Default limits: 64 MB unpacked per archive and per entry, at most 1000 : 1. Real exports compress text 5–20 : 1. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 64 * 1024 * 1024, maxEntryBytes: 64 * 1024 * 1024, maxRatio: 1000 };

/**
 * The zip limits for a `--max-input-size`: it caps each entry and the archive's total, and,
 * being the user's own word that the file is genuine, lifts the ratio check (the size caps
 * still bound everything that is unpacked).
 * @example zipLimitsFor(256 * 1024 * 1024).maxTotalBytes // 268435456
 */
export function zipLimitsFor(maxInputSize: number | undefined): ZipLimits {
  return maxInputSize === undefined ? DEFAULT_ZIP_LIMITS : { maxTotalBytes: maxInputSize, maxEntryBytes: maxInputSize, maxRatio: Infinity };
}

/** An archive entry that unpacks past a limit; unpacking stopped at the limit. */
export class ZipLimitError extends Error {
  constructor(
    readonly entry: string,
    readonly limit: keyof ZipLimits,
    reason: string,
  ) {
    super(reason);
    this.name = 'ZipLimitError';
  }
}

/** Bytes that are not a zip archive qda can read. */
export class ZipFormatError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ZipFormatError';
  }
}

interface Entry {
  method: number;
  compressedSize: number;
  localHeader: number;
}

/** Compressed bytes pushed to the inflater at a time: at most ~4 MB can come out of one push. */
const SLICE = 4 * 1024;

/**
 * A zip archive read in memory that unpacks an entry only when it is asked for, and stops
 * unpacking as soon as an entry or the archive as a whole passes its limit (`ZipLimitError`
 * naming the entry and the limit). Names are only looked up, never used as paths.
 * @example new ZipArchive(bytes, DEFAULT_ZIP_LIMITS).get('project.qde')
 */
export class ZipArchive implements ReadonlyMap<string, Uint8Array> {
  private readonly index = new Map<string, Entry>();
  private readonly unpacked = new Map<string, Uint8Array>();
  /** Bytes unpacked from this archive so far. */
  total = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    for (const [name, entry] of centralDirectory(bytes)) if (!name.endsWith('/')) this.index.set(name, entry);
  }

  get size(): number {
    return this.index.size;
  }

  has(name: string): boolean {
    return this.index.has(name);
  }

  keys(): MapIterator<string> {
    return this.index.keys();
  }

  /** Compression methods other than stored (0) and deflate (8) cannot be read. */
  methodOf(name: string): number | undefined {
    return this.index.get(name)?.method;
  }

  /** Leave an entry out, as if the archive did not have it. */
  omit(name: string): void {
    this.index.delete(name);
  }

  /** An entry's bytes, unpacked within the limits; undefined when there is no such entry. */
  get(name: string): Uint8Array | undefined {
    const cached = this.unpacked.get(name);
    if (cached) return cached;
    const entry = this.index.get(name);
    if (!entry) return undefined;
    const chunks: Uint8Array[] = [];
    this.unpack(name, entry, (chunk) => chunks.push(chunk));
    const out = chunks.length === 1 ? chunks[0] : concatBytes(chunks);
    this.unpacked.set(name, out);
    return out;
  }

  /** Unpack every entry without keeping it, to check the limits before another library unpacks the archive. */
  checkAll(): void {
    for (const [name, entry] of this.index) if (!this.unpacked.has(name)) this.unpack(name, entry, () => {});
  }

  *entries(): MapIterator<[string, Uint8Array]> {
    for (const name of this.index.keys()) yield [name, this.get(name)!];
  }

  *values(): MapIterator<Uint8Array> {
    for (const name of this.index.keys()) yield this.get(name)!;
  }

  [Symbol.iterator](): MapIterator<[string, Uint8Array]> {
    return this.entries();
  }

  forEach(callback: (value: Uint8Array, key: string, map: ReadonlyMap<string, Uint8Array>) => void): void {
    for (const [name, bytes] of this.entries()) callback(bytes, name, this);
  }

  private unpack(name: string, entry: Entry, keep: (chunk: Uint8Array) => void): void {
    const start = dataStart(this.bytes, entry.localHeader);
    const packed = this.bytes.subarray(start, start + entry.compressedSize);
    let entryBytes = 0;
    /** Packed bytes handed to the inflater so far: the ratio is checked as unpacking goes, not at the end. */
    let consumed = 0;
    const count = (n: number) => {
      entryBytes += n;
      this.total += n;
      const { maxEntryBytes, maxTotalBytes, maxRatio } = this.limits;
      if (entryBytes > maxEntryBytes)
        throw new ZipLimitError(name, 'maxEntryBytes', `entry ${name} unpacks to more than ${mb(maxEntryBytes)}, the limit for one entry`);
      if (this.total > maxTotalBytes)
        throw new ZipLimitError(
          name,
          'maxTotalBytes',
          `the archive unpacks to more than ${mb(maxTotalBytes)} (the limit for one archive) by entry ${name}`,
        );
      if (entryBytes > RATIO_GRACE_BYTES && entryBytes > maxRatio * Math.max(1, consumed)) {
        throw new ZipLimitError(name, 'maxRatio', `entry ${name} unpacks to more than ${maxRatio} times its packed size: a zip bomb`);
      }
    };
    if (entry.method === 0) {
      consumed = packed.length;
      count(packed.length);
      keep(packed);
      return;
    }
    if (entry.method !== 8) throw new ZipFormatError(`entry ${name} uses compression method ${entry.method}, which cannot be read`);
    const inflater = new Inflate((chunk) => {
      count(chunk.length);
      keep(chunk);
    });
    for (let at = 0; at < packed.length; at += SLICE) {
      consumed = Math.min(packed.length, at + SLICE);
      inflater.push(packed.subarray(at, at + SLICE), at + SLICE >= packed.length);
    }
    if (packed.length === 0) inflater.push(new Uint8Array(0), true);
  }
}

function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Number((bytes / 1024 / 1024).toFixed(1))} MB` : `${bytes} bytes`;
}

/** The entries listed in the central directory, by name (the first of duplicate names wins). */
function centralDirectory(bytes: Uint8Array): Map<string, Entry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipFormatError('no zip directory found (the file is not a zip archive, or it is cut short)');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new ZipFormatError('ZIP64 archives with this many entries are not supported');
  const entries = new Map<string, Entry>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new ZipFormatError('the zip directory is damaged');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    const declaredSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localHeader = view.getUint32(at + 42, true);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(nameBytes);
    // ZIP64: the sizes and offset that do not fit 32 bits are in extra field 0x0001, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = view.getUint16(extra, true);
      const size = view.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let field = extra + 4;
        const next = () => {
          const value = Number(view.getBigUint64(field, true));
          field += 8;
          return value;
        };
        if (declaredSize === 0xffffffff) next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeader === 0xffffffff) localHeader = next();
      }
      extra += 4 + size;
    }
    if (localHeader + 30 > bytes.length || localHeader + compressedSize > bytes.length)
      throw new ZipFormatError(`entry ${name} lies outside the archive`);
    if (!entries.has(name)) entries.set(name, { method, compressedSize, localHeader });
    at = extraEnd + commentLength;
  }
  return entries;
}

function dataStart(bytes: Uint8Array, localHeader: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(localHeader, true) !== 0x04034b50) throw new ZipFormatError('an entry of the zip archive is damaged');
  return localHeader + 30 + view.getUint16(localHeader + 26, true) + view.getUint16(localHeader + 28, true);
}
