import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layering of docs/architecture.md: each folder of src/ may import only the folders listed.
const ALLOWED: Record<string, string[]> = {
  util: [],
  model: [],
  text: ['model', 'util'],
  import: ['model', 'text', 'util'],
  codebook: ['model', 'text', 'util'],
  coding: ['model', 'text', 'codebook', 'util'],
  analysis: ['model', 'text', 'util'],
  learn: ['model', 'text', 'util', 'codebook', 'coding', 'analysis'],
  report: ['model', 'analysis', 'text', 'util', 'learn'],
  refi: ['model', 'text', 'util', 'import', 'codebook', 'coding', 'report'],
  io: ['model', 'text', 'util', 'import', 'codebook', 'coding', 'analysis', 'learn', 'report', 'refi'],
  store: ['model', 'text', 'util', 'codebook', 'coding', 'analysis', 'learn', 'refi'],
  server: ['model', 'text', 'util', 'import', 'codebook', 'coding', 'analysis', 'learn', 'report', 'refi', 'io', 'store'],
  web: ['model', 'text', 'util'],
  cli: ['model', 'text', 'util', 'import', 'codebook', 'coding', 'analysis', 'learn', 'report', 'refi', 'io', 'store', 'server'],
};
/** Folders whose types (only: `import type`, erased at build) the browser app may use: the API's contract. */
const WEB_TYPES = ['analysis', 'store'];
/** The folders that may read and write files, open sockets and talk to the process. */
const EDGE = ['io', 'store', 'server', 'cli'];
const FILE_SYSTEM = /from 'node:(fs|fs\/promises|child_process|worker_threads)'|process\.(stdout|stderr|exit|argv)/;
const NODE_MODULE = /from 'node:|require\(/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('src/ layering', () => {
  const files = sources('src').filter((f) => f.split('/').length > 2);

  it('knows every folder of src/', () => {
    const folders = readdirSync('src').filter((name) => statSync(join('src', name)).isDirectory());
    expect(folders.filter((f) => !(f in ALLOWED))).toEqual([]);
  });

  it.each(files)('%s imports only what its layer may', (file) => {
    const layer = relative('src', file).split('/')[0];
    const text = readFileSync(file, 'utf8');
    const imports = [...text.matchAll(/^(?:import|export) (type )?[^;]*?from '(\.[^']+)'/gms)].map((m) => ({
      typeOnly: m[1] !== undefined,
      target: relative('src', join(file, '..', m[2])).split('/')[0],
    }));
    const allowed = (i: { typeOnly: boolean; target: string }) =>
      i.target === layer || ALLOWED[layer]?.includes(i.target) || (layer === 'web' && i.typeOnly && WEB_TYPES.includes(i.target));
    const bad = imports.filter((i) => !allowed(i)).map((i) => i.target);
    expect(bad, `${file} imports ${bad.join(', ')}`).toEqual([]);
    if (!EDGE.includes(layer)) expect(FILE_SYSTEM.test(text), `${file} touches the file system or the process`).toBe(false);
    if (layer === 'web') expect(NODE_MODULE.test(text), `${file} runs in the browser: no node: modules`).toBe(false);
    if (layer === 'web')
      expect(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/.test(text), `${file} writes HTML from strings`).toBe(false);
  });
});
