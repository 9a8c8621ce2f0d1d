/**
 * A pathological document: 10 MB of text in 100,000 list items. At the API the body limit refuses it
 * (413). Put straight into the database, or handed to the renderer directly, it fails cleanly within
 * the render deadline (503 problem+json, RenderTimeoutError), while a normal render and API requests
 * on the same process and the same Chromium pool carry on; afterwards the pool still renders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentRenderer } from '../../src/documents/render/document-renderer.ts';
import { RenderTimeoutError } from '../../src/documents/render/render-errors.ts';
import { createTemplateEngine } from '../../src/documents/render/templates.ts';
import { trustSanitisedHtml } from '../../src/documents/render/view-models.ts';
import { todayInLondon } from '../../src/time/london.ts';
import { insertReferenceMeeting, type ReferenceMeeting } from '../documents/fixtures.ts';
import { createDocumentsTestApp, type DocumentsTestApp } from '../documents/harness.ts';
import { expectProblem } from '../helpers/app.ts';
import { referenceActionLog, referenceNotes } from '../render/fixtures.ts';

const RENDER_TIMEOUT_MS = 8_000;
const ITEMS = 100_000;
const FILLER =
  'the force will report back on progress at the next meeting of the board, with figures. '.repeat(2);
/** 100 characters each: 100,000 of them make 10 MB of text. */
const listItem = (n: number) => `Point ${n}: ${FILLER}`.slice(0, 100);
const hugeListHtml = () =>
  `<ul>${Array.from({ length: ITEMS }, (_, n) => `<li>${listItem(n)}</li>`).join('')}</ul>`;

interface Timed<T> {
  ms: number;
  /** performance.now() when it settled. */
  end: number;
  value?: T;
  error?: unknown;
}

async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const started = performance.now();
  try {
    const value = await work();
    return { ms: Math.round(performance.now() - started), end: performance.now(), value };
  } catch (error) {
    return { ms: Math.round(performance.now() - started), end: performance.now(), error };
  }
}

/** Repeats a cheap API request until `until` settles; returns the slowest answer and the statuses. */
async function apiWhile(t: DocumentsTestApp, token: string, until: Promise<unknown>) {
  let done = false;
  void until.finally(() => {
    done = true;
  });
  let slowest = 0;
  const statuses = new Set<number>();
  let count = 0;
  while (!done) {
    const started = performance.now();
    const res = await t.request({ method: 'GET', url: '/api/v1/auth/me', as: token });
    slowest = Math.max(slowest, performance.now() - started);
    statuses.add(res.statusCode);
    count += 1;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { slowestMs: Math.round(slowest), statuses: [...statuses], count };
}

describe('a pathological document (10 MB, 100,000 list items)', () => {
  let t: DocumentsTestApp;
  let ref: ReferenceMeeting;
  let token: string;
  beforeAll(async () => {
    t = await createDocumentsTestApp({ RENDER_TIMEOUT_MS: String(RENDER_TIMEOUT_MS), RENDER_POOL_SIZE: '2' });
    ref = await insertReferenceMeeting(t.database.db, todayInLondon());
    token = await t.user({ roles: ['secretariat'], boards: [ref.boardId] });
    // Chromium up before anything is timed.
    const warm = await t.request({
      method: 'GET',
      url: `/api/v1/boards/${ref.boardId}/action-log.pdf`,
      as: token,
    });
    expect(warm.statusCode).toBe(200);
  });
  afterAll(() => t?.close());

  it('is refused at the API by the body limit: 413 problem+json', async () => {
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/meetings/${ref.meetingId}/agenda`,
      as: token,
      payload: { title: 'Pathological', bodyHtml: hugeListHtml() },
    });
    expectProblem(res, 413);
  });

  it('in the database: the notes PDF fails with 503 within the deadline while other work carries on', async () => {
    const body = hugeListHtml();
    expect(body.length).toBeGreaterThan(10_000_000);
    await t.database.db
      .insertInto('agenda_items')
      .values({
        meeting_id: ref.meetingId,
        position: 99,
        title: 'Pathological item',
        kind: 'report',
        body_html: body,
        body_text: body.replace(/<[^>]+>/g, ' '),
        presenters: JSON.stringify([]),
        confidentiality: 'public',
        exempt_reason: null,
      })
      .execute();

    const timedOutBefore = t.documents.pool.stats().timedOutRenders;
    const huge = timed(() =>
      t.request({ method: 'GET', url: `/api/v1/meetings/${ref.meetingId}/notes.pdf`, as: token }),
    );
    await new Promise((r) => setTimeout(r, 500));
    const [normal, api] = await Promise.all([
      timed(() =>
        t.request({
          method: 'GET',
          url: `/api/v1/boards/${ref.boardId}/action-log.pdf?to=2099-12-31`,
          as: token,
        }),
      ),
      apiWhile(t, token, huge),
    ]);
    const hugeResult = await huge;
    console.log(
      '[pathological:api]',
      JSON.stringify({
        hugeMs: hugeResult.ms,
        hugeStatus: hugeResult.value?.statusCode,
        normalPdfMs: normal.ms,
        api,
        timedOut: t.documents.pool.stats().timedOutRenders - timedOutBefore,
      }),
    );
    expect(hugeResult.error).toBeUndefined();
    const problem = expectProblem(hugeResult.value!, 503);
    expect(problem.detail).toMatch(/could not be produced/);
    expect(hugeResult.ms).toBeLessThan(RENDER_TIMEOUT_MS + 5_000);
    expect(normal.value?.statusCode).toBe(200);
    expect(normal.value?.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Meanwhile: done while the pathological one still holds its page.
    expect(normal.end).toBeLessThan(hugeResult.end);
    expect(api.statuses).toEqual([200]);
    expect(api.slowestMs).toBeLessThan(1_000);
  });

  it('through the render module: RenderTimeoutError within the deadline, the pool keeps serving', async () => {
    const renderer = createDocumentRenderer({ pool: t.documents.pool, engine: createTemplateEngine() });
    const vm = referenceNotes();
    const target = vm.items[2]!;
    const pathological = {
      ...vm,
      items: [
        ...vm.items.slice(0, 2),
        {
          ...target,
          bodyHtml: trustSanitisedHtml(hugeListHtml()),
          updatePoints: Array.from({ length: ITEMS }, (_, n) => listItem(n)),
        },
        ...vm.items.slice(3),
      ],
    };
    const stats = t.documents.pool.stats();
    const huge = timed(() => renderer.renderNotes(pathological));
    await new Promise((r) => setTimeout(r, 500));
    const [normal, api] = await Promise.all([
      timed(() => renderer.renderActionLog(referenceActionLog())),
      apiWhile(t, token, huge),
    ]);
    const hugeResult = await huge;
    const after = await timed(() => renderer.renderNotes(referenceNotes()));
    const now = t.documents.pool.stats();
    console.log(
      '[pathological:render]',
      JSON.stringify({
        hugeMs: hugeResult.ms,
        hugeError: (hugeResult.error as Error | undefined)?.name,
        normalRenderMs: normal.ms,
        afterMs: after.ms,
        api,
        timedOut: now.timedOutRenders - stats.timedOutRenders,
        browserLaunches: now.browserLaunches - stats.browserLaunches,
      }),
    );
    expect(hugeResult.error).toBeInstanceOf(RenderTimeoutError);
    expect(hugeResult.ms).toBeLessThan(RENDER_TIMEOUT_MS + 5_000);
    expect(normal.error).toBeUndefined();
    expect(normal.end).toBeLessThan(hugeResult.end);
    expect(api.statuses).toEqual([200]);
    expect(api.slowestMs).toBeLessThan(1_000);
    expect(after.error).toBeUndefined();
    expect(after.value?.pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
