// Simulated coders for the team load benchmark (bench/team.ts) and the kill-and-restart test:
// each signs in over HTTP and codes spans of the transcripts as fast as the server answers,
// recording every write the server acknowledged.
import { request as httpRequest, Agent } from 'node:http';
import { WRITE_HEADER } from '../../src/server/security.js';
import { CSRF_HEADER } from '../../src/server/team/team-server.js';
import type { ProjectStore, StoredCoding } from '../../src/store/store.js';

/** A write the server answered 201 to. */
export interface Acknowledged {
  id: number;
  coder: string;
  document: string;
  code: string;
  start: number;
  end: number;
}

/** What a load run did. */
export interface LoadResult {
  acknowledged: Acknowledged[];
  /** Requests that failed (connection refused or reset while the server was down, 5xx). */
  failed: number;
  /** Latency of each acknowledged write, milliseconds. */
  latencies: number[];
}

/** Options of {@link runCoders}. */
export interface LoadOptions {
  origin: string;
  /** Signed-in coders: name, cookie and CSRF token. */
  coders: ReadonlyArray<{ name: string; cookie: string; csrf: string }>;
  documents: ReadonlyArray<{ id: string; length: number }>;
  codes: readonly string[];
  /** Stop after this long (milliseconds)… */
  durationMs: number;
  /** …or after this many writes per coder, whichever comes first. */
  maxWritesPerCoder: number;
  /** Index of each coder's first span (a second run goes on after the first's, so no span repeats). */
  firstWrite?: number;
  /** Called after each acknowledged write (e.g. to kill the server mid-run). */
  onAck?(count: number): void;
  /** Stop early when this returns true. */
  stop?(): boolean;
}

/** Span length and stride: a coder's spans never overlap each other, so no write merges into an earlier one. */
const SPAN = 5;
const STRIDE = 7;

/** The n-th span of coder k: spread over the documents, never overlapping the coder's others. */
function spanOf(k: number, n: number, documents: LoadOptions['documents']): { document: string; start: number; end: number } | undefined {
  const slots = documents.map((d) => Math.floor((d.length - SPAN - k) / STRIDE));
  let i = n;
  for (const [j, d] of documents.entries()) {
    if (i < slots[j]) return { document: d.id, start: k + i * STRIDE, end: k + i * STRIDE + SPAN };
    i -= slots[j];
  }
  return undefined;
}

/**
 * Run the coders at once until the time or the count runs out; each waits for its answer before
 * sending the next write, as a person's browser does.
 */
export async function runCoders(options: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = { acknowledged: [], failed: 0, latencies: [] };
  const deadline = Date.now() + options.durationMs;
  const agent = new Agent({ keepAlive: true, maxSockets: options.coders.length });
  await Promise.all(
    options.coders.map(async (coder, k) => {
      const first = options.firstWrite ?? 0;
      for (let n = first; n < first + options.maxWritesPerCoder && Date.now() < deadline && !options.stop?.(); n++) {
        const span = spanOf(k, n, options.documents);
        if (!span) break;
        const code = options.codes[(k + n) % options.codes.length];
        const started = process.hrtime.bigint();
        const reply = await post(agent, options.origin, '/api/codings', { ...span, code }, coder).catch(() => null);
        if (reply?.status === 201) {
          result.latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
          result.acknowledged.push({ id: (JSON.parse(reply.text) as { id: number }).id, coder: coder.name, code, ...span });
          options.onAck?.(result.acknowledged.length);
        } else {
          result.failed++;
          // The server is down or busy: wait a little before the next attempt, as a browser would.
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    }),
  );
  agent.destroy();
  return result;
}

function post(
  agent: Agent,
  origin: string,
  path: string,
  body: unknown,
  who: { cookie: string; csrf: string },
): Promise<{ status: number; text: string }> {
  const url = new URL(path, origin);
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          host: url.host,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(data)),
          cookie: who.cookie,
          [WRITE_HEADER]: '1',
          [CSRF_HEADER]: who.csrf,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(data);
  });
}

/** The p-th percentile (0–100) of numbers, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Every acknowledged write against what the store holds: lost ones, and stored writes nobody was told about or stored twice. */
export function auditWrites(
  acknowledged: readonly Acknowledged[],
  stored: ReadonlyArray<{ id: number; coder: string; document: string; code: string; start: number; end: number }>,
): { lost: Acknowledged[]; duplicated: number; unacknowledged: number } {
  const byId = new Map(stored.map((c) => [c.id, c]));
  const lost = acknowledged.filter((a) => {
    const c = byId.get(a.id);
    return !c || c.coder !== a.coder || c.document !== a.document || c.code !== a.code || c.start !== a.start || c.end !== a.end;
  });
  const keys = stored.map((c) => `${c.coder}\u0000${c.document}\u0000${c.code}\u0000${c.start}\u0000${c.end}`);
  const duplicated = keys.length - new Set(keys).size;
  const acked = new Set(acknowledged.map((a) => a.id));
  return { lost, duplicated, unacknowledged: stored.filter((c) => !acked.has(c.id)).length };
}

/** The people's codings of a project as the audit compares them with what was acknowledged. */
export async function manualCodings(
  store: ProjectStore,
): Promise<Array<Pick<StoredCoding, 'id' | 'coder' | 'document' | 'code' | 'start' | 'end'>>> {
  return (await store.listCodings({ origin: 'manual' })).map(({ id, coder, document, code, start, end }) => ({
    id,
    coder,
    document,
    code,
    start,
    end,
  }));
}
