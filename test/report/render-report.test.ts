import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../../src/report/build-report.js';
import { renderReport, type ReportFiles } from '../../src/report/render-report.js';
import { fixtureReport } from './fixture.js';
import { expectGolden } from '../helpers/golden.js';

let data: ReportData;
let files: ReportFiles;

beforeAll(async () => {
  data = await fixtureReport();
  files = await renderReport(data);
});

describe('the report of the fixture', () => {
  it('has every file the issue asks for', () => {
    expect([...files.keys()].sort()).toEqual([
      'charts/code-by-informant.svg', 'charts/code-frequencies.svg', 'charts/cooccurrence.svg',
      'codebook.csv', 'codebook.md', 'codebook.tex', 'cooccurrence.csv', 'cooccurrence.md',
      'frequencies.csv', 'frequencies.md', 'frequencies.tex', 'quotes.csv', 'quotes.md', 'report.html', 'report.js', 'tables.xlsx',
    ]);
  });

  it.each([
    'frequencies.csv', 'frequencies.md', 'frequencies.tex', 'cooccurrence.csv', 'cooccurrence.md', 'quotes.md', 'quotes.csv',
    'codebook.md', 'codebook.csv', 'codebook.tex', 'charts/code-frequencies.svg', 'charts/code-by-informant.svg', 'charts/cooccurrence.svg',
  ])('%s matches its golden file', (name) => {
    expectGolden(`report/${name}`, files.get(name) as string);
  });

  it('is the same on a second run (no clock, no randomness)', async () => {
    const again = await renderReport(await fixtureReport());
    for (const [name, content] of files) if (typeof content === 'string') expect(again.get(name), name).toBe(content);
  });

  it('counts what the fixture holds', () => {
    expect(data.summary).toEqual({ documents: 3, segments: 15, codedSegments: 8, codings: 12, unit: 'turn', coder: 'auto' });
    const total = (code: string) => data.frequencies.rows.find((r) => r.code === code && r.group === null)!.segments;
    expect([total('factor'), total('factor/attachment'), total('factor/proximity'), total('stage'), total('stage/assessment'), total('stage/planning')]).toEqual([7, 5, 2, 3, 2, 3]);
    // Maya Lestari has no role in her transcript: it comes from cases.csv.
    expect(data.frequencies.groups).toEqual(['academic', 'interviewer', 'social worker']);
  });
});
