import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAssets } from '../../../src/server/assets.js';
import { startTeamServer } from '../../../src/server/team/team-server.js';
import { WRITE_HEADER } from '../../../src/server/security.js';
import { fillProject, openBackend, PASSWORD, plainAssets } from '../../helpers/team.js';

/** A self-signed certificate for 127.0.0.1, made with openssl for this test. */
function selfSigned(): { cert: Buffer; key: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'qda-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  return { cert: readFileSync(join(dir, 'cert.pem')), key: readFileSync(join(dir, 'key.pem')) };
}

function post(url: string, body: unknown, ca: Buffer): Promise<{ status: number; cookie: string }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        ca,
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(data)), [WRITE_HEADER]: '1' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, cookie: String(res.headers['set-cookie'] ?? '') }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

describe('qda serve --team over HTTPS', () => {
  it('serves with the given certificate and sets a Secure, __Host- cookie', async () => {
    const tls = selfSigned();
    const file = join(mkdtempSync(join(tmpdir(), 'qda-tls-')), 'study.qda');
    const { store, team } = await openBackend({ kind: 'sqlite' }, file);
    await fillProject(store, team);
    const server = await startTeamServer({ store, team, name: 'study.qda', assets: loadAssets(plainAssets()), tls });
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
      const reply = await post(`${server.url}api/team/login`, { name: 'ana', password: PASSWORD }, tls.cert);
      expect(reply.status).toBe(201);
      expect(reply.cookie).toMatch(new RegExp(`^__Host-qda_team_${server.port}=[\\w-]{43}; HttpOnly; SameSite=Strict; Path=/; Secure$`));
    } finally {
      await server.close();
      await team.close();
      await store.close();
    }
  }, 60_000);
});
