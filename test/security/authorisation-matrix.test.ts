import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatrixRole } from '../helpers/domain-fixtures.ts';
import { matrixRequests } from './matrix-requests.ts';
import {
  columns,
  MATRIX_FILE,
  type MatrixRow,
  readMatrix,
  renderMatrix,
  writeMatrix,
} from './matrix-table.ts';
import { objectKinds, World } from './matrix-world.ts';

/**
 * Every /api/v1 route × every object kind it applies to × every kind of caller, against the table
 * in docs/authorisation-matrix.md. Each cell is one request on fresh objects; a refused write must
 * leave every row of every table as it was.
 */
const record = process.env.MATRIX_RECORD === '1';
/** Writes that may succeed without changing a row: a dry-run import. */
const readOnlyWrites = new Set(['POST /api/v1/boards/:id/import-notes']);
const expected = readMatrix();
const key = (route: string, object: string) => `${route} [${object}]`;
const expectedByKey = new Map(expected.map((r) => [key(r.route, r.object), r]));

const cases: { route: string; object: (typeof objectKinds)[number] }[] = Object.entries(
  matrixRequests,
).flatMap(([route, perObject]) =>
  objectKinds.filter((k) => perObject[k]).map((object) => ({ route, object })),
);

describe('authorisation matrix', () => {
  let w: World;
  const observed: MatrixRow[] = [];
  beforeAll(async () => {
    w = await World.create();
  });
  afterAll(async () => {
    if (record) {
      const order = new Map(cases.map((c, i) => [key(c.route, c.object), i]));
      observed.sort((a, b) => order.get(key(a.route, a.object))! - order.get(key(b.route, b.object))!);
      writeMatrix(observed);
    }
    await w?.close();
  });

  it('classifies every /api/v1 route, and nothing else', () => {
    const routes = new Set(
      w.t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/')).map((r) => `${r.method} ${r.url}`),
    );
    const built = new Set(Object.keys(matrixRequests));
    expect(
      [...routes].filter((r) => !built.has(r)),
      'routes with no request in matrix-requests.ts',
    ).toEqual([]);
    expect(
      [...built].filter((r) => !routes.has(r)),
      'requests for routes that do not exist',
    ).toEqual([]);
    if (!record) {
      const inTable = new Set(expected.map((r) => r.route));
      expect(
        [...routes].filter((r) => !inTable.has(r)),
        'routes missing from docs/authorisation-matrix.md',
      ).toEqual([]);
      // The file is exactly what the table renders to: its header and cell count cannot drift either.
      expect(readFileSync(MATRIX_FILE, 'utf8')).toBe(renderMatrix(expected));
      expect(expected.map((r) => key(r.route, r.object)).sort()).toEqual(
        cases.map((c) => key(c.route, c.object)).sort(),
      );
    }
  });

  it.each(cases)('$route [$object]', async ({ route, object }) => {
    const build = matrixRequests[route]![object]!;
    const want = expectedByKey.get(key(route, object));
    if (!want && !record) throw new Error(`${key(route, object)} is not in docs/authorisation-matrix.md`);
    const got = {} as Record<MatrixRole, number>;
    const problems: string[] = [];
    for (const { role } of columns) {
      const req = await build(w);
      const isWrite = req.method !== 'GET';
      const before = isWrite ? await w.fingerprint() : undefined;
      const res = await w.request(role, req);
      got[role] = res.statusCode;
      if (want && !record && res.statusCode !== want.expect[role]) {
        problems.push(
          `${role}: expected ${want.expect[role]}, got ${res.statusCode} ${res.body.slice(0, 160)}`,
        );
      }
      if (res.statusCode >= 500) problems.push(`${role}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      if (
        res.statusCode >= 400 &&
        !String(res.headers['content-type']).startsWith('application/problem+json')
      ) {
        problems.push(`${role}: ${res.statusCode} is not problem+json`);
      }
      if (before) {
        const after = await w.fingerprint();
        const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
        if (res.statusCode >= 400 && changed.length) {
          problems.push(`${role}: refused (${res.statusCode}) but changed ${changed.join(', ')}`);
        }
        // The other way round, so a fingerprint that saw nothing could not pass for "unchanged".
        if (res.statusCode < 300 && !changed.length && !readOnlyWrites.has(route)) {
          problems.push(`${role}: ${res.statusCode} but nothing changed`);
        }
      }
    }
    observed.push({ route, object, expect: got });
    expect(problems).toEqual([]);
  });
});
