/**
 * PUBLIC_BASE_URL: the feeds' absolute links and iCalendar UIDs, and the open data's OParl ids,
 * come from the configuration, never from the Host header a client chose.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard, createMeeting } from '../domain/meetings-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ok, post } from './fixtures.ts';

const BASE = 'https://www.example-pcc.police.uk';

describe('PUBLIC_BASE_URL', () => {
  let t: TestApp;
  let meetingId: string;

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_BASE_URL: `${BASE}/` });
    const admin = await t.user({ roles: ['admin'] });
    const board = await createBoard(t, admin);
    meetingId = (await createMeeting(t, admin, board.id, { date: '2099-03-03', startTime: '10:00' })).id;
    await ok(await post(t, admin, `/api/v1/meetings/${meetingId}/agenda/publish`));
  });
  afterAll(() => t.close());

  const get = (url: string) =>
    t.request({
      method: 'GET',
      url,
      headers: { host: 'attacker.example', 'x-forwarded-host': 'evil.example' },
    });

  it('makes the Atom feed’s links, whatever the Host header says', async () => {
    const res = await get('/feeds/publications.atom');
    expect(res.body).not.toMatch(/attacker|evil/);
    const feed = parseFeed(res.body);
    expect(feed.self).toBe(`${BASE}/feeds/publications.atom`);
    expect(feed.url).toBe(`${BASE}/`);
    expect(feed.items.map((i) => i.url)).toEqual([`${BASE}/meetings/${meetingId}`]);
  });

  it('makes the open data’s OParl ids and web links', async () => {
    const res = await get(`/public/v1/meetings/${meetingId}`);
    expect(res.body).not.toMatch(/attacker|evil/);
    expect(res.json()).toMatchObject({
      oparlId: `${BASE}/public/v1/meetings/${meetingId}`,
      web: `${BASE}/meetings/${meetingId}`,
    });
    expect((await get('/public/v1/system')).json()).toMatchObject({ id: `${BASE}/public/v1/system` });
  });

  it('makes the iCalendar feed’s URLs and UIDs', async () => {
    const res = await get('/feeds/meetings.ics');
    expect(res.body).not.toMatch(/attacker|evil/);
    const [event] = new ICAL.Component(ICAL.parse(res.body)).getAllSubcomponents('vevent');
    expect(event!.getFirstPropertyValue('uid')).toBe(`meeting-${meetingId}@www.example-pcc.police.uk`);
    expect(event!.getFirstPropertyValue('url')).toBe(`${BASE}/meetings/${meetingId}`);
  });
});
