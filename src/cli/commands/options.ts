import { Option } from 'commander';
import { UNITS } from '../../model/segment.js';
import { READERS } from '../../io/formats.js';

// One option vocabulary for every command (design rule 5): same name, same meaning.

/** `--codebook <file>`. */
export const codebookOption = () => new Option('-c, --codebook <file>', 'codebook file (.yaml, .json or .qdc)').makeOptionMandatory();

/** `--unit turn|paragraph|sentence`. */
export const unitOption = () => new Option('-u, --unit <unit>', 'segment unit that is coded and counted').choices([...UNITS]).default('turn');

/** `--out <file>`. */
export const outOption = (what = 'file') => new Option('-o, --out <path>', `write to this ${what} instead of stdout (written whole or not at all)`);

/** `--input-format <fmt>`: overrides the format guessed from each file's extension. */
export const inputFormatOption = () => new Option('--input-format <format>', 'read every input as this format instead of guessing from the extension').choices(Object.keys(READERS));

/** `--language id|en`: language of transcripts whose front matter does not say. */
export const languageOption = () => new Option('--language <code>', 'language of transcripts that do not declare one (id, en)');
