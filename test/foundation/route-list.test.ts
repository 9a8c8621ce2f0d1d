import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRouteList } from '../../src/http/route-table.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

/**
 * docs/routes.md is the one list of every route, wherever it is registered (app.ts, the web plugin,
 * plugins registering others). It is what the running app registers, or this fails; re-record with
 * ROUTES_RECORD=1 npx vitest run test/foundation/route-list.test.ts (or: npm run routes -- --markdown).
 */
const routesFile = path.resolve(import.meta.dirname, '../../docs/routes.md');

describe('docs/routes.md', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('lists exactly the routes the app registers, each with the file that registers it', () => {
    const rendered = renderRouteList(t.app.routeTable);
    if (process.env.ROUTES_RECORD === '1') writeFileSync(routesFile, rendered);
    expect(readFileSync(routesFile, 'utf8'), 'routes changed: re-record with ROUTES_RECORD=1').toBe(rendered);
  });

  it('knows who registered every route', () => {
    expect(t.app.routeTable.filter((r) => r.source === 'unknown')).toEqual([]);
    expect(t.app.routeTable.find((r) => r.url === '/api/v1/boards' && r.method === 'GET')?.source).toBe(
      'src/modules/boards/routes.ts',
    );
  });
});
