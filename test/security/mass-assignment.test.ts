import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatrixRole } from '../helpers/domain-fixtures.ts';
import { matrixRequests } from './matrix-requests.ts';
import { columns, readMatrix } from './matrix-table.ts';
import { type MatrixRequest, nextAddress, World } from './matrix-world.ts';

/**
 * Mass assignment: every JSON write route, given its valid body plus fields it does not declare
 * (privileged ones such as id, status, boardId, role, passwordHash, version, publishedAt, and
 * `__proto__` / `constructor`), at the top level or inside any nested object, as a caller who may
 * do the write itself (the first allowed one in docs/authorisation-matrix.md). The request must be
 * refused with 400 and change no row; the same body
 * without the extra fields is then accepted, so the 400 was the extra fields' doing.
 */
const PRIVILEGED = [
  'id',
  'createdAt',
  'updatedAt',
  'status',
  'reference',
  'boardId',
  'meetingId',
  'ownerOrganisationId',
  'organisationId',
  'role',
  'roles',
  'isAdmin',
  'admin',
  'passwordHash',
  'password_hash',
  'tokenVersion',
  'version',
  'publishedAt',
  'published_at',
  'createdBy',
  'created_by',
  'confidentiality',
  'board_id',
  'owner_organisation_id',
  '__proto__',
  'constructor',
  'prototype',
];
const RUNS = Number(process.env.MASS_ASSIGNMENT_RUNS ?? 20);

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
};
interface OpenApi {
  paths: Record<
    string,
    Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
  >;
  components: { schemas: Record<string, JsonSchema> };
}

/** The declared properties of the object at `path` inside the body, following $ref, items and anyOf. */
function declared(spec: OpenApi, schema: JsonSchema | undefined, path: (string | number)[]): Set<string> {
  let s = schema;
  const resolve = (x: JsonSchema | undefined): JsonSchema | undefined => {
    if (x?.$ref) return resolve(spec.components.schemas[x.$ref.split('/').pop()!]);
    if (x?.anyOf) return resolve(x.anyOf.find((a) => a.type !== 'null'));
    return x;
  };
  for (const step of path) {
    s = resolve(s);
    s = typeof step === 'number' ? s?.items : s?.properties?.[step];
  }
  return new Set(Object.keys(resolve(s)?.properties ?? {}));
}

/** Every object inside the body, with its path. */
function objectPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...path, i]));
  if (value && typeof value === 'object') {
    return [path, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...path, k]))];
  }
  return [];
}

/** A deep copy of the body with the extra fields set as own properties (so `__proto__` is a real key). */
function withExtras(body: unknown, path: (string | number)[], extras: [string, unknown][]): unknown {
  const copy = JSON.parse(JSON.stringify(body));
  let target = copy;
  for (const step of path) target = target[step];
  for (const [k, v] of extras)
    Object.defineProperty(target, k, { value: v, enumerable: true, writable: true });
  return copy;
}

const extraValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.uuid(),
  fc.constantFrom('admin', 'published', 'closed', 'opcc_only', '2020-01-01T00:00:00Z'),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 8 }), fc.boolean()), {
    maxKeys: 3,
  }),
);

/** Each JSON write route on its `own` (or board-less) object, as the first caller the matrix lets do it. */
const matrix = readMatrix();
const writeRoutes = Object.entries(matrixRequests)
  .filter(([route]) => /^(POST|PUT|PATCH) /.test(route))
  .map(([route, perObject]) => {
    const object = perObject.own ? 'own' : '-';
    const row = matrix.find((r) => r.route === route && r.object === object);
    const actor = columns.find((c) => row && row.expect[c.role] < 300)?.role;
    if (!actor) throw new Error(`${route}: nobody may call it in docs/authorisation-matrix.md`);
    return { route, actor, build: perObject[object]! };
  });

describe('mass assignment', () => {
  let w: World;
  let total = 0;
  let routes = 0;
  let spec: OpenApi;
  beforeAll(async () => {
    w = await World.create();
    spec = (await w.t.app.inject('/openapi.json')).json() as OpenApi;
  });
  afterAll(async () => {
    console.log(`mass assignment: ${total} requests with undeclared fields over ${routes} JSON write routes`);
    await w?.close();
  });

  const send = (req: MatrixRequest, body: unknown, actor: MatrixRole) =>
    w.t.request({
      method: req.method,
      url: req.url,
      headers: { ...req.headers, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
      remoteAddress: nextAddress(),
      as: actor === 'anonymous' ? undefined : w.users[actor],
    });

  it.for(writeRoutes)('$route as $actor', async ({ route, actor, build }, ctx) => {
    const [method, url] = route.split(' ') as [string, string];
    const schema =
      spec.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()]?.requestBody?.content[
        'application/json'
      ]?.schema;
    if (!schema) return ctx.skip(); // no JSON body (a state change, or a multipart upload)
    const req = await build(w);
    const paths = objectPaths(req.payload);
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.uniqueArray(
          fc.tuple(fc.oneof(fc.constantFrom(...PRIVILEGED), fc.string({ minLength: 1 })), extraValue),
          {
            minLength: 1,
            maxLength: 4,
            selector: ([k]) => k,
          },
        ),
        async (path, candidates) => {
          const allowed = declared(spec, schema, path);
          const extras = candidates.filter(([k]) => !allowed.has(k));
          fc.pre(extras.length > 0);
          tried++;
          total++;
          const before = await w.fingerprint();
          const res = await send(req, withExtras(req.payload, path, extras), actor);
          const after = await w.fingerprint();
          const what = `${route} with ${JSON.stringify(Object.fromEntries(extras))} at ${JSON.stringify(path)}`;
          expect(res.statusCode, `${what}: ${res.body.slice(0, 200)}`).toBe(400);
          expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
          expect(after, `${what} changed the database`).toEqual(before);
        },
      ),
      {
        numRuns: RUNS,
        seed: 8,
        endOnFailure: true,
        // Always, besides the generated cases: prototype pollution and a privilege at the top level.
        examples: [
          [[], [['__proto__', { isAdmin: true, status: 'closed' }]]],
          [[], [['constructor', { prototype: { isAdmin: true } }]]],
          [
            [],
            [
              ['id', '00000000-0000-4000-8000-000000000000'],
              ['version', 99],
            ],
          ],
        ],
      },
    );
    expect(tried).toBeGreaterThan(0);
    routes++;
    // The valid body alone is accepted: the refusals were the extra fields' doing.
    const res = await send(req, req.payload, actor);
    expect(res.statusCode, `${route} valid body: ${res.body.slice(0, 200)}`).toBeLessThan(300);
  });
});
