import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('qda serve: command line', () => {
  it('refuses to listen beyond loopback until team mode', async () => {
    const r = await runCli('serve', 'study.qda', '--host', '0.0.0.0');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--host 0\.0\.0\.0 would let other machines reach your transcripts; .*127\.0\.0\.1/);
    expect(r.stdout).toBe('');
  });

  it('asks for a codebook when given transcripts, and names a missing project file', async () => {
    const transcripts = await runCli('serve', 'data-sample/transcripts/informan-01.md');
    expect(transcripts.code).toBe(2);
    expect(transcripts.stderr).toMatch(/give a project file \(study\.qda\), or transcripts with --codebook/);
    const missing = await runCli('serve', 'no-such-study.qda');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no-such-study\.qda: no such project file/);
    const mixed = await runCli('serve', 'no-such-study.qda', '--codebook', 'codebooks/lk3-psychosocial.yaml');
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/a project file has them already/);
  });

  it('teaches with --help: what it does, the security, examples', async () => {
    const r = await runCli('serve', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/127\.0\.0\.1 only/);
    expect(r.stdout).toMatch(/Examples:\n  qda serve study\.qda/);
  });
});
