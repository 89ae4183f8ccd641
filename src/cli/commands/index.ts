import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { agreeCommand } from './agree.js';
import { alphaCommand } from './alpha.js';
import { codeCommand } from './code.js';
import { codebookCommand } from './codebook.js';
import { countCommand } from './count.js';
import { importCommand } from './import.js';
import { kwicCommand } from './kwic.js';
import { projectCommand } from './project.js';
import { qdpxCommand } from './qdpx.js';
import { reportCommand } from './report.js';
import { serveCommand } from './serve.js';
import { suggestCommand } from './suggest.js';
import { validateCommand } from './validate.js';

/** Every command of the CLI, in the order `qda --help` lists them. */
export const COMMANDS: Array<(ctx: CliContext) => Command> = [
  importCommand,
  codeCommand,
  countCommand,
  reportCommand,
  kwicCommand,
  codebookCommand,
  qdpxCommand,
  agreeCommand,
  alphaCommand,
  validateCommand,
  projectCommand,
  serveCommand,
  suggestCommand,
];
