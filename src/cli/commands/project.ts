import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { addReadingSubcommands } from './project-read.js';
import { addUserSubcommands } from './project-user.js';
import { addWritingSubcommands } from './project-write.js';

/** `qda project …`: a study in one file (transcripts, codebook versions, codings, memos, history). */
export function projectCommand(ctx: CliContext): Command {
  const cmd = new Command('project')
    .summary("keep a study in one file: transcripts, codebook versions, every coder's codings, history")
    .description(
      `A project (study.qda) is one SQLite file holding the transcripts, every version
of the codebook, every coder's codings with origin (manual, auto, import) and
status (suggested, accepted, rejected), memos and a log of every change.
Reading commands take it with --project: report, agree, validate, kwic, code,
qdpx export. Rejected suggestions never count. See docs/project.md.`,
    )
    .addHelpText(
      'after',
      `
Examples:
  qda project create study.qda --codebook codebooks/lk3-psychosocial.yaml \\
    data-sample/transcripts/*
  qda project code study.qda
  qda report --project study.qda --out report
  qda project export study.qda --format qdpx --out study.qdpx`,
    );
  addWritingSubcommands(cmd, ctx);
  addReadingSubcommands(cmd, ctx);
  addUserSubcommands(cmd, ctx);
  return cmd;
}
