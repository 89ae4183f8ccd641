import { readFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { basename } from 'node:path';
import { QdaError } from '../model/message.js';
import type { Asset } from '../server/assets.js';
import { startTeamServer } from '../server/team/team-server.js';
import { EXIT, type CliContext } from './context.js';
import { fillServedProject } from './serve-project.js';
import { isDatabaseUrl, openTeamProject } from './team-project.js';

/** What `qda serve --team` takes. */
export interface TeamServeOptions {
  host: string;
  port: number;
  cert?: string;
  key?: string;
  database?: string;
  allowHost?: string[];
  codebook?: string;
  cases?: string;
  codings?: string[];
}

/**
 * `qda serve --team`: the project for a team or class, with accounts. Listens on loopback unless
 * `--host` says otherwise; HTTPS with `--cert` and `--key`.
 */
export async function runTeamServe(
  ctx: CliContext,
  inputs: string[],
  options: TeamServeOptions,
  assets: ReadonlyMap<string, Asset>,
  waitForStop: () => Promise<void>,
): Promise<number> {
  if (Boolean(options.cert) !== Boolean(options.key))
    return ctx.usage('--cert and --key go together (a PEM certificate and its private key)');
  let tls: { cert: Buffer; key: Buffer } | undefined;
  try {
    tls = options.cert && options.key ? { cert: readFileSync(options.cert), key: readFileSync(options.key) } : undefined;
  } catch (e) {
    ctx.io.stderr(`qda serve: cannot read the certificate or key: ${(e as Error).message}\n`);
    return EXIT.data;
  }
  const location = inputs[0];
  const fromTranscripts = Boolean(options.codebook);
  let opened;
  try {
    opened = await openTeamProject(location, {
      ...(options.database ? { database: options.database } : {}),
      create: fromTranscripts || Boolean(options.database) || isDatabaseUrl(location),
      notice: (t) => ctx.io.stderr(`${t}\n`),
    });
  } catch (e) {
    if (e instanceof QdaError) return (ctx.report(e.messages), EXIT.data);
    throw e;
  }
  const { store, team, shownAs } = opened;
  try {
    if (fromTranscripts && (await store.listDocuments()).length === 0) {
      const filled = await fillServedProject(ctx, store, 'the project', {
        transcripts: inputs,
        codebook: options.codebook!,
        ...(options.cases ? { cases: options.cases } : {}),
        ...(options.codings ? { codings: options.codings } : {}),
      });
      if (!filled) return EXIT.data;
    }
    if (!(await team.listAccounts()).some((a) => a.role === 'owner')) {
      return ctx.usage(
        `${shownAs} has no owner account yet: add one first with \`qda project user add ${location} <name> --role owner${options.database ? ' --database …' : ''}\``,
      );
    }
    const remote = options.host !== '127.0.0.1' && options.host !== 'localhost' && options.host !== '::1';
    const server = await startTeamServer({
      store,
      team,
      name: isDatabaseUrl(location) ? 'team project' : basename(location),
      assets,
      host: options.host,
      port: options.port,
      hosts: remote ? [...machineNames(), ...(options.allowHost ?? [])] : (options.allowHost ?? []),
      ...(tls ? { tls } : {}),
      onError: (e) => ctx.io.stderr(`qda serve: ${(e as Error).stack ?? String(e)}\n`),
    });
    ctx.io.stdout(`${server.url}\n`);
    ctx.io.stderr(
      `qda serve: ${shownAs} is open for the team at the address above${remote ? ` (listening on ${options.host}:${server.port})` : ' (this machine only: add --host 0.0.0.0 for the network)'}. Ctrl+C stops it.\n`,
    );
    if (remote && !tls)
      ctx.io.stderr('qda serve: warning: without --cert and --key, passwords and transcripts cross the network unencrypted\n');
    await waitForStop();
    await server.close();
    return EXIT.ok;
  } finally {
    await team.close();
    await store.close();
  }
}

/** This machine's name and addresses, as other machines may reach it. */
function machineNames(): string[] {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal)
    .map((a) => (a!.family === 'IPv6' ? `[${a!.address}]` : a!.address));
  return [hostname(), ...addresses];
}
