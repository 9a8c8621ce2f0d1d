/**
 * Static files of the web pages (CSS, a few ES modules, the Source Sans 3 web fonts), read once at
 * start-up and served from memory. URLs written by templates carry the file's hash (?v=…), so they can
 * be cached for a year; a request without the current hash revalidates (ETag, 304).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

export const ASSETS_DIR = fileURLToPath(new URL('./assets/', import.meta.url));
export const ASSETS_PREFIX = '/assets/';

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The web faces of Source Sans 3 (latin subset), served under fonts/. */
const FONT_FILES = [400, 600, 700].map((weight) => `source-sans-3-latin-${weight}-normal.woff2`);

export interface Asset {
  body: Buffer;
  contentType: string;
  hash: string;
}

export interface AssetStore {
  /** The cache-busting URL of an asset, e.g. /assets/css/boardroom.css?v=1a2b3c4d5e */
  url(name: string): string;
  get(name: string): Asset | undefined;
  names(): string[];
}

function walk(dir: string, base = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, base), { withFileTypes: true })) {
    const rel = base ? `${base}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...walk(dir, rel));
    else out.push(rel);
  }
  return out;
}

function asset(body: Buffer, name: string): Asset | undefined {
  const contentType = CONTENT_TYPES[path.extname(name)];
  if (!contentType) return undefined;
  return { body, contentType, hash: createHash('sha256').update(body).digest('hex').slice(0, 12) };
}

export function loadAssets(dir: string = ASSETS_DIR): AssetStore {
  const files = new Map<string, Asset>();
  for (const rel of walk(dir)) {
    const found = asset(readFileSync(path.join(dir, rel)), rel);
    if (found) files.set(rel, found);
  }
  const require = createRequire(import.meta.url);
  const fontsDir = path.join(
    path.dirname(require.resolve('@fontsource/source-sans-3/package.json')),
    'files',
  );
  for (const font of FONT_FILES) {
    files.set(`fonts/${font}`, asset(readFileSync(path.join(fontsDir, font)), font)!);
  }
  return {
    url(name) {
      const found = files.get(name);
      if (!found) throw new Error(`No web asset "${name}"`);
      return `${ASSETS_PREFIX}${name}?v=${found.hash}`;
    },
    get: (name) => files.get(name),
    names: () => [...files.keys()],
  };
}

/** GET /assets/* from memory, with the right content type and caching. */
export function registerAssetRoutes(app: FastifyInstance, store: AssetStore): void {
  app.get(`${ASSETS_PREFIX}*`, async (request, reply) => {
    const [pathname = '', search = ''] = request.url.slice(ASSETS_PREFIX.length).split('?');
    const found = store.get(decodeURIComponent(pathname));
    if (!found) {
      return reply
        .code(404)
        .type('text/plain; charset=utf-8')
        .header('cache-control', 'no-store')
        .send('Not found');
    }
    const etag = `"${found.hash}"`;
    const versioned = new URLSearchParams(search).get('v') === found.hash;
    reply
      .header('content-type', found.contentType)
      .header('etag', etag)
      .header('x-content-type-options', 'nosniff')
      .header(
        'cache-control',
        versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
      );
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.send(found.body);
  });
}
