import type { AddressInfo } from 'node:net';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatrixRole } from '../helpers/domain-fixtures.ts';
import { type ObjectKind, World } from './matrix-world.ts';
import { Generator, type OpenApiDocument, type Operation, Random } from './openapi-generator.ts';

/**
 * Fuzzing from the OpenAPI document, over real HTTP: ≥ 10,000 requests generated from the
 * documented parameters and bodies (valid, and mutated a third of the time), seeded, as several
 * callers, against a listening server. No answer may be 5xx; each status must be documented for
 * its route, each body must match the documented schema for that status and content type (ajv),
 * and every 4xx must be application/problem+json. Some requests carry stale or malformed
 * If-Match, If-None-Match and If-Modified-Since headers.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const CONCURRENCY = 8;
const ROLES: MatrixRole[] = ['admin', 'secretariat', 'officerOwn', 'member', 'anonymous'];

/** Rendering and publishing are costly (and rate-limited): drawn less often. */
const EXPENSIVE = /\.pdf$|\/pdf$|\.html$|publish|corrections|import-notes|render-jobs|search|\.atom$|\.ics$/;

/** Which table a path segment's {id} or a property name refers to. */
const SEGMENT_TABLE: Record<string, string> = {
  meetings: 'meetings',
  boards: 'boards',
  'agenda-items': 'agenda_items',
  papers: 'papers',
  questions: 'questions',
  actions: 'actions',
  attendance: 'attendance',
  declarations: 'declarations',
  plans: 'plans',
  commitments: 'commitments',
  decisions: 'decisions',
  users: 'users',
  people: 'people',
  organisations: 'organisations',
  'render-jobs': 'render_batches',
};
const NAME_TABLE: Record<string, string> = {
  boardId: 'boards',
  meetingId: 'meetings',
  atMeetingId: 'meetings',
  itemId: 'agenda_items',
  forItemId: 'agenda_items',
  personId: 'people',
  ownerPersonId: 'people',
  organisationId: 'organisations',
  ownerOrganisationId: 'organisations',
  actionId: 'actions',
  questionId: 'questions',
  actorUserId: 'users',
  ratingId: 'commitment_ratings',
  linkId: 'commitment_links',
  updateId: 'action_updates',
  id: 'meetings',
};

/** If-Match / If-None-Match values that are stale, odd or not entity tags at all. */
const MALFORMED_TAGS = [
  '"0"',
  'W/"stale:999"',
  'W/',
  '"',
  '""',
  ',',
  'garbage',
  '"a", W/"b"',
  'x'.repeat(300),
];
/** If-Modified-Since values: the future, the distant past, and things that are not HTTP dates. */
const ODD_DATES = [
  'Tue, 24 Mar 2099 10:00:00 GMT',
  'Thu, 01 Jan 1970 00:00:00 GMT',
  'yesterday',
  '0',
  '2026-13-45',
];

interface Outcome {
  key: string;
  status: number;
  problem?: string;
}

describe('fuzzing from the OpenAPI document', () => {
  let w: World;
  let base: string;
  let doc: OpenApiDocument;
  const pools: Record<string, string[]> = {};
  const validators = new Map<string, ValidateFunction>();
  let ajv: Ajv2020;

  beforeAll(async () => {
    w = await World.create();
    // Objects of every kind for the requests to find: public, other board's, exempt, OPCC-only.
    for (const kind of ['own', 'other', 'exempt', 'opcc-only'] as ObjectKind[]) {
      await w.question(kind);
      await w.evidence(kind);
      await w.paper(kind);
      await w.attendance(kind);
      await w.declaration(kind);
      await w.link(kind);
      await w.rating();
    }
    for (const kind of ['own', 'other'] as ObjectKind[]) {
      await w.decision(kind, { published: true });
      await w.decision(kind);
      await w.notes(kind, 'published');
      await w.renderJob(kind);
    }
    for (let i = 0; i < 5; i++) await w.user();
    const protectedUsers = new Set(Object.values(w.users).map((u) => u.id));
    const tables = new Set([...Object.values(SEGMENT_TABLE), ...Object.values(NAME_TABLE)]);
    for (const table of tables) {
      const rows = await w.db
        .selectFrom(table as 'meetings')
        .select('id')
        .orderBy('id')
        .execute();
      // Never the callers themselves: a generated PATCH /users/{id} could take their roles away.
      pools[table] = rows.map((r) => String(r.id)).filter((id) => !protectedUsers.has(id));
    }
    await w.t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(w.t.app.server.address() as AddressInfo).port}`;
    doc = (await (await fetch(`${base}/openapi.json`)).json()) as OpenApiDocument;
    ajv = new Ajv2020({ strict: false, allErrors: false });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'doc', components: doc.components });
  }, 120_000);
  afterAll(() => w?.close());

  function validator(key: string, schema: unknown): ValidateFunction {
    let v = validators.get(key);
    if (!v) {
      const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/'));
      v = ajv.compile(rebased);
      validators.set(key, v);
    }
    return v;
  }

  async function one(i: number, ops: [string, string, Operation][]): Promise<Outcome> {
    const r = new Random(SEED * 7919 + i);
    const [path, method, op] = r.pick(ops);
    const idFor = (name: string, context: string) => {
      const table = name === 'id' ? SEGMENT_TABLE[context] : NAME_TABLE[name];
      const pool = table ? pools[table] : undefined;
      return pool?.length && r.chance(0.85) ? r.pick(pool) : undefined;
    };
    const g = new Generator(doc, r, idFor);
    const mutate = r.chance(1 / 3);
    let url = path;
    const query = new URLSearchParams();
    const headers: Record<string, string> = {};
    for (const p of op.parameters ?? []) {
      if (p.in === 'path') {
        const context = path.split('/').at(path.split('/').indexOf(`{${p.name}}`) - 1) ?? '';
        let v = String(g.value(p.schema, p.name, context));
        if (mutate && r.chance(0.3)) v = String(g.mutant(v, p.schema));
        url = url.replace(`{${p.name}}`, encodeURIComponent(v.slice(0, 2_000)));
      } else if (p.in === 'query' && (p.required || r.chance(0.5))) {
        let v = g.value(p.schema, p.name, '');
        if (mutate && r.chance(0.3)) v = g.mutant(v, p.schema);
        query.set(p.name, typeof v === 'string' ? v.slice(0, 5_000) : JSON.stringify(v));
      }
    }
    const role = r.pick(ROLES);
    if (role !== 'anonymous') headers.authorization = `Bearer ${w.users[role].token}`;
    if (method === 'patch' && r.chance(0.8)) {
      const id = url.split('/').at(-1);
      headers['if-match'] = r.chance(0.8) ? `W/"${id}:${r.int(1, 2)}"` : r.pick(MALFORMED_TAGS);
    } else if (method !== 'get' && r.chance(0.1)) {
      headers['if-match'] = r.pick(MALFORMED_TAGS);
    }
    // Conditional reads: validators that match nothing, or are not validators at all.
    if (method === 'get' && r.chance(0.2)) headers['if-none-match'] = r.pick(MALFORMED_TAGS);
    if (method === 'get' && r.chance(0.1)) headers['if-modified-since'] = r.pick(ODD_DATES);
    let body: string | undefined;
    const jsonBody = op.requestBody?.content['application/json']?.schema;
    if (jsonBody) {
      let v = g.value(jsonBody, '', path);
      if (mutate && r.chance(0.7)) v = g.mutant(v, jsonBody);
      body = JSON.stringify(v);
      headers['content-type'] = 'application/json';
    } else if (method !== 'get' && method !== 'delete' && r.chance(0.3)) {
      body = JSON.stringify({ unexpected: true });
      headers['content-type'] = 'application/json';
    }
    const target = `${base}${url}${query.size ? `?${query}` : ''}`;
    const key = `${method.toUpperCase()} ${path}`;
    const res = await fetch(target, { method: method.toUpperCase(), headers, body, redirect: 'manual' });
    const text = await res.text();
    const status = res.status;
    const where = `${key} → ${status} (${method.toUpperCase()} ${url.slice(0, 120)}, request ${i})`;
    if (status >= 500)
      return { key, status, problem: `${where}: ${text.slice(0, 200)} — body ${body?.slice(0, 300)}` };
    const documented = op.responses[String(status)];
    if (!documented) return { key, status, problem: `${where}: status not documented` };
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
    if (status >= 400 && type !== 'application/problem+json') {
      return { key, status, problem: `${where}: ${type} instead of application/problem+json` };
    }
    if (status === 204 || status === 304) return { key, status };
    const content = documented.content;
    if (!content) return { key, status, problem: `${where}: no content type documented, got ${type}` };
    const media = content[type];
    if (!media) return { key, status, problem: `${where}: ${type} not documented (${Object.keys(content)})` };
    if (type.endsWith('json') && media.schema) {
      const validate = validator(`${key} ${status} ${type}`, media.schema);
      if (!validate(JSON.parse(text))) {
        return {
          key,
          status,
          problem: `${where}: ${ajv.errorsText(validate.errors)} in ${text.slice(0, 200)}`,
        };
      }
    }
    return { key, status };
  }

  it(`answers ${REQUESTS} generated requests without a 5xx, as documented`, async () => {
    const ops: [string, string, Operation][] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const weight = EXPENSIVE.test(path) ? 1 : 6;
        for (let k = 0; k < weight; k++) ops.push([path, method, op]);
      }
    }
    const started = Date.now();
    const outcomes: Outcome[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < REQUESTS) outcomes.push(await one(next++, ops));
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const byStatus = new Map<number, number>();
    for (const o of outcomes) byStatus.set(o.status, (byStatus.get(o.status) ?? 0) + 1);
    const routes = new Set(outcomes.map((o) => o.key));
    console.log(
      `fuzz: ${outcomes.length} requests to ${routes.size} operations in ${seconds.toFixed(1)} s ` +
        `(seed ${SEED}); statuses ${JSON.stringify(Object.fromEntries([...byStatus].sort((a, b) => a[0] - b[0])))}`,
    );
    const problems = [...new Set(outcomes.flatMap((o) => (o.problem ? [o.problem] : [])))];
    expect(problems.slice(0, 40), `${problems.length} problems`).toEqual([]);
    expect(outcomes.length).toBe(REQUESTS);
    expect(outcomes.filter((o) => o.status < 300).length, 'some requests must succeed').toBeGreaterThan(
      REQUESTS / 10,
    );
  }, 300_000);
});
