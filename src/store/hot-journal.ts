import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

// node-sqlite3-wasm takes its own `.lock` folder even for a shared lock, then asks whether a
// `.lock` folder exists to learn if another process holds a reserved lock: it always finds its
// own, so SQLite never treats a journal as hot and never rolls back a commit that a crash cut
// short. The owner of the project (no other process alive) rolls it back here instead, following
// SQLite's rollback-journal format: a header per segment, then (page number, page, checksum)
// records; a record whose checksum fails ends the journal, as in SQLite's own playback.

const MAGIC = Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);

/** What rolling back a journal did: the pages written back and the size the file returned to. */
export interface Rollback {
  pages: number;
  bytes: number;
}

/**
 * Roll back the hot journal beside a project file, if there is one, and remove the journal. Only
 * the project's owner may call it (no other process has the file open). Returns null when there
 * was no journal to play back (an empty or zeroed journal is removed too).
 */
export function rollBackHotJournal(file: string): Rollback | null {
  const journalPath = `${file}-journal`;
  if (!existsSync(journalPath)) return null;
  const journal = readFileSync(journalPath);
  if (journal.length < 28 || !journal.subarray(0, 8).equals(MAGIC)) {
    rmSync(journalPath, { force: true });
    return null;
  }
  const initialPages = journal.readUInt32BE(16);
  const pageSize = journal.readUInt32BE(24);
  if (!validPower(pageSize, 512, 65536)) return null;
  const fd = openSync(file, 'r+');
  let pages = 0;
  try {
    let offset = 0;
    segments: while (offset + 28 <= journal.length && journal.subarray(offset, offset + 8).equals(MAGIC)) {
      let records = journal.readUInt32BE(offset + 8);
      const nonce = journal.readUInt32BE(offset + 12);
      const sector = journal.readUInt32BE(offset + 20);
      if (!validPower(sector, 32, 65536)) break;
      let at = offset + sector;
      const recordSize = pageSize + 8;
      if (records === 0xffffffff) records = Math.floor((journal.length - at) / recordSize);
      for (let r = 0; r < records; r++, at += recordSize) {
        if (at + recordSize > journal.length) break segments;
        const pageNumber = journal.readUInt32BE(at);
        const page = journal.subarray(at + 4, at + 4 + pageSize);
        if (pageNumber === 0 || journal.readUInt32BE(at + 4 + pageSize) !== checksum(page, nonce)) break segments;
        if (pageNumber <= initialPages) {
          writeSync(fd, page, 0, pageSize, (pageNumber - 1) * pageSize);
          pages++;
        }
      }
      offset = Math.ceil(at / sector) * sector;
    }
    ftruncateSync(fd, initialPages * pageSize);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  rmSync(journalPath, { force: true });
  return { pages, bytes: initialPages * pageSize };
}

/** SQLite's journal checksum: the nonce plus every 200th byte of the page, from the end. */
function checksum(page: Buffer, nonce: number): number {
  let sum = nonce;
  for (let i = page.length - 200; i > 0; i -= 200) sum = (sum + page[i]!) >>> 0;
  return sum >>> 0;
}

function validPower(n: number, min: number, max: number): boolean {
  return n >= min && n <= max && (n & (n - 1)) === 0;
}
