import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A file of the browser app, held in memory. */
export interface Asset {
  type: string;
  body: Buffer;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * The bundled browser app (`dist/web/` of the package, made by `npm run build`), by URL path.
 * Read once at start: the server never reads a path taken from a request.
 */
export function loadAssets(dir = defaultAssetDir()): Map<string, Asset> {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`the workbench's browser files are missing in ${dir}: run \`npm run build\` first`);
  }
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)];
    if (type) assets.set(`/${name}`, { type, body: readFileSync(join(dir, name)) });
  }
  return assets;
}

/** `dist/web` beside this package's `dist/server` (or under the package root when run from source). */
function defaultAssetDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'web');
}
