import { message, type Message } from '../model/message.js';
import { zipProblem } from '../import/zip-limits.js';
import { ZipArchive, zipLimitsFor } from '../util/zip.js';
import { emptyQdpxImport, fromQdpx, type QdpxImport } from './read-project.js';

/**
 * Open a `.qdpx` in memory. Entries are unpacked only when read (the project and the sources
 * it names), within the zip limits of `maxInputSize`, and only ever looked up by name, never
 * written to disk under their stored names (a name may hold `../`). Not a zip archive = a
 * fatal message.
 * @example const { entries } = unzipQdpx(bytes, 'p.qdpx'); entries.has('project.qde')
 */
export function unzipQdpx(
  bytes: Uint8Array,
  file: string,
  options: { maxInputSize?: number } = {},
): { entries: ZipArchive; messages: Message[] } {
  const messages: Message[] = [];
  try {
    const entries = new ZipArchive(bytes, zipLimitsFor(options.maxInputSize));
    for (const name of [...entries.keys()]) {
      const method = entries.methodOf(name);
      if (method !== 0 && method !== 8) {
        messages.push(
          message(`entry ${name} uses compression method ${method}, which cannot be read; it is skipped`, {
            file,
            ruleId: 'zip-entry',
            source: 'import-qdpx',
          }),
        );
        entries.omit(name);
      }
    }
    return { entries, messages };
  } catch (e) {
    messages.push(
      message(`not a REFI-QDA project: a .qdpx is a zip archive, and this one cannot be opened (${(e as Error).message})`, {
        file,
        ruleId: 'not-a-zip',
        source: 'import-qdpx',
        fatal: true,
      }),
    );
    return { entries: new ZipArchive(EMPTY_ZIP), messages };
  }
}

/** A zip archive without entries. */
const EMPTY_ZIP = Uint8Array.from([0x50, 0x4b, 5, 6, ...new Array<number>(18).fill(0)]);

/**
 * Read a `.qdpx` already in memory (see `readQdpx`).
 * @example const { corpus } = await qdpxFromBytes(bytes, 'project.qdpx')
 */
export async function qdpxFromBytes(
  bytes: Uint8Array,
  file: string,
  options: { language?: string; maxInputSize?: number } = {},
): Promise<QdpxImport> {
  const unzipped = unzipQdpx(bytes, file, options);
  if (unzipped.messages.some((m) => m.fatal)) return emptyQdpxImport(unzipped.messages);
  try {
    const result = await fromQdpx(unzipped.entries, { file, ...(options.language ? { language: options.language } : {}) });
    result.messages.unshift(...unzipped.messages);
    return result;
  } catch (e) {
    const problem = zipProblem(e, file, 'import-qdpx');
    if (!problem) throw e;
    return emptyQdpxImport([...unzipped.messages, problem]);
  }
}
