/**
 * The feeds as a subscriber's software reads them: the iCalendar feed through ical.js (with the
 * VTIMEZONE it carries, as calendar clients do) and the Atom feed through a real feed parser.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting } from '../domain/meetings-fixtures.ts';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { buildPublishedMeeting, ok, type PublishedMeeting, post } from './fixtures.ts';

const HOST = 'meetings.example.org';
const BASE = `http://${HOST}`;

/** A place with every character iCalendar must escape, accents, and enough length to be folded. */
const AWKWARD_PLACE =
  'Council House, Victoria Square, Birmingham; Committee Room 2 — entrée by Waterloo Street, step-free\\level access';

function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  // Calendar clients resolve TZID against the VTIMEZONE the file carries: so does this test.
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const events = calendar.getAllSubcomponents('vevent').map((component) => ({
    component,
    event: new ICAL.Event(component),
  }));
  return { calendar, events };
}

describe('feeds read by real parsers', () => {
  let t: TestApp;
  let admin: TestUser;
  let fx: PublishedMeeting;
  let summerId: string;
  let winterId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ roles: ['admin'] });
    fx = await buildPublishedMeeting(t, admin);
    summerId = (
      await createMeeting(t, admin, fx.boardId, {
        date: '2099-07-01',
        startTime: '18:30',
        location: AWKWARD_PLACE,
      })
    ).id;
    winterId = (await createMeeting(t, admin, fx.boardId, { date: '2099-01-05', startTime: '09:15' })).id;
    await ok(await post(t, admin, `/api/v1/meetings/${winterId}/status`, { status: 'cancelled' }));
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.request({ method: 'GET', url, headers: { host: HOST, ...headers } });

  describe('iCalendar (ical.js)', () => {
    it('is CRLF-delimited with lines of at most 75 octets', async () => {
      const body = (await get('/feeds/meetings.ics')).body;
      expect(body.endsWith('\r\n')).toBe(true);
      expect(body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const line of body.slice(0, -2).split('\r\n'))
        expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    });

    it('gives each meeting its instant in Europe/London: BST in summer, GMT in winter', async () => {
      const { calendar, events } = parseCalendar((await get('/feeds/meetings.ics')).body);
      expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
      expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
      const byUid = new Map(events.map((e) => [e.event.uid, e]));
      const summer = byUid.get(`meeting-${summerId}@${HOST}`)!;
      const winter = byUid.get(`meeting-${winterId}@${HOST}`)!;
      expect(summer.event.startDate.zone?.tzid).toBe('Europe/London');
      expect(summer.event.startDate.toJSDate().toISOString()).toBe('2099-07-01T17:30:00.000Z');
      expect(winter.event.startDate.toJSDate().toISOString()).toBe('2099-01-05T09:15:00.000Z');
      expect(summer.event.endDate.toJSDate().toISOString()).toBe('2099-07-01T19:30:00.000Z');
      // The meeting of 26 January 2027 from the fixture, and no meeting that is already over.
      expect(byUid.get(`meeting-${fx.upcomingMeetingId}@${HOST}`)?.event.startDate.toJSDate()).toEqual(
        new Date('2027-01-26T14:00:00Z'),
      );
      expect(byUid.has(`meeting-${fx.meetingId}@${HOST}`)).toBe(false);
    });

    it('unescapes summary and location to exactly what was entered; cancelled meetings say so', async () => {
      const { events } = parseCalendar((await get('/feeds/meetings.ics')).body);
      const find = (id: string) => events.find((e) => e.event.uid === `meeting-${id}@${HOST}`)!;
      const summer = find(summerId);
      expect(summer.event.location).toBe(AWKWARD_PLACE);
      expect(summer.event.summary).toBe('Accountability and Governance Board (public meeting)');
      expect(summer.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
      expect(summer.component.getFirstPropertyValue('url')).toBe(`${BASE}/meetings/${summerId}`);
      expect(summer.event.description).toBe(`Agenda, papers and notes: ${BASE}/meetings/${summerId}`);
      expect(find(winterId).component.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(find(winterId).event.location).toBe('Lloyd House, Birmingham');
    });

    it('keeps UIDs stable and raises SEQUENCE when a meeting changes', async () => {
      const before = parseCalendar((await get('/feeds/meetings.ics')).body).events;
      const sequenceOf = (events: typeof before) =>
        Number(
          events
            .find((e) => e.event.uid === `meeting-${summerId}@${HOST}`)!
            .component.getFirstPropertyValue('sequence'),
        );
      const meeting = await ok<{ version: number }>(
        await t.request({ method: 'GET', url: `/api/v1/meetings/${summerId}`, as: admin }),
      );
      await ok(
        await t.request({
          method: 'PATCH',
          url: `/api/v1/meetings/${summerId}`,
          as: admin,
          headers: { 'if-match': `W/"${summerId}:${meeting.version}"` },
          payload: { startTime: '18:00' },
        }),
      );
      const after = parseCalendar((await get('/feeds/meetings.ics')).body).events;
      expect(after.map((e) => e.event.uid).sort()).toEqual(before.map((e) => e.event.uid).sort());
      expect(sequenceOf(after)).toBeGreaterThan(sequenceOf(before));
      const summer = after.find((e) => e.event.uid === `meeting-${summerId}@${HOST}`)!;
      expect(summer.event.startDate.toJSDate().toISOString()).toBe('2099-07-01T17:00:00.000Z');
    });
  });

  describe('Atom (@rowanmanning/feed-parser)', () => {
    it('parses as Atom with a title, a self link and the newest update', async () => {
      const res = await get('/feeds/publications.atom');
      const feed = parseFeed(res.body);
      expect(feed.meta.type).toBe('atom');
      expect(feed.title).toBe('Publications: agendas, notes of meetings and decisions');
      expect(feed.self).toBe(`${BASE}/feeds/publications.atom`);
      expect(feed.url).toBe(`${BASE}/`);
      expect(feed.language).toBe('en-GB');
      const newest = Math.max(...feed.items.map((i) => i.updated!.getTime()));
      expect(feed.updated?.getTime()).toBe(newest);
    });

    it('has an entry for the published notes and the decision, with links, dates and ids', async () => {
      const feed = parseFeed((await get('/feeds/publications.atom')).body);
      const meeting = await ok<{ notes: { versions: { publishedAt: string; pdfSize: number }[] } }>(
        await get(`/public/v1/meetings/${fx.meetingId}`),
      );
      const notes = feed.items.find((i) => i.url === `${BASE}/meetings/${fx.meetingId}/notes/versions/1`)!;
      expect(notes.title).toBe('Notes published: Accountability and Governance Board, Tuesday 24 March 2026');
      expect(notes.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(notes.updated?.toISOString()).toBe(meeting.notes.versions[0]!.publishedAt);
      expect(notes.description).toBe('The approved notes of the meeting of Tuesday 24 March 2026.');
      expect(notes.media).toEqual([
        expect.objectContaining({
          url: `${BASE}/public/v1/meetings/${fx.meetingId}/notes/versions/1/pdf`,
          mimeType: 'application/pdf',
          length: meeting.notes.versions[0]!.pdfSize,
        }),
      ]);

      const decision = await ok<{ reference: string; versions: { publishedAt: string; pdfSize: number }[] }>(
        await get(`/public/v1/decisions/${fx.publishedDecisionId}`),
      );
      const entry = feed.items.find(
        (i) => i.url === `${BASE}/decisions/${fx.publishedDecisionId}/versions/1`,
      )!;
      expect(entry.title).toBe(
        `Decision ${decision.reference}: Approval of the Violence Reduction Partnership funding`,
      );
      expect(entry.updated?.toISOString()).toBe(decision.versions[0]!.publishedAt);
      expect(entry.id).toMatch(/^urn:uuid:/);
      expect(entry.media[0]).toMatchObject({
        mimeType: 'application/pdf',
        length: decision.versions[0]!.pdfSize,
      });

      const agendas = feed.items.filter((i) => i.id?.startsWith('urn:boardroom:agenda:'));
      expect(agendas.map((a) => a.url).sort()).toEqual(
        [fx.meetingId, fx.laterMeetingId, fx.upcomingMeetingId].map((id) => `${BASE}/meetings/${id}`).sort(),
      );
      // Every entry is complete, ids are unique and stable across requests, newest first.
      for (const item of feed.items) {
        expect(item.title && item.url && item.id && item.updated, JSON.stringify(item)).toBeTruthy();
      }
      const ids = feed.items.map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(parseFeed((await get('/feeds/publications.atom')).body).items.map((i) => i.id)).toEqual(ids);
      const times = feed.items.map((i) => i.updated!.getTime());
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    });
  });

  describe('Last-Modified and If-Modified-Since (RFC 9110)', () => {
    const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
    const lastModifiedOf = async (url: string) => {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      const value = String(res.headers['last-modified']);
      expect(value, url).toMatch(HTTP_DATE);
      return { value, etag: String(res.headers.etag), at: new Date(value) };
    };
    const secondsBefore = (date: Date, s: number) => new Date(date.getTime() - s * 1000).toUTCString();
    let urls: string[];

    beforeAll(async () => {
      const meeting = await ok<{ agenda: { papers: { id: string }[] }[] }>(
        await get(`/public/v1/meetings/${fx.meetingId}`),
      );
      const paperId = meeting.agenda.flatMap((i) => i.papers)[0]!.id;
      urls = [
        `/public/v1/meetings/${fx.meetingId}/notes/versions/1`,
        `/public/v1/meetings/${fx.meetingId}/notes/versions/1/pdf`,
        `/public/v1/decisions/${fx.publishedDecisionId}/versions/1`,
        `/public/v1/decisions/${fx.publishedDecisionId}/versions/1/pdf`,
        `/public/v1/decisions/${fx.publishedDecisionId}`,
        '/public/v1/decisions',
        `/public/v1/papers/${paperId}`,
        '/feeds/publications.atom',
        '/feeds/meetings.ics',
      ];
    });

    it('frozen versions are last modified when they were published', async () => {
      const meeting = await ok<{ notes: { versions: { publishedAt: string }[] } }>(
        await get(`/public/v1/meetings/${fx.meetingId}`),
      );
      const published = new Date(meeting.notes.versions[0]!.publishedAt).toUTCString();
      for (const url of urls.slice(0, 2)) expect((await lastModifiedOf(url)).value).toBe(published);
      const decision = await ok<{ versions: { publishedAt: string }[] }>(
        await get(`/public/v1/decisions/${fx.publishedDecisionId}`),
      );
      const decided = new Date(decision.versions[0]!.publishedAt).toUTCString();
      for (const url of urls.slice(2, 6)) expect((await lastModifiedOf(url)).value, url).toBe(decided);
    });

    it('answers 304 when unchanged since If-Modified-Since, 200 when changed since', async () => {
      for (const url of urls) {
        const { value, etag, at } = await lastModifiedOf(url);
        const same = await get(url, { 'if-modified-since': value });
        expect(same.statusCode, url).toBe(304);
        expect(same.body, url).toBe('');
        expect(same.headers.etag, url).toBe(etag);
        expect(same.headers['last-modified'], url).toBe(value);
        expect((await get(url, { 'if-modified-since': secondsBefore(at, -60) })).statusCode, url).toBe(304);
        expect((await get(url, { 'if-modified-since': secondsBefore(at, 1) })).statusCode, url).toBe(200);
        expect((await get(url, { 'if-modified-since': 'not a date' })).statusCode, url).toBe(200);
      }
    });

    it('If-None-Match takes precedence over If-Modified-Since', async () => {
      for (const url of urls) {
        const { value, etag, at } = await lastModifiedOf(url);
        const stale = await get(url, { 'if-none-match': '"something-else"', 'if-modified-since': value });
        expect(stale.statusCode, url).toBe(200);
        const fresh = await get(url, { 'if-none-match': etag, 'if-modified-since': secondsBefore(at, 3600) });
        expect(fresh.statusCode, url).toBe(304);
      }
    });

    it('the iCalendar feed is modified when a meeting in it changes', async () => {
      const before = await lastModifiedOf('/feeds/meetings.ics');
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const meeting = await ok<{ version: number }>(
        await t.request({ method: 'GET', url: `/api/v1/meetings/${winterId}`, as: admin }),
      );
      await ok(
        await t.request({
          method: 'PATCH',
          url: `/api/v1/meetings/${winterId}`,
          as: admin,
          headers: { 'if-match': `W/"${winterId}:${meeting.version}"` },
          payload: { location: 'Lloyd House, Colmore Circus' },
        }),
      );
      const after = await lastModifiedOf('/feeds/meetings.ics');
      expect(after.at.getTime()).toBeGreaterThan(before.at.getTime());
      expect((await get('/feeds/meetings.ics', { 'if-modified-since': before.value })).statusCode).toBe(200);
    });

    it('no Last-Modified where the time of the last change is not known; If-Modified-Since is ignored', async () => {
      const url = `/public/v1/meetings/${fx.meetingId}`;
      expect((await get(url)).headers['last-modified']).toBeUndefined();
      const res = await get(url, { 'if-modified-since': new Date(Date.now() + 86_400_000).toUTCString() });
      expect(res.statusCode).toBe(200);
    });
  });
});
