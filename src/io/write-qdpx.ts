import type { QdpxArchive, QdpxExport } from '../refi/write-project.js';
import { qdpxArchive } from '../refi/write-project.js';
import { writeFileAtomic } from './write-file.js';

/**
 * Write a `.qdpx` whole or not at all; returns the archive (and the codings left out).
 * @example await writeQdpx('lk3.qdpx', { name: 'LK3', codebook, documents, codings })
 */
export async function writeQdpx(path: string, project: QdpxExport): Promise<QdpxArchive> {
  const archive = qdpxArchive(project);
  await writeFileAtomic(path, archive.bytes);
  return archive;
}
