import { Command, Option } from 'commander';
import { createCoder } from '../../coding/code-corpus.js';
import { AtomicFileWriter } from '../../io/write-file.js';
import { readCodebook } from '../../io/read-codebook.js';
import { DocumentIds, readTranscript } from '../../io/read-corpus.js';
import type { Unit } from '../../model/segment.js';
import { codingRows, codingRowsToCsv, type CodingRow } from '../../report/coding-table.js';
import { EXIT, type CliContext } from '../context.js';
import { codebookOption, inputFormatOption, languageOption, outOption, unitOption } from './options.js';

interface CodeCommandOptions {
  codebook: string;
  unit: Unit;
  format: 'csv' | 'json' | 'jsonl';
  out?: string;
  inputFormat?: string;
  language?: string;
}

/** `qda code`: automatic coding of transcripts with a codebook. */
export function codeCommand(ctx: CliContext): Command {
  return new Command('code')
    .summary('code every segment of transcripts with a codebook')
    .description(
      `Code every segment of the transcripts with the codebook's rules and print one row per coding.

CSV columns (fixed): document,segment,speaker,code,start,end,matches,text
  start/end  code-point offsets of the coded span in the document text (end exclusive)
  matches    the codebook terms that matched, joined by "|"
Parent codes are not repeated: counts roll children up to their parents.`,
    )
    .argument('<files...>', 'transcripts (.txt, .md, and every other supported format)')
    .addOption(codebookOption())
    .addOption(unitOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['csv', 'json', 'jsonl']).default('csv'))
    .addOption(outOption())
    .addOption(inputFormatOption())
    .addOption(languageOption())
    .addHelpText('after', `
Examples:
  qda code data-sample/transcripts/*.md --codebook codebooks/lk3-psychosocial.yaml > codings.csv
  qda code interview.md -c codebook.yaml --unit sentence --format jsonl --out codings.jsonl`)
    .action(async (files: string[], options: CodeCommandOptions) => {
      ctx.exitCode = await runCode(ctx, files, options);
    });
}

async function runCode(ctx: CliContext, files: string[], options: CodeCommandOptions): Promise<number> {
  const { codebook, messages } = await readCodebook(options.codebook);
  if (ctx.report(messages) || codebook === null) return EXIT.data;
  const coder = createCoder(codebook);
  const writer = options.out ? await AtomicFileWriter.open(options.out) : null;
  const write = async (chunk: string) => (writer ? writer.write(chunk) : ctx.io.stdout(chunk));
  const ids = new DocumentIds();
  let first = true;
  try {
    if (options.format === 'json') await write('[');
    for (const [i, file] of files.entries()) {
      ctx.progress(`coding ${i + 1}/${files.length} ${file}`);
      const result = await readTranscript(file, { ...(options.inputFormat ? { inputFormat: options.inputFormat } : {}), ...(options.language ? { language: options.language } : {}) });
      const clashes = result.corpus.documents.map((d) => ids.claim(d)).filter((m) => m !== null);
      if (ctx.report([...result.messages, ...clashes])) {
        ctx.progressDone();
        await writer?.abort();
        return EXIT.data;
      }
      for (const doc of result.corpus.documents) {
        const coded = coder.codeDocument(doc, { unit: options.unit });
        const rows = codingRows(doc, coded.segments, coded.codings);
        await write(formatRows(rows, options.format, first));
        if (rows.length > 0) first = false;
      }
    }
    if (options.format === 'csv' && first) await write(codingRowsToCsv([], true));
    if (options.format === 'json') await write(first ? ']\n' : '\n]\n');
    ctx.progressDone();
    await writer?.commit();
    return EXIT.ok;
  } catch (e) {
    await writer?.abort();
    throw e;
  }
}

function formatRows(rows: CodingRow[], format: CodeCommandOptions['format'], first: boolean): string {
  if (rows.length === 0) return '';
  if (format === 'csv') return codingRowsToCsv(rows, first);
  if (format === 'jsonl') return rows.map((r) => `${JSON.stringify(r)}\n`).join('');
  return rows.map((r, i) => `${first && i === 0 ? '\n' : ',\n'}${JSON.stringify(r)}`).join('');
}
