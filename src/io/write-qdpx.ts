import { basename, dirname } from 'node:path';
import type { Message } from '../model/message.js';
import { nameLeaks } from '../report/name-leaks.js';
import type { Pseudonym } from '../report/pseudonyms.js';
import type { QdpxArchive, QdpxExport } from '../refi/write-project.js';
import { qdpxArchive } from '../refi/write-project.js';
import { writeFileAtomic } from './write-file.js';

/**
 * Write a `.qdpx` whole or not at all; returns the archive (and the codings left out). With
 * `pseudonyms` (a project already pseudonymised), the archive is first searched for every real
 * name of the key (`nameLeaks`): if one is left, nothing is written and `leaks` says where.
 * @example await writeQdpx('lk3.qdpx', { name: 'LK3', codebook, documents, codings })
 */
export async function writeQdpx(
  path: string,
  project: QdpxExport,
  options: { pseudonyms?: readonly Pseudonym[] } = {},
): Promise<QdpxArchive & { leaks: Message[] }> {
  const archive = qdpxArchive(project);
  const leaks = options.pseudonyms ? nameLeaks(new Map([[basename(path), archive.bytes]]), options.pseudonyms, dirname(path)) : [];
  if (leaks.length === 0) await writeFileAtomic(path, archive.bytes);
  return { ...archive, leaks };
}
