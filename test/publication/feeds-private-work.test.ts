/**
 * The feeds move only on public events (issue 14, finding 5): private work on a meeting (its
 * summary, question deadline, a status that publishes nothing, items, questions, restricted actions
 * and updates, a board's settings) leaves both feeds byte-identical, with the same ETag and
 * Last-Modified; rescheduling, cancelling and publishing notes move them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, createMeeting } from '../domain/meetings-fixtures.ts';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { buildPublishedMeeting, ok, type PublishedMeeting, post } from './fixtures.ts';

const FEEDS = ['/feeds/meetings.ics', '/feeds/publications.atom'] as const;
type Feed = (typeof FEEDS)[number];
interface Seen {
  body: string;
  etag: string;
  lastModified: string;
}

describe('feeds move only on public events', () => {
  let t: TestApp;
  let admin: TestUser;
  let fx: PublishedMeeting;
  let spareId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ roles: ['admin'] });
    fx = await buildPublishedMeeting(t, admin);
    spareId = (await createMeeting(t, admin, fx.boardId, { date: '2027-02-23', startTime: '10:00' })).id;
  });
  afterAll(() => t.close());

  const fetchFeeds = async (): Promise<Record<Feed, Seen>> => {
    const out = {} as Record<Feed, Seen>;
    for (const url of FEEDS) {
      const res = await t.request({ method: 'GET', url, headers: { host: 'feeds.example.org' } });
      expect(res.statusCode, url).toBe(200);
      out[url] = {
        body: res.body,
        etag: String(res.headers.etag),
        lastModified: String(res.headers['last-modified']),
      };
    }
    return out;
  };

  /** A PATCH with If-Match at the resource's current version. */
  const patch = async (url: string, payload: object) => {
    const { version, id } = await ok<{ version: number; id: string }>(
      await t.request({ method: 'GET', url, as: admin }),
    );
    return ok(
      await t.request({
        method: 'PATCH',
        url,
        as: admin,
        headers: { 'if-match': `W/"${id}:${version}"` },
        payload,
      }),
    );
  };

  /** Last-Modified has whole seconds: wait past one, so that a change today's code makes shows. */
  const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1100));

  const sequenceOf = (ics: string, id: string) => {
    const event = ics.split('BEGIN:VEVENT').find((e) => e.includes(`meeting-${id}@`))!;
    return Number(/SEQUENCE:(\d+)/.exec(event)![1]);
  };

  const privateEdits: [string, () => Promise<unknown>][] = [
    [
      'the summary of a meeting whose notes are unpublished',
      () =>
        patch(`/api/v1/meetings/${fx.upcomingMeetingId}`, { summary: 'Draft summary, not for anyone yet.' }),
    ],
    [
      'the question deadline',
      () => patch(`/api/v1/meetings/${fx.upcomingMeetingId}`, { questionDeadline: '2027-01-10T12:00:00Z' }),
    ],
    [
      'the next meeting date',
      () => patch(`/api/v1/meetings/${fx.upcomingMeetingId}`, { nextMeetingDate: '2027-03-30' }),
    ],
    [
      'a status that publishes nothing (scheduled → held)',
      async () => ok(await post(t, admin, `/api/v1/meetings/${spareId}/status`, { status: 'held' })),
    ],
    [
      'an agenda item added and edited',
      async () => {
        const item = await addItem(t, admin, fx.upcomingMeetingId, { title: 'Estates', kind: 'report' });
        await patch(`/api/v1/agenda-items/${item.id}`, { bodyHtml: '<p>Draft notes of the item</p>' });
      },
    ],
    [
      'a question asked and edited',
      async () => {
        const q = await ok<{ id: string }>(
          await post(t, admin, `/api/v1/meetings/${fx.upcomingMeetingId}/questions`, {
            source: 'pre_submitted',
            text: 'How many cases were closed?',
          }),
          201,
        );
        await patch(`/api/v1/questions/${q.id}`, { text: 'How many cases were closed in March?' });
      },
    ],
    [
      'an action that is not public edited, and a restricted update on a public action',
      async () => {
        await patch(`/api/v1/actions/${fx.hiddenActionIds[0]}`, { dueDate: '2027-06-30' });
        await ok(
          await post(t, admin, `/api/v1/actions/${fx.publicActionId}/updates`, {
            text: 'Internal',
            public: false,
          }),
          201,
        );
      },
    ],
    [
      'a board setting the public is not shown',
      () => patch(`/api/v1/boards/${fx.boardId}`, { questionDeadlineDays: 10, listExemptTitles: false }),
    ],
  ];

  for (const [name, edit] of privateEdits) {
    it(`private work leaves both feeds byte-identical: ${name}`, async () => {
      const before = await fetchFeeds();
      await nextSecond();
      await edit();
      const after = await fetchFeeds();
      for (const url of FEEDS) {
        expect(after[url].body, url).toBe(before[url].body);
        expect(after[url].etag, url).toBe(before[url].etag);
        expect(after[url].lastModified, url).toBe(before[url].lastModified);
      }
    });
  }

  it('rescheduling a meeting moves the calendar (SEQUENCE, body, ETag, Last-Modified) and the Atom date', async () => {
    const before = await fetchFeeds();
    await nextSecond();
    await patch(`/api/v1/meetings/${fx.upcomingMeetingId}`, { startTime: '15:30' });
    const after = await fetchFeeds();
    const ics = '/feeds/meetings.ics';
    expect(after[ics].body).not.toBe(before[ics].body);
    expect(after[ics].body).toContain('DTSTART;TZID=Europe/London:20270126T153000');
    expect(sequenceOf(after[ics].body, fx.upcomingMeetingId)).toBe(
      sequenceOf(before[ics].body, fx.upcomingMeetingId) + 1,
    );
    expect(after[ics].etag).not.toBe(before[ics].etag);
    expect(new Date(after[ics].lastModified).getTime()).toBeGreaterThan(
      new Date(before[ics].lastModified).getTime(),
    );
    // The agenda entry names the meeting: what it shows changed, so the feed is modified.
    const atom = '/feeds/publications.atom';
    expect(new Date(after[atom].lastModified).getTime()).toBeGreaterThan(
      new Date(before[atom].lastModified).getTime(),
    );
  });

  it('moving a meeting to another place and cancelling one move the calendar', async () => {
    const ics = '/feeds/meetings.ics';
    const before = await fetchFeeds();
    await nextSecond();
    await patch(`/api/v1/meetings/${fx.upcomingMeetingId}`, { location: 'Council House, Birmingham' });
    const moved = await fetchFeeds();
    expect(moved[ics].body).toContain('LOCATION:Council House\\, Birmingham');
    expect(moved[ics].lastModified).not.toBe(before[ics].lastModified);

    const cancelled = (await createMeeting(t, admin, fx.boardId, { date: '2027-05-25', startTime: '10:00' }))
      .id;
    const listed = await fetchFeeds();
    await nextSecond();
    await ok(await post(t, admin, `/api/v1/meetings/${cancelled}/status`, { status: 'cancelled' }));
    const after = await fetchFeeds();
    expect(sequenceOf(after[ics].body, cancelled)).toBe(sequenceOf(listed[ics].body, cancelled) + 1);
    expect(after[ics].body).not.toBe(listed[ics].body);
    expect(after[ics].lastModified).not.toBe(listed[ics].lastModified);
  });

  it('publishing notes moves the Atom feed', async () => {
    const atom = '/feeds/publications.atom';
    const approver = (await createMeeting(t, admin, fx.boardId, { date: '2026-06-30', startTime: '10:00' }))
      .id;
    const m = `/api/v1/meetings/${fx.laterMeetingId}`;
    await ok(await post(t, admin, `${m}/status`, { status: 'held' }));
    await ok(await post(t, admin, `${m}/notes/submit`));
    await ok(await post(t, admin, `${m}/notes/approve`, { atMeetingId: approver }));
    const before = await fetchFeeds();
    await nextSecond();
    await ok(await post(t, admin, `${m}/notes/publish`));
    const after = await fetchFeeds();
    expect(after[atom].body).not.toBe(before[atom].body);
    expect(after[atom].body).toContain(`/meetings/${fx.laterMeetingId}/notes/versions/1`);
    expect(after[atom].etag).not.toBe(before[atom].etag);
    expect(new Date(after[atom].lastModified).getTime()).toBeGreaterThan(
      new Date(before[atom].lastModified).getTime(),
    );
  });
});
