import { labelOf, type Codebook } from '../model/codebook.js';
import { depthOf } from './rollup.js';
import { checkString } from '../util/options.js';

/** One code as the paper's appendix lists it. */
export interface CodebookRow {
  id: string;
  label: string;
  depth: number;
  definition: string;
  include: string;
  exclude: string;
  examples: string[];
}

/**
 * The codebook as appendix rows, in codebook order (parents before their children); missing
 * texts are empty strings.
 * @example codebookRows(codebook).map((r) => [r.id, r.label])
 */
export function codebookRows(codebook: Codebook, options: { language?: string } = {}): CodebookRow[] {
  checkString('codebookRows', 'language', options.language);
  const language = options.language ?? codebook.language;
  return codebook.codes.map((c) => ({
    id: c.id,
    label: labelOf(c, language),
    depth: depthOf(c.id),
    definition: c.definition ?? '',
    include: c.include ?? '',
    exclude: c.exclude ?? '',
    examples: [...c.examples],
  }));
}
