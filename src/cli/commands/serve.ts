import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { QdaError } from '../../model/message.js';
import { loadAssets } from '../../server/assets.js';
import { tokenAuthenticator } from '../../server/auth.js';
import { workbenchRoutes } from '../../server/routes/index.js';
import { isLoopbackHost, newToken } from '../../server/security.js';
import { startServer } from '../../server/server.js';
import { openSqliteStore } from '../../store/sqlite-store.js';
import { EXIT, type CliContext } from '../context.js';
import { fillServedProject } from '../serve-project.js';
import { runTeamServe } from '../team-serve.js';

interface ServeOptions {
  codebook?: string;
  cases?: string;
  codings?: string[];
  out: string;
  port: number;
  host: string;
  open?: boolean;
  team?: boolean;
  cert?: string;
  key?: string;
  database?: string;
  allowHost?: string[];
}

/**
 * `qda serve`: the coding workbench in the browser, on this machine only.
 * @example program.addCommand(serveCommand(ctx))
 */
export function serveCommand(ctx: CliContext): Command {
  return new Command('serve')
    .summary('the coding workbench in your browser: read, code by hand, review suggestions')
    .description(
      `Open a project in the workbench: documents, the document view (code by mouse
or keyboard), the review queue of the machine's suggestions, the codebook, retrieval,
agreement between coders and the report. Every action is saved in the project
when it is made; Ctrl+Z / Ctrl+Shift+Z undo and redo, also after a reload.

Give a project file (study.qda), or transcripts with --codebook: a project is then
made at --out first (the machine's codings become suggestions to review), or
opened when that file exists already.

The server listens on 127.0.0.1 only and prints an address with a secret token;
only a browser that opened that address can read or change the project. Nothing
is loaded from the network. Stop it with Ctrl+C.`,
    )
    .argument('<inputs...>', 'a project file (.qda), or transcripts to make one from')
    .addOption(new Option('-c, --codebook <file>', 'codebook for a new project made from transcripts'))
    .addOption(new Option('--cases <file>', 'cases/attributes table for a new project'))
    .addOption(
      new Option(
        '--codings <files...>',
        "people's coding tables to import into a new project (coder from a coder column or the file name)",
      ),
    )
    .addOption(new Option('-o, --out <file>', 'where a project made from transcripts is kept').default('study.qda'))
    .addOption(new Option('-p, --port <n>', 'port (0 picks a free one)').argParser(port).default(0))
    .addOption(new Option('--host <host>', 'address to listen on: loopback only until team mode').default('127.0.0.1'))
    .addOption(new Option('--open', 'open the address in the default browser'))
    .addOption(
      new Option('--team', 'team and classroom mode: accounts (qda project user add), roles, blind coding, class view; see docs/team.md'),
    )
    .addOption(new Option('--cert <file>', 'team mode: PEM certificate for HTTPS'))
    .addOption(new Option('--key <file>', 'team mode: PEM private key for HTTPS'))
    .addOption(new Option('--database <url>', 'team mode: keep the project in this PostgreSQL database (postgres://…)'))
    .addOption(new Option('--allow-host <names...>', 'team mode: more host names the server may be reached by'))
    .addHelpText(
      'after',
      `
Examples:
  qda serve study.qda
  qda serve data-sample/transcripts/*.md \\
    --codebook codebooks/lk3-psychosocial.yaml --out sample.qda
  qda serve study.qda --port 8765 --open
  qda serve study.qda --team --host 0.0.0.0 --port 8443 \\
    --cert cert.pem --key key.pem
  qda serve study --team --database postgres://qda@localhost/study`,
    )
    .action(async (inputs: string[], options: ServeOptions) => {
      ctx.exitCode = await runServe(ctx, inputs, options);
    });
}

async function runServe(ctx: CliContext, inputs: string[], options: ServeOptions): Promise<number> {
  if (options.team) {
    try {
      return await runTeamServe(ctx, inputs, options, loadAssets(), stopSignal);
    } catch (e) {
      if (!(e as Error).message?.includes('browser files are missing')) throw e;
      ctx.io.stderr(`qda serve: ${(e as Error).message}\n`);
      return EXIT.data;
    }
  }
  if (options.cert || options.key || options.database || options.allowHost)
    return ctx.usage('--cert, --key, --database and --allow-host belong to team mode: add --team');
  if (!isLoopbackHost(options.host))
    return ctx.usage(
      `--host ${options.host} would let other machines reach your transcripts; qda serve listens on loopback (127.0.0.1) only until team mode exists`,
    );
  const asProject = inputs.length === 1 && /\.qda$/i.test(inputs[0]);
  if (!asProject && !options.codebook) return ctx.usage('give a project file (study.qda), or transcripts with --codebook to make one');
  if (asProject && (options.codebook || options.cases || options.codings))
    return ctx.usage('--codebook, --cases and --codings make a new project from transcripts; a project file has them already');
  const file = asProject ? inputs[0] : options.out;
  const fresh = !existsSync(file);
  if (asProject && fresh)
    return ctx.usage(`${file}: no such project file (make one with: qda serve <transcripts…> --codebook cb.yaml --out ${file})`);

  let assets;
  try {
    assets = loadAssets();
  } catch (e) {
    ctx.io.stderr(`qda serve: ${(e as Error).message}\n`);
    return EXIT.data;
  }
  let store;
  try {
    store = await openSqliteStore(file, { mode: 'write', create: true, notice: (t) => ctx.io.stderr(`${t}\n`) });
  } catch (e) {
    if (e instanceof QdaError) return (ctx.report(e.messages), EXIT.data);
    throw e;
  }
  try {
    if (fresh) {
      const filled = await fillServedProject(ctx, store, file, {
        transcripts: inputs,
        codebook: options.codebook!,
        ...(options.cases ? { cases: options.cases } : {}),
        ...(options.codings ? { codings: options.codings } : {}),
      });
      if (!filled) return EXIT.data;
    } else if (!asProject) {
      ctx.io.stderr(`qda serve: ${file} exists: opening it as it is (the transcripts given are not added again)\n`);
    }
    const token = newToken();
    const server = await startServer({
      routes: workbenchRoutes({ store, name: basename(file) }),
      assets,
      token,
      authenticate: tokenAuthenticator(token),
      host: options.host,
      port: options.port,
      onError: (e) => ctx.io.stderr(`qda serve: ${(e as Error).stack ?? String(e)}\n`),
    });
    ctx.io.stdout(`${server.url}\n`);
    ctx.io.stderr(`qda serve: ${file} is open in the workbench at the address above (only this machine can reach it). Ctrl+C stops it.\n`);
    if (options.open) openBrowser(server.url);
    await stopSignal();
    await server.close();
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

function stopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  spawn(command, [url], { stdio: 'ignore', detached: true })
    .on('error', () => {})
    .unref();
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('give a port number from 0 to 65535');
  return n;
}
