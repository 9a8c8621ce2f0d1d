/**
 * npm run routes [-- --markdown]: every route of the app (METHOD PATH and the file that registers it),
 * sorted by path. Builds the app on a throw-away embedded database and never listens. --markdown
 * prints docs/routes.md as test/foundation/route-list.test.ts expects it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { pgliteParsers, wrapPglite } from '../src/db/database.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { renderRouteList, sortedRoutes } from '../src/http/route-table.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'boardroom-routes-'));
const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  JWT_SECRET: 'print-routes-only-never-signs-anything-0123456789',
  DATA_DIR: dataDir,
});
const database = wrapPglite(await PGlite.create({ parsers: pgliteParsers }));
try {
  await runMigrations(database.db);
  const app = await buildApp({ config, db: database.db });
  await app.ready();
  if (process.argv.includes('--markdown')) {
    process.stdout.write(renderRouteList(app.routeTable));
  } else {
    const routes = sortedRoutes(app.routeTable);
    const width = Math.max(...routes.map((r) => r.url.length));
    for (const r of routes) console.log(`${r.method.padEnd(7)} ${r.url.padEnd(width)}  ${r.source}`);
  }
  await app.close();
} finally {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
