import { basename } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { codebookToYaml } from '../../codebook/to-yaml.js';
import { writeFileAtomic } from '../../io/write-file.js';
import type { Document } from '../../model/document.js';
import { CODING_COLUMNS } from '../../report/coding-table.js';
import { toCsv } from '../../report/csv.js';
import { OffsetMap } from '../../text/offsets.js';
import { segmentDocument } from '../../text/segment.js';
import { modelCodings } from '../../store/project-codings.js';
import { counts } from '../../store/project-suggestions.js';
import type { ProjectInfo, ProjectStore, StoredCoding, UnplacedCoding } from '../../store/store.js';
import { EXIT, type CliContext } from '../context.js';
import { openProject } from '../project-input.js';
import { counted } from '../../util/plural.js';

type ExportFormat = 'csv' | 'qdpx' | 'yaml' | 'qdc';

/** `qda project export|info|check`: the subcommands that only read a project. */
export function addReadingSubcommands(cmd: Command, ctx: CliContext): void {
  cmd
    .command('export')
    .summary('write the codings, transcripts or codebook (csv, qdpx, yaml, qdc)')
    .description(
      `Write what the project holds:
  csv   every coding, one row each, with the columns
        ${CODING_COLUMNS.join(',')},
        coder,origin,status,memo,placed
        (start/end in code points; codings kept apart after their text
        changed come last with placed=no and the text they covered)
  qdpx  a REFI-QDA project: sources, codebook, every coder's codings that
        are not rejected (valid against the REFI-QDA schema)
  yaml  the current codebook (qdc: as a REFI-QDA codebook)`,
    )
    .argument('<project>', 'the project file')
    .addOption(new Option('-f, --format <format>', 'what to write').choices(['csv', 'qdpx', 'yaml', 'qdc']).default('csv'))
    .addOption(new Option('-o, --out <file>', 'the file to write (written whole or not at all); csv, yaml and qdc go to stdout without it'))
    .addHelpText(
      'after',
      `
Examples:
  qda project export study.qda --format qdpx --out study.qdpx
  qda project export study.qda --format csv --out codings.csv
  qda project export study.qda --format yaml > codebook.yaml`,
    )
    .action(async (project: string, options: { format: ExportFormat; out?: string }) => {
      if (options.format === 'qdpx' && !options.out) {
        ctx.exitCode = ctx.usage('--format qdpx needs --out <file.qdpx>');
        return;
      }
      const store = await openProject(ctx, project, { mode: 'read' });
      try {
        ctx.exitCode = await runExport(ctx, store, options.format, options.out);
      } finally {
        await store.close();
      }
    });

  cmd
    .command('info')
    .summary('what the project holds: documents, coders, codings, versions')
    .description('Show what the project holds: documents, coders, codebook version, codings by origin and status, schema version.')
    .argument('<project>', 'the project file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Example:
  qda project info study.qda --format json`,
    )
    .action(async (project: string, options: { format: 'text' | 'json' }) => {
      const store = await openProject(ctx, project, { mode: 'read' });
      try {
        const info = await store.info();
        ctx.io.stdout(options.format === 'json' ? `${JSON.stringify(info, null, 2)}\n` : infoText(info));
      } finally {
        await store.close();
      }
    });

  cmd
    .command('check')
    .summary("check the file's integrity and every coding's position")
    .description(
      `Check a project: SQLite's integrity_check and foreign keys, every coding
inside its document's text, every coded code in the current codebook, codings
kept apart. Exit 1 when something is broken; warnings alone exit 0.`,
    )
    .argument('<project>', 'the project file')
    .addHelpText(
      'after',
      `
Example:
  qda project check study.qda`,
    )
    .action(async (project: string) => {
      const store = await openProject(ctx, project, { mode: 'read' });
      try {
        const messages = await store.check();
        const fatal = ctx.report(messages);
        if (!fatal) ctx.io.stderr(`${project}: ok${messages.length ? ` (${counted(messages.length, 'warning')})` : ''}\n`);
        ctx.exitCode = fatal ? EXIT.data : EXIT.ok;
      } finally {
        await store.close();
      }
    });
}

async function runExport(ctx: CliContext, store: ProjectStore, format: ExportFormat, out: string | undefined): Promise<number> {
  const current = await store.currentCodebook();
  const write = async (text: string | Uint8Array) => (out ? writeFileAtomic(out, text) : ctx.io.stdout(text));
  if (format === 'yaml' || format === 'qdc') {
    if (!current) return noCodebook(ctx, store);
    const { codebookToQdc } = await import('../../refi/write-qdc.js');
    await write(format === 'yaml' ? codebookToYaml(current.codebook) : codebookToQdc(current.codebook));
    return EXIT.ok;
  }
  const documents = await store.getDocuments();
  if (format === 'csv') {
    await write(codingsCsv(documents, await store.listCodings(), await store.listUnplaced()));
    return EXIT.ok;
  }
  if (!current) return noCodebook(ctx, store);
  const codings = modelCodings((await store.listCodings({ status: ['suggested', 'accepted'] })).filter(counts), documents);
  const { writeQdpx } = await import('../../io/write-qdpx.js');
  const name = current.codebook.name ?? basename(store.location).replace(/\.[^.]+$/, '');
  const archive = await writeQdpx(out!, { name, codebook: current.codebook, documents, codings });
  ctx.io.stderr(
    `${out}: ${counted(documents.length, 'source')}, ${counted(current.codebook.codes.length, 'code')}, ${counted(codings.length - archive.skipped.length, 'coding')}${archive.skipped.length ? ` (${archive.skipped.length} left out: code not in the codebook)` : ''}\n`,
  );
  return EXIT.ok;
}

function noCodebook(ctx: CliContext, store: ProjectStore): number {
  ctx.io.stderr(`${store.location}: error: the project has no codebook yet [no-codebook]\n`);
  return EXIT.data;
}

/** Every coding as a table row (code points), then the unplaced ones. */
function codingsCsv(documents: readonly Document[], codings: readonly StoredCoding[], unplaced: readonly UnplacedCoding[]): string {
  const docs = new Map(documents.map((d) => [d.id, { doc: d, offsets: new OffsetMap(d.text), segments: segmentDocument(d, 'turn') }]));
  const rows = codings.map((c) => {
    const d = docs.get(c.document)!;
    const start = d.offsets.toUtf16(c.start);
    const end = d.offsets.toUtf16(c.end);
    const segment = d.segments.find((s) => s.end > start) ?? d.segments.at(-1);
    return [
      c.document,
      segment?.index ?? '',
      segment?.speaker ?? '',
      c.code,
      c.start,
      c.end,
      c.matches.join('|'),
      d.doc.text.slice(start, end),
      c.coder,
      c.origin,
      c.status,
      c.memo ?? '',
      'yes',
    ];
  });
  for (const u of unplaced)
    rows.push([u.document, '', '', u.code, '', '', u.matches.join('|'), u.text, u.coder, u.origin, u.status, u.memo ?? '', 'no']);
  return toCsv({ columns: [...CODING_COLUMNS, 'coder', 'origin', 'status', 'memo', 'placed'], rows });
}

function infoText(info: ProjectInfo): string {
  const codings = Object.entries(info.codings);
  const total = codings.reduce((n, [, k]) => n + k, 0);
  return [
    `project      ${info.location}`,
    `schema       ${info.schemaVersion}`,
    `created      ${info.createdAt}`,
    `documents    ${info.documents}`,
    `codebook     ${info.codebookVersion === null ? 'none' : `version ${info.codebookVersion}`}`,
    `coders       ${info.coders.join(', ')}`,
    `codings      ${total}${codings.length ? ` (${codings.map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`,
    `unplaced     ${info.unplaced}`,
    `memos        ${info.memos}`,
    `events       ${info.events}`,
    '',
  ].join('\n');
}
