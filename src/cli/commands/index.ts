import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { codeCommand } from './code.js';
import { codebookCommand } from './codebook.js';
import { importCommand } from './import.js';

/** Every command of the CLI, in the order `qda --help` lists them. */
export const COMMANDS: Array<(ctx: CliContext) => Command> = [importCommand, codeCommand, codebookCommand];
