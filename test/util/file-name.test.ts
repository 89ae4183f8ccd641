import { describe, expect, it } from 'vitest';
import { stripBom } from '../../src/util/bom.js';
import { fileExtension, fileName, fileStem } from '../../src/util/file-name.js';

describe('file names', () => {
  it.each([
    ['data/informan-01.md', 'informan-01.md', 'informan-01', 'md'],
    ['C:\\data\\Interview.DOCX', 'Interview.DOCX', 'Interview', 'docx'],
    ['archive.tar.gz', 'archive.tar.gz', 'archive.tar', 'gz'],
    ['.hidden', '.hidden', '.hidden', ''],
    ['folder.d/README', 'README', 'README', ''],
    ['plain', 'plain', 'plain', ''],
  ])('%s → %s, %s, %s', (path, name, stem, extension) => {
    expect([fileName(path), fileStem(path), fileExtension(path)]).toEqual([name, stem, extension]);
  });
});

describe('stripBom', () => {
  it.each([
    ['\uFEFFid,name', 'id,name'],
    ['id,name', 'id,name'],
    ['\uFEFF\uFEFFx', '\uFEFFx'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(stripBom(input)).toBe(output);
  });
});
