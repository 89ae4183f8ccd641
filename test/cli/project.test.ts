import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/store/schema.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { runCli } from '../helpers/cli.js';
import { describeWithCorpora } from '../helpers/corpora.js';
import { validateXml } from '../helpers/xmllint.js';
import { tempDir } from '../store/helpers.js';

const CODEBOOK = 'codebooks/lk3-psychosocial.yaml';
const TRANSCRIPTS = readdirSync('data-sample/transcripts').map((f) => join('data-sample/transcripts', f));

async function codedProject(): Promise<string> {
  const file = join(tempDir(), 'study.qda');
  const created = await runCli('project', 'create', file, '--codebook', CODEBOOK, ...TRANSCRIPTS, '--cases', 'data-sample/cases.csv');
  expect(created.stderr).toMatch(/7 added/);
  expect(created.code).toBe(0);
  const coded = await runCli('project', 'code', file);
  expect(coded.code).toBe(0);
  return file;
}

describe('qda project', () => {
  it('create + code + report --project gives the same tables as report on the files', async () => {
    const file = await codedProject();
    const dir = tempDir();
    const fromFiles = await runCli(
      'report',
      ...TRANSCRIPTS,
      '--codebook',
      CODEBOOK,
      '--cases',
      'data-sample/cases.csv',
      '--out',
      join(dir, 'files'),
    );
    const fromProject = await runCli('report', '--project', file, '--out', join(dir, 'project'));
    expect(fromFiles.code).toBe(0);
    expect(fromProject.code).toBe(0);
    for (const table of ['frequencies.csv', 'cooccurrence.csv', 'quotes.csv', 'codebook.csv']) {
      expect(readFileSync(join(dir, 'project', table), 'utf8'), table).toBe(readFileSync(join(dir, 'files', table), 'utf8'));
    }
    expect(readFileSync(join(dir, 'files', 'frequencies.csv'), 'utf8').split('\n').length).toBeGreaterThan(10);
  });

  it('never counts rejected suggestions, and re-coding replaces only unreviewed ones', async () => {
    const file = await codedProject();
    const store = await openSqliteStore(file, { mode: 'write' });
    const suggestions = await store.listCodings({ origin: 'auto' });
    const rejected = suggestions.filter((c) => c.code === suggestions[0].code);
    const accepted = suggestions.find((c) => c.code !== suggestions[0].code)!;
    await store.change('ana', 'review', async (tx) => {
      for (const c of rejected) await tx.updateCoding(c.id, { status: 'rejected' });
      await tx.updateCoding(accepted.id, { status: 'accepted' });
    });
    await store.close();
    const recode = await runCli('project', 'code', file);
    expect(recode.stderr).toContain(
      `${suggestions.length - rejected.length - 1} suggestions (${suggestions.length - rejected.length - 1} unreviewed ones replaced; ${rejected.length + 1} already reviewed, kept)`,
    );
    const report = await runCli('report', '--project', file, '--out', tempDir());
    expect(report.stderr).toContain(`, ${suggestions.length - rejected.length} codings (auto)`);
    const after = await openSqliteStore(file, { mode: 'read' });
    expect((await after.listCodings({ status: 'rejected' })).length).toBe(rejected.length);
    expect((await after.listCodings({ status: 'accepted' })).map((c) => c.id)).toEqual([accepted.id]);
    expect((await after.listCodings({ origin: 'auto' })).length).toBe(suggestions.length);
    await after.close();
  });

  it('add re-anchors codings of a changed transcript and lists the ones it cannot place', async () => {
    const dir = tempDir();
    const transcript = join(dir, 'p1.md');
    writeFileSync(transcript, '**Ana:** Saya takut sekali waktu itu.\n\n**Budi:** Kakak saya yang menolong.\n');
    const file = join(dir, 'study.qda');
    expect((await runCli('project', 'create', file, '--codebook', CODEBOOK, transcript)).code).toBe(0);
    const store = await openSqliteStore(file, { mode: 'write' });
    const text = (await store.getDocument('p1'))!.text;
    const cp = (s: string) => [...text.slice(0, text.indexOf(s))].length;
    await store.change('ana', 'code', (tx) =>
      tx.addCodings([
        { document: 'p1', start: cp('takut'), end: cp('takut') + 5, code: 'impact/psychological', origin: 'manual' },
        { document: 'p1', start: cp('menolong'), end: cp('menolong') + 8, code: 'impact/psychological', origin: 'manual' },
      ]),
    );
    await store.close();
    writeFileSync(transcript, '**Ana:** Waktu itu saya takut sekali.\n\n**Budi:** Kakak saya yang membantu.\n');
    const added = await runCli('project', 'add', file, transcript);
    expect(added.code).toBe(0);
    expect(added.stderr).toContain('0 added, 1 updated, 0 unchanged; 1 coding re-anchored');
    expect(added.stderr).toContain(
      '1 coding could not be placed in the new text; kept apart:\n  p1 impact/psychological (ana): "menolong"',
    );
    const csv = await runCli('project', 'export', file, '--format', 'csv');
    expect(csv.stdout).toMatch(/p1,1,Ana,impact\/psychological,\d+,\d+,,takut,ana,manual,accepted,,yes/);
    expect(csv.stdout).toContain('p1,,,impact/psychological,,,,menolong,ana,manual,accepted,,no');
    const check = await runCli('project', 'check', file);
    expect(check.code).toBe(0);
    expect(check.stderr).toContain('[unplaced-codings]');
  });

  it('info and check describe a project; export yaml gives the codebook back', async () => {
    const file = await codedProject();
    const info = await runCli('project', 'info', file, '--format', 'json');
    const parsed = JSON.parse(info.stdout) as { documents: number; schemaVersion: number; codings: Record<string, number> };
    expect(parsed.documents).toBe(7);
    expect(parsed.schemaVersion).toBe(SCHEMA_VERSION);
    expect(parsed.codings['auto/suggested']).toBeGreaterThan(100);
    expect((await runCli('project', 'check', file)).stderr).toBe(`${file}: ok\n`);
    const yaml = await runCli('project', 'export', file, '--format', 'yaml');
    const out = join(tempDir(), 'cb.yaml');
    writeFileSync(out, yaml.stdout);
    expect((await runCli('codebook', 'validate', out)).code).toBe(0);
    const qdc = await runCli('project', 'export', file, '--format', 'qdc');
    const qdcFile = join(tempDir(), 'cb.qdc');
    writeFileSync(qdcFile, qdc.stdout);
    const back = await runCli('codebook', 'convert', qdcFile, join(tempDir(), 'back.yaml'));
    expect(back.code, back.stderr).toBe(0);
  });

  it('refuses to create over an existing file and reports a missing project with its name', async () => {
    const file = await codedProject();
    expect((await runCli('project', 'create', file, '--codebook', CODEBOOK)).code).toBe(2);
    const missing = await runCli('project', 'info', join(tempDir(), 'nope.qda'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.qda: error: no such project file \[project-missing\]/);
  });

  it('a failed import leaves no file behind', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.qdpx');
    writeFileSync(bad, 'not a zip');
    const result = await runCli('project', 'import', bad, '--out', join(dir, 'study.qda'));
    expect(result.code).toBe(1);
    expect(existsSync(join(dir, 'study.qda'))).toBe(false);
  });
});

describeWithCorpora('qda project export --format qdpx', () => {
  it('writes a project valid against the REFI-QDA schema that re-imports with every coding', async () => {
    const file = await codedProject();
    const store = await openSqliteStore(file, { mode: 'write' });
    const some = (await store.listCodings()).slice(0, 3);
    await store.change('ana', 'ana codes', (tx) =>
      tx.addCodings(some.map((c) => ({ document: c.document, start: c.start, end: c.end, code: c.code, origin: 'manual' as const }))),
    );
    const counted = (await store.listCodings()).length;
    await store.close();
    const qdpx = join(tempDir(), 'study.qdpx');
    const exported = await runCli('project', 'export', file, '--format', 'qdpx', '--out', qdpx);
    expect(exported.code).toBe(0);
    const verdict = validateXml(unzipSync(readFileSync(qdpx))['project.qde'], 'project');
    expect(verdict.output).toMatch(/validates/);
    expect(verdict.valid).toBe(true);
    const again = join(tempDir(), 'again.qda');
    expect((await runCli('project', 'import', qdpx, '--out', again)).code).toBe(0);
    const reopened = await openSqliteStore(again, { mode: 'read' });
    const original = await openSqliteStore(file, { mode: 'read' });
    const key = (c: { document: string; start: number; end: number; code: string; coder: string }) =>
      `${c.document}|${c.start}|${c.end}|${c.code}|${c.coder}`;
    const back = (await reopened.listCodings()).map(key).sort();
    expect(back.length).toBe(counted);
    expect(back).toEqual((await original.listCodings()).map(key).sort());
    expect((await reopened.getDocuments()).map((d) => d.text)).toEqual((await original.getDocuments()).map((d) => d.text));
    await reopened.close();
    await original.close();
  });
});
