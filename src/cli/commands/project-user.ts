import type { Command } from 'commander';
import { Option } from 'commander';
import { ACCOUNT_NAME, ROLES, type Role } from '../../model/account.js';
import { QdaError } from '../../model/message.js';
import { hashPassword, passwordProblem } from '../../server/team/password.js';
import { EXIT, type CliContext } from '../context.js';
import { openTeamProject } from '../team-project.js';
import { counted } from '../../util/plural.js';

interface UserOptions {
  role?: Role;
  database?: string;
}

/** `qda project user add|remove|passwd|list`: team mode's accounts, from the command line. */
export function addUserSubcommands(cmd: Command, ctx: CliContext): void {
  const user = cmd
    .command('user')
    .summary('accounts for team mode: add, passwd, remove, list')
    .description(
      `Accounts for team mode (qda serve --team): an owner (codebook, accounts, reveal,
class view), coders (their own codings; blind to the others' until the owner
reveals them) and viewers (read only). The account name is also the coder name.

The password is read from the first line of standard input, so it never shows in
the process list or the shell history; on a terminal it is asked for without
echo. At least 10 characters. Passwords are kept as scrypt hashes; for an SQLite
project in study.qda.team beside the project file (not inside it, so a copy of the
project carries no password hashes), for PostgreSQL in the project's database.`,
    )
    .addHelpText(
      'after',
      `
Examples:
  qda project user add study.qda lecturer --role owner
  printf '%s\\n' "$PASSWORD" | qda project user add study.qda ana --role coder
  qda project user passwd study.qda ana
  qda project user list study.qda
  qda project user remove study.qda ana
  qda project user add study --database postgres://qda@db.example/study \\
    lecturer --role owner`,
    );
  const database = () => new Option('--database <url>', 'the project is kept in this PostgreSQL database (postgres://…)');
  /** A subcommand on one account of a project. */
  const onAccount = (name: string, description: string) =>
    user
      .command(name)
      .description(description)
      .argument('<project>', 'project file (or a postgres:// URL)')
      .argument('<name>', 'account name: lower-case letters, digits, ".", "_", "-"')
      .addOption(database());

  onAccount('add', 'add an account (the first one should be an owner)')
    .addOption(new Option('--role <role>', 'owner, coder or viewer').choices(ROLES).default('coder'))
    .action(async (project: string, name: string, options: UserOptions) => {
      ctx.exitCode = await run(ctx, project, options, async (team) => {
        if (!ACCOUNT_NAME.test(name))
          return ctx.usage(`"${name}" is not an account name: use 1–40 lower-case letters, digits, ".", "_" or "-"`);
        if (await team.getAccount(name))
          return ctx.usage(`there is already an account "${name}" (change its password with \`qda project user passwd\`)`);
        const passwordHash = await newPasswordHash(ctx, `password for ${name}: `);
        if (typeof passwordHash === 'number') return passwordHash;
        await team.saveAccount({ name, role: options.role ?? 'coder', passwordHash, createdAt: new Date().toISOString() });
        ctx.io.stderr(`added ${options.role ?? 'coder'} "${name}"\n`);
        return EXIT.ok;
      });
    });

  onAccount('passwd', "set an account's password; every session of the account ends").action(
    async (project: string, name: string, options: UserOptions) => {
      ctx.exitCode = await run(ctx, project, options, async (team) => {
        const account = await team.getAccount(name);
        if (!account) return ctx.usage(`no account "${name}"`);
        const passwordHash = await newPasswordHash(ctx, `new password for ${name}: `);
        if (typeof passwordHash === 'number') return passwordHash;
        await team.saveAccount({ ...account, passwordHash });
        const ended = await team.removeSessionsOf(name);
        ctx.io.stderr(`password of "${name}" changed; ${counted(ended, 'session')} ended\n`);
        return EXIT.ok;
      });
    },
  );

  onAccount('remove', 'remove an account and end its sessions (its codings stay in the project)').action(
    async (project: string, name: string, options: UserOptions) => {
      ctx.exitCode = await run(ctx, project, options, async (team) => {
        const account = await team.getAccount(name);
        if (!account) return ctx.usage(`no account "${name}"`);
        const owners = (await team.listAccounts()).filter((a) => a.role === 'owner');
        if (account.role === 'owner' && owners.length === 1) return ctx.usage(`"${name}" is the only owner: add another owner first`);
        await team.removeAccount(name);
        ctx.io.stderr(`removed "${name}" (their codings stay in the project)\n`);
        return EXIT.ok;
      });
    },
  );

  user
    .command('list')
    .description('list the accounts: name and role, one per line')
    .argument('<project>', 'project file (or a postgres:// URL)')
    .addOption(database())
    .action(async (project: string, options: UserOptions) => {
      ctx.exitCode = await run(ctx, project, options, async (team) => {
        for (const a of await team.listAccounts()) ctx.io.stdout(`${a.name}\t${a.role}\n`);
        return EXIT.ok;
      });
    });
}

async function run(
  ctx: CliContext,
  project: string,
  options: UserOptions,
  fn: (team: Awaited<ReturnType<typeof openTeamProject>>['team']) => Promise<number>,
): Promise<number> {
  let opened;
  try {
    opened = await openTeamProject(project, options.database ? { database: options.database } : {});
  } catch (e) {
    if (e instanceof QdaError) return (ctx.report(e.messages), EXIT.data);
    throw e;
  }
  try {
    return await fn(opened.team);
  } finally {
    await opened.team.close();
    await opened.store.close();
  }
}

/** A new password read and checked, as its hash; or the exit code of a refused one. */
async function newPasswordHash(ctx: CliContext, prompt: string): Promise<string | number> {
  const password = await readPassword(ctx, prompt);
  const problem = passwordProblem(password);
  return problem ? ctx.usage(problem) : hashPassword(password);
}

/** The first line of standard input; on a terminal, asked for without echo. */
async function readPassword(ctx: CliContext, prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let text = '';
    for await (const chunk of stdin) {
      text += String(chunk);
      if (text.includes('\n')) break;
    }
    return text.split(/\r?\n/)[0];
  }
  ctx.io.stderr(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (data: Buffer) => {
        for (const ch of data.toString('utf8')) {
          if (ch === '\r' || ch === '\n') return void (stdin.off('data', onData), resolve(typed));
          if (ch === '\u0003') return void (stdin.off('data', onData), reject(new Error('cancelled')));
          typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch;
        }
      };
      stdin.on('data', onData);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    ctx.io.stderr('\n');
  }
}
