import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error a route throws to answer with a status and a human message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Largest request body accepted (a memo or a codebook edit is far smaller). */
const MAX_BODY = 2 * 1024 * 1024;

/** Read a JSON object body; a 400 with the reason when it is not one, 413 when too large. */
export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'send the body as application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, `request body is larger than ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let value: unknown;
  try {
    value = text === '' ? {} : JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, `request body is not JSON: ${(e as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new HttpError(400, 'request body must be a JSON object');
  return value as Record<string, unknown>;
}

/** Answer with JSON. */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** Answer with an error message as JSON: `{ error }`. */
export function sendError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { error: message });
}

/** A file to download. */
export interface Download {
  name: string;
  type: string;
  body: string | Uint8Array;
}

/** Answer with a file to save, never shown inline (an HTML report opens only after it is saved). */
export function sendDownload(res: ServerResponse, file: Download): void {
  const ascii = file.name.replace(/[^\w.-]/g, '_');
  res.writeHead(200, {
    'Content-Type': file.type,
    'Content-Disposition': `attachment; filename="${ascii}"`,
    'Content-Length': typeof file.body === 'string' ? Buffer.byteLength(file.body) : file.body.byteLength,
  });
  res.end(file.body);
}
