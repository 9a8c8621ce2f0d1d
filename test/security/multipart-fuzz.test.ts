import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgbMeeting, MINIMAL_PDF, PNG_BYTES } from '../domain/meetings-fixtures.ts';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { nextAddress, World } from './matrix-world.ts';
import { type Browser, browserFor } from './staff-browser.ts';

/**
 * Generated multipart uploads to the papers endpoint (API) and to the staff site's action update form
 * (with evidence): odd part names, file names, content types and bytes, then the whole body broken in
 * one of several ways (truncated, wrong or missing boundary, parts without headers, bare CR/LF).
 * Whatever arrives: never a 5xx, every API refusal is problem+json, a refused upload stores nothing,
 * and an accepted one stores exactly one thing. Found: a body cut short or without its boundary was
 * a 500, on the staff form even before sign-in.
 */
const RUNS = Number(process.env.FC_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);

interface Part {
  name: string;
  filename: string | undefined;
  contentType: string | undefined;
  data: Buffer;
}

const partName = fc.oneof(
  fc.constantFrom('file', 'file', 'title', 'confidentiality', 'owner', ''),
  fc.string({ maxLength: 20 }),
);
const filename = fc.option(
  fc.oneof(
    fc.constantFrom(
      'paper.pdf',
      '../../etc/passwd',
      'a\r\nX-Evil: 1.pdf',
      'Ünïcødé ✓.pdf',
      '',
      'x'.repeat(600),
    ),
    fc.string({ maxLength: 40, unit: 'binary' }),
  ),
  { nil: undefined },
);
const contentType = fc.option(
  fc.oneof(
    fc.constantFrom(
      'application/pdf',
      'text/plain',
      'image/png',
      'application/octet-stream',
      'multipart/mixed',
    ),
    fc.string({ maxLength: 30 }),
  ),
  { nil: undefined },
);
const bytes = fc.oneof(
  fc.constant(MINIMAL_PDF),
  fc.constant(PNG_BYTES),
  fc.constant(Buffer.alloc(0)),
  fc.integer({ min: 1, max: MINIMAL_PDF.length - 1 }).map((n) => MINIMAL_PDF.subarray(0, n)),
  fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
  fc
    .constantFrom('Domestic Abuse report', 'public', 'exempt', 'opcc_only', 'x'.repeat(400))
    .map((s) => Buffer.from(s)),
);
const part: fc.Arbitrary<Part> = fc.record({ name: partName, filename, contentType, data: bytes });
/** A plain form field, as a browser sends one. */
const textPart = (name: string, value: string): Part => ({
  name,
  filename: undefined,
  contentType: undefined,
  data: Buffer.from(value),
});
/** A well-formed upload (a PDF, maybe a title and a confidentiality), so that acceptance is exercised too. */
const goodParts: fc.Arbitrary<Part[]> = fc
  .tuple(
    fc.option(fc.string({ minLength: 1, maxLength: 60 }), { nil: undefined }),
    fc.option(fc.constantFrom('public', 'exempt', 'opcc_only'), { nil: undefined }),
  )
  .map(([title, confidentiality]) => [
    ...(title === undefined ? [] : [textPart('title', title)]),
    ...(confidentiality === undefined ? [] : [textPart('confidentiality', confidentiality)]),
    { name: 'file', filename: 'paper.pdf', contentType: 'application/pdf', data: MINIMAL_PDF },
  ]);
const parts = fc.oneof(
  { weight: 1, arbitrary: goodParts },
  { weight: 2, arbitrary: fc.array(part, { minLength: 0, maxLength: 4 }) },
);

type Breakage =
  | { kind: 'none' }
  | { kind: 'truncate'; at: number }
  | { kind: 'no-closing-boundary' }
  | { kind: 'header-boundary'; value: string }
  | { kind: 'content-type'; value: string }
  | { kind: 'bare-newlines' }
  | { kind: 'headerless-part' };

const breakage: fc.Arbitrary<Breakage> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'none' as const }) },
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.constant({ kind: 'no-closing-boundary' as const }),
  fc.record({
    kind: fc.constant('header-boundary' as const),
    value: fc.oneof(fc.constantFrom('', '""', 'other', '-'.repeat(80)), fc.string({ maxLength: 75 })),
  }),
  fc.record({
    kind: fc.constant('content-type' as const),
    value: fc.constantFrom(
      'multipart/form-data',
      'multipart/form-data; boundary=',
      'multipart/mixed; boundary=B',
      'multipart/form-data; charset=utf-8',
      'application/x-www-form-urlencoded',
      'text/plain',
    ),
  }),
  fc.constant({ kind: 'bare-newlines' as const }),
  fc.constant({ kind: 'headerless-part' as const }),
);

const BOUNDARY = 'boardroomFuzzBoundary7MA4YWxkTrZu0gW';

function encode(parts: Part[], broken: Breakage): { payload: Buffer; contentType: string } {
  const nl = broken.kind === 'bare-newlines' ? '\n' : '\r\n';
  const chunks: Buffer[] = [];
  for (const [i, p] of parts.entries()) {
    const head =
      broken.kind === 'headerless-part' && i === 0
        ? ''
        : `Content-Disposition: form-data; name="${p.name}"` +
          (p.filename === undefined ? '' : `; filename="${p.filename}"`) +
          nl +
          (p.contentType === undefined ? '' : `Content-Type: ${p.contentType}${nl}`);
    chunks.push(Buffer.from(`--${BOUNDARY}${nl}${head}${nl}`, 'latin1'), p.data, Buffer.from(nl));
  }
  if (broken.kind !== 'no-closing-boundary') chunks.push(Buffer.from(`--${BOUNDARY}--${nl}`));
  let payload = Buffer.concat(chunks);
  if (broken.kind === 'truncate') payload = payload.subarray(0, broken.at % (payload.length + 1));
  const contentType =
    broken.kind === 'content-type'
      ? broken.value
      : `multipart/form-data; boundary=${broken.kind === 'header-boundary' ? broken.value : BOUNDARY}`;
  return { payload, contentType };
}

describe('multipart uploads, generated', () => {
  let t: TestApp;
  let admin: TestUser;
  let itemId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ roles: ['admin'] });
    itemId = (await buildAgbMeeting(t, admin)).itemIds[5]!;
  });
  afterAll(() => t.close());

  const stored = async () => {
    const [files, papers] = await Promise.all([
      t.database.db.selectFrom('files').select(['id', 'sha256']).orderBy('id').execute(),
      t.database.db.selectFrom('papers').select(['id', 'title', 'file_id']).orderBy('id').execute(),
    ]);
    return { files, papers };
  };

  it(`answers ${RUNS} odd or broken uploads with 201 or a problem, never a 5xx, storing nothing when refused`, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(parts, breakage, async (sent, broken) => {
        const before = await stored();
        const { payload, contentType } = encode(sent, broken);
        const res = await t.request({
          method: 'POST',
          url: `/api/v1/agenda-items/${itemId}/papers`,
          as: admin,
          headers: { 'content-type': contentType },
          payload,
        });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        expect(res.statusCode, res.body).toBeLessThan(500);
        const after = await stored();
        if (res.statusCode === 201) {
          expect(after.files).toHaveLength(before.files.length + 1);
          expect(after.papers).toHaveLength(before.papers.length + 1);
          const paper = res.json() as { id: string; filename: string };
          expect(paper.filename).toMatch(/^[^/\\\r\n]*$/);
          // Accepted means a PDF: the stored bytes start as a PDF does.
          const file = await t.database.db
            .selectFrom('files')
            .innerJoin('papers', 'papers.file_id', 'files.id')
            .select('files.data')
            .where('papers.id', '=', paper.id)
            .executeTakeFirstOrThrow();
          expect(Buffer.from(file.data).subarray(0, 5).toString('latin1')).toBe('%PDF-');
        } else {
          expect(res.statusCode).toBeGreaterThanOrEqual(400);
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(after).toEqual(before);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    console.log(`multipart fuzz: ${RUNS} uploads; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    // The generator must reach both sides: some uploads accepted, several kinds of refusal.
    expect(statuses.get(201) ?? 0).toBeGreaterThan(0);
    expect([...statuses.keys()].filter((s) => s >= 400).length).toBeGreaterThanOrEqual(3);
  }, 240_000);
});

describe('multipart forms on the staff site, generated', () => {
  let w: World;
  let actionId: string;
  let secretariat: Browser;
  let anonymous: Browser;
  beforeAll(async () => {
    w = await World.create();
    actionId = await w.action('own');
    secretariat = await browserFor(w, 'secretariat');
    anonymous = await browserFor(w, 'anonymous');
  }, 60_000);
  afterAll(() => w?.close());

  const updates = () =>
    w.db
      .selectFrom('action_updates')
      .select(['id', 'text'])
      .where('action_id', '=', actionId)
      .orderBy('id')
      .execute();

  it(`answers ${RUNS} odd or broken update forms, signed in or not, without a 5xx, storing nothing when refused`, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.boolean(), parts, breakage, async (signedIn, sent, broken) => {
        const browser = signedIn ? secretariat : anonymous;
        // The form as the page sends it: its CSRF token first, then the generated parts.
        const renamed = sent.map((p) => (p.name === 'file' ? { ...p, name: 'evidence' } : p));
        const { payload, contentType } = encode(
          [textPart('_csrf', browser.csrf), textPart('text', 'Update'), ...renamed],
          broken,
        );
        const before = await updates();
        const res = await w.t.app.inject({
          method: 'POST',
          url: `/staff/actions/${actionId}/updates`,
          headers: { cookie: browser.jar.header(), 'content-type': contentType },
          payload,
          remoteAddress: nextAddress(),
        });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
        const after = await updates();
        const saved =
          res.statusCode === 303 && String(res.headers.location).startsWith(`/staff/actions/${actionId}?`);
        expect(after.length - before.length, `${res.statusCode} ${res.headers.location}`).toBe(saved ? 1 : 0);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    console.log(
      `staff multipart fuzz: ${RUNS} forms; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(statuses.get(303) ?? 0).toBeGreaterThan(0);
  }, 240_000);
});
