import { unzipSync } from 'fflate';
import { message, type Message } from '../model/message.js';
import { fromQdpx, type QdpxImport } from './read-project.js';

/** Entries larger than this are skipped (a guard against zip bombs); sources are far smaller. */
const MAX_ENTRY_BYTES = 512 * 1024 * 1024;

/**
 * Unzip a `.qdpx` in memory. Entries are only ever looked up by name, never written to disk
 * under their stored names (a name may hold `../`). Not a zip archive = a fatal message.
 * @example const { entries } = unzipQdpx(bytes, 'p.qdpx'); entries.has('project.qde')
 */
export function unzipQdpx(bytes: Uint8Array, file: string): { entries: Map<string, Uint8Array>; messages: Message[] } {
  const messages: Message[] = [];
  try {
    const files = unzipSync(bytes, {
      filter: (f) => {
        if (f.name.endsWith('/')) return false;
        if (f.compression !== 0 && f.compression !== 8) {
          messages.push(message(`entry ${f.name} uses compression method ${f.compression}, which cannot be read; it is skipped`, { file, ruleId: 'zip-entry', source: 'import-qdpx' }));
          return false;
        }
        if (f.originalSize > MAX_ENTRY_BYTES) {
          messages.push(message(`entry ${f.name} is ${f.originalSize} bytes unpacked; it is skipped`, { file, ruleId: 'zip-entry', source: 'import-qdpx' }));
          return false;
        }
        return true;
      },
    });
    return { entries: new Map(Object.entries(files)), messages };
  } catch (e) {
    messages.push(message(`not a REFI-QDA project: a .qdpx is a zip archive, and this one cannot be opened (${(e as Error).message})`, { file, ruleId: 'not-a-zip', source: 'import-qdpx', fatal: true }));
    return { entries: new Map(), messages };
  }
}

/**
 * Read a `.qdpx` already in memory (see `readQdpx`).
 * @example const { corpus } = await qdpxFromBytes(bytes, 'project.qdpx')
 */
export async function qdpxFromBytes(bytes: Uint8Array, file: string, options: { language?: string } = {}): Promise<QdpxImport> {
  const unzipped = unzipQdpx(bytes, file);
  if (unzipped.messages.some((m) => m.fatal)) {
    return { corpus: { documents: [] }, codebook: null, codings: [], users: [], cases: [], variables: [], messages: unzipped.messages, meta: { format: 'qdpx', name: '' } };
  }
  const result = await fromQdpx(unzipped.entries, { file, ...(options.language ? { language: options.language } : {}) });
  result.messages.unshift(...unzipped.messages);
  return result;
}
