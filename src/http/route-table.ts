/**
 * Why this exists: routes are registered in several places (app.ts, the web plugin, plugins that
 * register others), so this records every one as Fastify adds it, with the file that added it. The
 * OpenAPI and authorisation tests walk the table; `npm run routes` and docs/routes.md print it.
 */
import path from 'node:path';
import type { FastifyInstance, HTTPMethods } from 'fastify';

export interface RouteEntry {
  method: string;
  url: string;
  /** Routes hidden from the OpenAPI document (the document itself, static assets). */
  hidden: boolean;
  /** The file that registered the route (relative to the repository), or the npm package that did. */
  source: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, as declared: what the OpenAPI and authorisation tests walk. */
    routeTable: RouteEntry[];
  }
}

const root = path.resolve(import.meta.dirname, '../..');
const self = path.join('src', 'http', 'route-table.ts');

/**
 * Who called app.route(): onRoute hooks run synchronously inside it, so the caller is on the stack.
 * The first frame in the repository's own files wins; else the first npm package (a plugin such as
 * @fastify/swagger-ui registering its own routes).
 */
function registeringSource(): string {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 50;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  let pkg: string | undefined;
  for (const match of stack.matchAll(/\(?((?:file:\/\/)?\/[^():]+):\d+:\d+\)?$/gm)) {
    const file = match[1]!.replace(/^file:\/\//, '');
    const nm = file.lastIndexOf('/node_modules/');
    if (nm >= 0) {
      const parts = file.slice(nm + '/node_modules/'.length).split('/');
      const name = parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
      if (!pkg && name !== 'fastify' && name !== 'avvio') pkg = name;
      continue;
    }
    if (!file.startsWith(root + path.sep)) continue;
    const relative = path.relative(root, file);
    if (relative !== self) return relative.split(path.sep).join('/');
  }
  return pkg ?? 'unknown';
}

/** Call before any route is registered: onRoute hooks only see routes added after them. */
export function recordRoutes(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]) as HTTPMethods[];
    const schema = route.schema as { hide?: boolean } | undefined;
    const source = registeringSource();
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      table.push({ method, url: route.url, hidden: schema?.hide === true, source });
    }
  });
}

/** The table sorted by path, then method: the order `npm run routes` and docs/routes.md use. */
export function sortedRoutes(table: readonly RouteEntry[]): RouteEntry[] {
  return [...table].sort((a, b) =>
    a.url === b.url ? a.method.localeCompare(b.method) : a.url < b.url ? -1 : 1,
  );
}

/** docs/routes.md: every route of the app, with the file that registers it. */
export function renderRouteList(table: readonly RouteEntry[]): string {
  const rows = sortedRoutes(table).map(
    (r) => `| ${r.method} | \`${r.url}\` | ${r.source}${r.hidden ? ' (not in OpenAPI)' : ''} |`,
  );
  return [
    '# Routes',
    '',
    'Every route the application registers, with the file that registers it. Generated from the',
    'running app (src/http/route-table.ts): print it with `npm run routes`; test/foundation/route-list.test.ts',
    'fails when this file differs, and `ROUTES_RECORD=1` on that test rewrites it.',
    '',
    `${table.length} routes (HEAD and OPTIONS, which Fastify adds, are left out).`,
    '',
    '| Method | Path | Registered in |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
