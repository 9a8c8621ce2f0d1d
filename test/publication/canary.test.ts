/**
 * Nothing restricted reaches a public output. A canary string is planted in every restricted field
 * (exempt and OPCC-only items, papers, questions, actions, updates, draft notes, an open correction,
 * a draft decision); then every public route is fetched (crawled from the home page, the open data
 * and the feeds, plus searches for each canary and requests for hidden ids), and every body, header
 * and published PDF's text is searched for every canary. Hidden changes must not change any public
 * response either (bodies, ETags, counts).
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { inspectPdf } from '../render/pdf-inspect.ts';
import {
  ALL_CANARIES,
  buildPublishedMeeting,
  CANARIES,
  CANARY_STEM,
  ok,
  type PublishedMeeting,
  post,
  VISIBLE,
} from './fixtures.ts';

interface Fetched {
  url: string;
  status: number;
  headers: Record<string, unknown>;
  body: string;
  raw: Buffer;
  contentType: string;
}

/** Every public route pattern: the crawl must reach each one at least once. */
const ROUTES: RegExp[] = [
  /^\/$/,
  /^\/boards\/[0-9a-f-]{36}$/,
  /^\/boards\/[0-9a-f-]{36}\/actions(\?.*)?$/,
  /^\/meetings\/[0-9a-f-]{36}$/,
  /^\/meetings\/[0-9a-f-]{36}\/notes$/,
  /^\/meetings\/[0-9a-f-]{36}\/notes\/versions\/\d+$/,
  /^\/meetings\/[0-9a-f-]{36}\/notes\/changes\?from=\d+&to=\d+$/,
  /^\/actions\/[0-9a-f-]{36}$/,
  /^\/decisions(\?.*)?$/,
  /^\/decisions\/[0-9a-f-]{36}$/,
  /^\/decisions\/[0-9a-f-]{36}\/versions\/\d+$/,
  /^\/decisions\/[0-9a-f-]{36}\/changes\?from=\d+&to=\d+$/,
  /^\/search(\?.*)?$/,
  /^\/accessibility$/,
  /^\/open-data$/,
  /^\/public-assets\/site\.css$/,
  /^\/feeds\/publications\.atom$/,
  /^\/feeds\/meetings\.ics$/,
  /^\/public\/v1\/boards$/,
  /^\/public\/v1\/boards\/[0-9a-f-]{36}$/,
  /^\/public\/v1\/boards\/[0-9a-f-]{36}\/meetings(\?.*)?$/,
  /^\/public\/v1\/boards\/[0-9a-f-]{36}\/actions(\?.*)?$/,
  /^\/public\/v1\/meetings(\?.*)?$/,
  /^\/public\/v1\/meetings\/[0-9a-f-]{36}$/,
  /^\/public\/v1\/meetings\/[0-9a-f-]{36}\/agenda$/,
  /^\/public\/v1\/meetings\/[0-9a-f-]{36}\/notes\/versions\/\d+$/,
  /^\/public\/v1\/meetings\/[0-9a-f-]{36}\/notes\/versions\/\d+\/pdf$/,
  /^\/public\/v1\/meetings\/[0-9a-f-]{36}\/notes\/diff\?from=\d+&to=\d+$/,
  /^\/public\/v1\/papers\/[0-9a-f-]{36}$/,
  /^\/public\/v1\/actions\/[0-9a-f-]{36}$/,
  /^\/public\/v1\/decisions(\?.*)?$/,
  /^\/public\/v1\/decisions\/[0-9a-f-]{36}$/,
  /^\/public\/v1\/decisions\/[0-9a-f-]{36}\/versions\/\d+$/,
  /^\/public\/v1\/decisions\/[0-9a-f-]{36}\/versions\/\d+\/pdf$/,
  /^\/public\/v1\/decisions\/[0-9a-f-]{36}\/diff\?from=\d+&to=\d+$/,
  /^\/public\/v1\/search(\?.*)?$/,
  /^\/public\/v1\/agenda-items\/[0-9a-f-]{36}$/,
  /^\/public\/v1\/system$/,
  /^\/public\/v1\/bodies$/,
  /^\/public\/v1\/bodies\/[a-z]+$/,
  /^\/public\/v1\/schema\/(Action|Decision)$/,
];

const PUBLIC_PATH = /^\/(?!api\/|staff|login|logout|assets\/|documentation)/;

function linksOf(f: Fetched): string[] {
  const found: string[] = [];
  const add = (value: string) => {
    let path = value
      .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
      .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
      .replaceAll('&quot;', '"')
      .replaceAll('&amp;', '&');
    if (/^https?:\/\//.test(path)) {
      const url = new URL(path);
      if (url.hostname !== 'localhost') return;
      path = url.pathname + url.search;
    }
    if (path.startsWith('/') && !path.startsWith('//') && PUBLIC_PATH.test(path))
      found.push(path.split('#')[0]!);
  };
  if (f.contentType.startsWith('text/html') || f.contentType.includes('xml')) {
    for (const m of f.body.matchAll(/(?:href|action)="([^"]+)"/g)) add(m[1]!);
  } else if (f.contentType.startsWith('application/json')) {
    const walk = (v: unknown): void => {
      if (typeof v === 'string') add(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(JSON.parse(f.body));
  } else if (f.contentType.startsWith('text/calendar')) {
    for (const m of f.body.replace(/\r\n /g, '').matchAll(/^URL:(.+)$/gm)) add(m[1]!.trim());
  }
  return found;
}

function leaks(text: string): string[] {
  return [
    ...ALL_CANARIES.filter((c) => text.includes(c)),
    ...(text.includes(CANARY_STEM) ? [CANARY_STEM] : []),
  ];
}

describe('restricted content never reaches a public output', () => {
  let t: TestApp;
  let admin: TestUser;
  let fx: PublishedMeeting;
  const fetched = new Map<string, Fetched>();
  const pdfTexts = new Map<string, string>();

  const get = async (url: string, headers: Record<string, string> = {}): Promise<Fetched> => {
    const res: LightMyRequestResponse = await t.request({ method: 'GET', url, headers });
    return {
      url,
      status: res.statusCode,
      headers: res.headers,
      body: res.body,
      raw: res.rawPayload,
      contentType: String(res.headers['content-type'] ?? ''),
    };
  };

  async function crawl(start: string[]): Promise<void> {
    const queue = [...start];
    while (queue.length && fetched.size < 600) {
      const url = queue.shift()!;
      if (fetched.has(url)) continue;
      const f = await get(url);
      fetched.set(url, f);
      if (f.contentType.startsWith('application/pdf')) {
        pdfTexts.set(url, (await inspectPdf(f.raw)).text);
      }
      for (const link of linksOf(f)) if (!fetched.has(link)) queue.push(link);
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ roles: ['admin'] });
    fx = await buildPublishedMeeting(t, admin);

    // A published correction (version 2), then another in progress: edited, not yet published.
    const editPcc = async (append: string) => {
      const items = (
        await t.request({ method: 'GET', url: `/api/v1/meetings/${fx.meetingId}/agenda`, as: admin })
      ).json() as { items: { id: string; title: string; version: number; bodyHtml: string }[] };
      const pcc = items.items.find((i) => i.title === 'PCC Update')!;
      await ok(
        await t.request({
          method: 'PATCH',
          url: `/api/v1/agenda-items/${pcc.id}`,
          as: admin,
          headers: { 'if-match': `W/"${pcc.id}:${pcc.version}"` },
          payload: { bodyHtml: `${pcc.bodyHtml}<p>${append}</p>` },
        }),
      );
    };
    await ok(
      await post(t, admin, `/api/v1/meetings/${fx.meetingId}/notes/corrections`, { reason: 'Added a point' }),
    );
    await editPcc('The PCC thanked the officers who policed the marathon.');
    await ok(await post(t, admin, `/api/v1/meetings/${fx.meetingId}/notes/publish`));
    await ok(
      await post(t, admin, `/api/v1/meetings/${fx.meetingId}/notes/corrections`, { reason: 'Fix a typo' }),
    );
    await editPcc(CANARIES.correctionDraft);
    // A published decision with a correction, so version 2 and the diff exist.
    await ok(
      await post(t, admin, `/api/v1/decisions/${fx.publishedDecisionId}/corrections`, {
        reason: 'The funding runs to March 2028',
        summary: 'The Commissioner approved the allocation of £5 million.\n\nThe funding runs to March 2028.',
      }),
    );

    await crawl([
      '/',
      '/decisions',
      '/search',
      '/accessibility',
      '/open-data',
      '/public-assets/site.css',
      '/feeds/publications.atom',
      '/feeds/meetings.ics',
      '/public/v1/system',
      '/public/v1/boards',
      '/public/v1/meetings',
      '/public/v1/meetings?when=past',
      '/public/v1/decisions',
      `/public/v1/boards/${fx.boardId}/meetings?when=past`,
      `/public/v1/boards/${fx.boardId}/actions?status=all`,
      `/boards/${fx.boardId}/actions?status=open`,
      `/boards/${fx.boardId}/actions?status=overdue`,
      `/boards/${fx.boardId}/actions?status=closed&owner=${fx.wmpId}`,
      '/public/v1/search?q=domestic',
      '/search?q=domestic+abuse',
    ]);
    // Hidden ids, answered like unknown ones.
    const hidden = [
      ...fx.hiddenPaperIds.map((id) => `/public/v1/papers/${id}`),
      ...fx.hiddenActionIds.flatMap((id) => [`/public/v1/actions/${id}`, `/actions/${id}`]),
      `/public/v1/decisions/${fx.draftDecisionId}`,
      `/decisions/${fx.draftDecisionId}`,
      `/public/v1/decisions/${fx.draftDecisionId}/versions/1`,
      `/public/v1/meetings/${fx.meetingId}/notes/versions/3`,
      `/meetings/${fx.meetingId}/notes/versions/3`,
      `/public/v1/meetings/${fx.laterMeetingId}/notes/versions/1/pdf`,
      `/meetings/${fx.laterMeetingId}/notes`,
      `/meetings/${fx.exemptItemId}`,
      `/public/v1/agenda-items/${fx.exemptItemId}`,
      '/meetings/not-a-uuid',
      '/public/v1/meetings/not-a-uuid',
    ];
    for (const url of hidden) fetched.set(url, await get(url));
  }, 240_000);
  afterAll(() => t?.close());

  it('reaches every public route, and every page answers', () => {
    const urls = [...fetched.keys()];
    const missing = ROUTES.filter((route) => !urls.some((u) => route.test(u))).map(String);
    expect(missing).toEqual([]);
    const failures = [...fetched.values()]
      .filter(
        (f) =>
          f.status >= 500 || (f.status !== 200 && !f.url.includes('not-a-uuid') && ![404].includes(f.status)),
      )
      .map((f) => `${f.status} ${f.url}`);
    expect(failures).toEqual([]);
    expect(fetched.size).toBeGreaterThan(40);
    expect(pdfTexts.size).toBeGreaterThanOrEqual(4);
  });

  it('no canary in any body, header or PDF text', () => {
    const found: string[] = [];
    for (const f of fetched.values()) {
      const headers = JSON.stringify(f.headers);
      for (const c of leaks(f.body)) found.push(`${f.url} body: ${c}`);
      for (const c of leaks(f.raw.toString('latin1'))) found.push(`${f.url} bytes: ${c}`);
      for (const c of leaks(headers)) found.push(`${f.url} headers: ${c}`);
    }
    for (const [url, text] of pdfTexts) for (const c of leaks(text)) found.push(`${url} PDF text: ${c}`);
    expect(found).toEqual([]);
  });

  it('hidden ids answer exactly as unknown ones', async () => {
    for (const id of [...fx.hiddenPaperIds, ...fx.hiddenActionIds, fx.exemptItemId]) {
      const path = fx.hiddenPaperIds.includes(id)
        ? 'papers'
        : id === fx.exemptItemId
          ? 'agenda-items'
          : 'actions';
      const hidden = await get(`/public/v1/${path}/${id}`);
      const unknown = await get(`/public/v1/${path}/00000000-0000-4000-8000-000000000000`);
      expect(hidden.status).toBe(404);
      const normalise = (body: string, value: string) =>
        body.replace(value, 'ID').replace(/"requestId":"[^"]+"/, '"requestId":""');
      expect(normalise(hidden.body, id)).toBe(
        normalise(unknown.body, '00000000-0000-4000-8000-000000000000'),
      );
    }
  });

  it('a search for any canary looks exactly like a search for nothing', async () => {
    for (const canary of [...ALL_CANARIES, CANARY_STEM]) {
      for (const base of ['/search?q=', '/public/v1/search?q=']) {
        const nonsense = `Zqxj${canary.length}`.padEnd(canary.length, 'q');
        const a = await get(base + encodeURIComponent(canary));
        const b = await get(base + encodeURIComponent(nonsense));
        expect(a.status).toBe(200);
        expect(a.body.replaceAll(canary, 'QUERY')).toBe(b.body.replaceAll(nonsense, 'QUERY'));
      }
    }
  });

  it('shows what is public: the notes, named only with consent, and numbered without gaps', async () => {
    const meeting = JSON.parse(fetched.get(`/public/v1/meetings/${fx.meetingId}`)!.body) as {
      agenda: { number: number; title: string; papers: { title: string }[] }[];
      actions: { text: string; latestUpdate: { text: string } | null }[];
      notes: { versions: { versionNo: number }[] };
      decisions: unknown[];
    };
    expect(meeting.agenda.map((i) => i.number)).toEqual(meeting.agenda.map((_, index) => index + 1));
    expect(meeting.agenda).toHaveLength(8);
    expect(meeting.agenda.flatMap((i) => i.papers.map((p) => p.title))).toEqual([VISIBLE.publicPaperTitle]);
    expect(meeting.actions).toEqual([
      expect.objectContaining({
        text: VISIBLE.publicAction,
        latestUpdate: expect.objectContaining({ text: VISIBLE.publicUpdate }),
      }),
    ]);
    expect(meeting.notes.versions).toHaveLength(2);
    expect(meeting.decisions).toHaveLength(1);
    const notesPdf = pdfTexts.get(`/public/v1/meetings/${fx.meetingId}/notes/versions/1/pdf`)!;
    expect(notesPdf).toContain(VISIBLE.consentingAsker);
    expect(notesPdf).toContain('a member of the public');
    expect(notesPdf).toContain('This is an edited version of the notes.');
    const notesHtml = fetched.get(`/meetings/${fx.meetingId}/notes`)!.body;
    expect(notesHtml).toContain(VISIBLE.consentingAsker);
    expect(notesHtml).toContain('This is an edited version of the notes.');
    const tracker = fetched.get(`/boards/${fx.boardId}/actions?status=open`)!.body;
    expect(tracker).toContain(VISIBLE.publicAction);
    expect(tracker).toContain('1 open action');
  });

  it('the same for everyone: a signed-in administrator gets the public version', async () => {
    for (const url of [`/public/v1/meetings/${fx.meetingId}`, `/public/v1/boards/${fx.boardId}/actions`]) {
      const anonymous = await get(url);
      const signedIn = await t.request({ method: 'GET', url, as: admin });
      expect(signedIn.body).toBe(anonymous.body);
    }
  });

  it('changing hidden content changes no public response, ETag or count', async () => {
    const sample = [...fetched.values()].filter(
      (f) => f.status === 200 && !f.url.startsWith('/search') && !f.url.startsWith('/public/v1/search'),
    );
    // Hidden changes: an exempt item's body, a restricted update, another exempt paper and action.
    const exempt = (
      await t.request({ method: 'GET', url: `/api/v1/agenda-items/${fx.exemptItemId}`, as: admin })
    ).json() as {
      id: string;
      version: number;
    };
    await ok(
      await t.request({
        method: 'PATCH',
        url: `/api/v1/agenda-items/${exempt.id}`,
        as: admin,
        headers: { 'if-match': `W/"${exempt.id}:${exempt.version}"` },
        payload: { bodyHtml: `<p>Changed ${CANARIES.exemptItemBody}</p>` },
      }),
    );
    await ok(
      await post(t, admin, `/api/v1/actions/${fx.publicActionId}/updates`, {
        text: `Another ${CANARIES.restrictedUpdate}`,
        public: false,
      }),
      201,
    );
    await ok(
      await post(t, admin, `/api/v1/meetings/${fx.meetingId}/actions`, {
        ownerOrganisationId: fx.wmpId,
        itemId: fx.exemptItemId,
        text: `More ${CANARIES.actionOnExemptItem}`,
      }),
      201,
    );
    const changed: string[] = [];
    for (const before of sample) {
      const after = await get(before.url);
      if (after.body !== before.body || after.headers.etag !== before.headers.etag) changed.push(before.url);
    }
    expect(changed).toEqual([]);
  });

  it('public responses carry an ETag and Cache-Control, and answer 304 when unchanged', async () => {
    for (const url of [
      `/public/v1/meetings/${fx.meetingId}`,
      `/meetings/${fx.meetingId}`,
      '/feeds/meetings.ics',
    ]) {
      const first = await get(url);
      expect(first.headers.etag, url).toBeTruthy();
      expect(String(first.headers['cache-control']), url).toMatch(/max-age/);
      expect(first.headers['set-cookie'], url).toBeUndefined();
      const again = await get(url, { 'if-none-match': String(first.headers.etag) });
      expect(again.status, url).toBe(304);
    }
  });
});
