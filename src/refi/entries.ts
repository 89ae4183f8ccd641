/** The files of an unzipped `.qdpx`, by the names stored in the archive. */
export type QdpxEntries = ReadonlyMap<string, Uint8Array>;

/** An entry found, or why none was. */
export type EntryLookup = { name: string; bytes: Uint8Array } | { problem: string };

/**
 * Finds files in a `.qdpx` the way real exports name them: `project.qde` or any single `.qde`,
 * sources under `sources/` or `Sources/`, paths with `internal://`, `relative://` or no
 * scheme. Names are compared without case and with `/` for `\`.
 */
export class QdpxEntryIndex {
  private readonly byKey = new Map<string, string>();

  constructor(private readonly entries: QdpxEntries) {
    for (const name of entries.keys()) this.byKey.set(keyOf(name), name);
  }

  /**
   * The project document: `project.qde` at the top, else the only `.qde` in the archive.
   * @example new QdpxEntryIndex(entries).project() // { name: 'project.qde', bytes }
   */
  project(): EntryLookup {
    const exact = this.byKey.get('project.qde');
    if (exact !== undefined) return this.entry(exact);
    const qde = [...this.entries.keys()].filter((n) => /\.qde$/i.test(n));
    if (qde.length === 1) return this.entry(qde[0]);
    if (qde.length === 0)
      return { problem: `the archive has no project.qde (it holds ${describe([...this.entries.keys()])}); is it a REFI-QDA project?` };
    return { problem: `the archive has several .qde files (${describe(qde)}) and none is named project.qde` };
  }

  /**
   * The file a source path points at (`internal://x.txt` → `sources/x.txt`).
   * @example index.source('internal://68bb.txt') // { name: 'Sources/68bb.txt', bytes }
   */
  source(path: string): EntryLookup {
    const scheme = /^([a-z]+):\/\/(.*)$/i.exec(path.trim());
    const kind = scheme ? scheme[1].toLowerCase() : 'internal';
    const rest = scheme ? scheme[2] : path.trim();
    const names = [rest];
    if (/%[0-9a-f]{2}/i.test(rest)) {
      try {
        names.push(decodeURIComponent(rest));
      } catch {
        // a literal "%" in a file name: the name as written is tried already
      }
    }
    for (const name of names) {
      const key = keyOf(name);
      const found = this.byKey.get(`sources/${key}`) ?? this.byKey.get(key);
      if (found !== undefined) return this.entry(found);
    }
    if (kind === 'relative' || kind === 'absolute')
      return { problem: `the file is outside the archive (${path}); only files inside a .qdpx are read` };
    return { problem: `the archive has no file ${path}` };
  }

  private entry(name: string): EntryLookup {
    return { name, bytes: this.entries.get(name)! };
  }
}

function keyOf(name: string): string {
  return name
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/|\/)+/, '')
    .toLowerCase();
}

function describe(names: readonly string[]): string {
  if (names.length === 0) return 'no files';
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown}, … ${names.length} files` : shown;
}
