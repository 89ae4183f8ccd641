/** The unit that gets coded and counted. */
export type Unit = 'turn' | 'paragraph' | 'sentence';

/** All units, for option validation. */
export const UNITS: readonly Unit[] = ['turn', 'paragraph', 'sentence'];

/**
 * A coded and counted piece of a document. `index` is 1-based within the document;
 * `start`/`end` are UTF-16 offsets into the document text (end exclusive).
 */
export interface Segment {
  document: string;
  index: number;
  speaker: string | null;
  role?: string;
  timestamp?: string;
  start: number;
  end: number;
  text: string;
}
