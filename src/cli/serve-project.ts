import { projectFromFiles } from '../server/project-from-files.js';
import type { ProjectStore } from '../store/store.js';
import type { CliContext } from './context.js';
import { counted } from '../util/plural.js';

/** The inputs `qda serve <transcripts…>` makes a project from. */
export interface ServeInputs {
  transcripts: string[];
  codebook: string;
  cases?: string;
  codings?: string[];
}

/**
 * Fill a new project from transcripts, a codebook and optional cases and codings, saying so on
 * stderr; the problems found are reported. Returns false when one of them was fatal.
 */
export async function fillServedProject(ctx: CliContext, store: ProjectStore, name: string, inputs: ServeInputs): Promise<boolean> {
  const count = inputs.transcripts.length;
  ctx.io.stderr(`qda serve: making ${name} from ${counted(count, 'transcript')}…\n`);
  return !ctx.report(await projectFromFiles(store, inputs));
}
