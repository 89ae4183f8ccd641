import { refiPresenter } from '../codebook/refi-code.js';
import type { Codebook } from '../model/codebook.js';
import { codebookToQdc } from '../report/qdc.js';
import { qdpxArchive, type QdpxArchive, type QdpxExport } from '../report/qdpx.js';
import { writeFileAtomic } from './write-file.js';

/** The origin qda writes into REFI-QDA files. */
export const QDA_ORIGIN = 'qda 0.1.0';

/**
 * A codebook as `.qdc` text: names, colours, hierarchy, and each code's definition, criteria,
 * examples and rules in its Description (see `refiPresenter`), so that `parseQdc` reads it back.
 * @example writeFileSync('codebook.qdc', codebookQdcText(codebook))
 */
export function codebookQdcText(codebook: Codebook): string {
  return codebookToQdc(codebook, refiPresenter(codebook), { origin: QDA_ORIGIN });
}

/**
 * A REFI-QDA project archive of documents, codebook and codings (see `qdpxArchive`), with
 * codes described as in `.qdc` exports.
 * @example const { bytes, skipped } = projectArchive({ name: 'LK3', codebook, documents, codings })
 */
export function projectArchive(project: Omit<QdpxExport, 'present' | 'origin'>): QdpxArchive {
  return qdpxArchive({ ...project, present: refiPresenter(project.codebook), origin: QDA_ORIGIN });
}

/**
 * Write a `.qdpx` whole or not at all; returns the archive (and the codings left out).
 * @example await writeQdpx('lk3.qdpx', { name: 'LK3', codebook, documents, codings })
 */
export async function writeQdpx(path: string, project: Omit<QdpxExport, 'present' | 'origin'>): Promise<QdpxArchive> {
  const archive = projectArchive(project);
  await writeFileAtomic(path, archive.bytes);
  return archive;
}
