import { Command, Option } from 'commander';
import { readCorpus } from '../../io/read-corpus.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { OffsetMap } from '../../text/offsets.js';
import type { Document } from '../../model/document.js';
import { EXIT, type CliContext } from '../context.js';
import { outOption, readerOptions, readOptionsOf, transcriptFiles, type ReaderFlags } from './options.js';

/** `qda import`: print the normalised corpus. */
export function importCommand(ctx: CliContext): Command {
  const command = new Command('import')
    .summary('read transcripts and print the normalised corpus')
    .description(
      `Read transcripts of any supported format and print the normalised corpus as JSON:
documents with id, attributes, participants, text and turns (speaker, timestamp, start/end as
code-point offsets of the turn's text in the document text). On stderr, the language each
document is read in: declared in the file, given with --language, or detected (Indonesian
or English, from function words).`,
    )
    .argument('<files...>', 'transcripts')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json']).default('json'))
    .addOption(outOption())
    .action(async (args: string[], options: { out?: string } & ReaderFlags) => {
      const files = await transcriptFiles(ctx, args, options);
      if (!files) {
        ctx.exitCode = EXIT.data;
        return;
      }
      const { corpus, messages } = await readCorpus(files, readOptionsOf(options));
      if (ctx.report(messages)) {
        ctx.exitCode = EXIT.data;
        return;
      }
      const json = `${JSON.stringify({ documents: corpus.documents.map(documentJson) }, null, 2)}\n`;
      if (options.out) await writeFileAtomic(options.out, json);
      else ctx.io.stdout(json);
      for (const doc of corpus.documents) ctx.io.stderr(`${doc.id}: ${languageStatement(doc)}\n`);
    });
  for (const option of readerOptions()) command.addOption(option);
  return command;
}

/** Which language a document is read in, and why. */
function languageStatement(doc: Document): string {
  if (doc.language === undefined)
    return "language unknown: too little text, or mixed (stemming in the codebook's languages; give --language id|en)";
  const why =
    doc.languageSource === 'detected'
      ? 'detected from its function words; --language overrides'
      : doc.languageSource === 'option'
        ? 'from --language'
        : 'declared in the file';
  return `language ${doc.language} (${why})`;
}

/** A document as `qda import` prints it: offsets in code points. */
export function documentJson(doc: Document): object {
  const offsets = new OffsetMap(doc.text);
  return {
    id: doc.id,
    file: doc.file,
    format: doc.format,
    language: doc.language ?? null,
    attributes: doc.attributes,
    participants: doc.participants,
    turns: doc.turns.map((t) => ({
      speaker: t.speaker,
      timestamp: t.timestamp ?? null,
      start: offsets.toCodePoint(t.start),
      end: offsets.toCodePoint(t.end),
      text: doc.text.slice(t.start, t.end),
    })),
    text: doc.text,
  };
}
