/**
 * The secretariat's publication compliance page, through app.inject: per meeting what the Specified
 * Information Order requires, whether and when it was published, missing and late flagged; only the
 * board's secretariat (or an admin) may open it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard, createMeeting } from '../domain/meetings-fixtures.ts';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { Jar, webClient } from './web-client.ts';

const DAY = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

/** The text of the element with this id, tags stripped and white space folded. */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, id).toBeGreaterThan(-1);
  const end = html.indexOf('</section>', start);
  return html
    .slice(start, end)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('staff publication compliance page', () => {
  let t: TestApp;
  let admin: TestUser;
  let boardId: string;
  let otherBoardId: string;
  let soonId: string;
  let laterId: string;
  let cancelledId: string;
  const web = webClient(() => t.app);
  const users: Record<'clerk' | 'otherClerk' | 'officer' | 'member', TestUser> = {} as never;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '100' });
    admin = await t.user({ roles: ['admin'] });
    boardId = (await createBoard(t, admin, { name: 'Ethics Committee' })).id;
    otherBoardId = (await createBoard(t, admin)).id;
    const org = await t.request({
      method: 'POST',
      url: '/api/v1/organisations',
      as: admin,
      payload: { name: 'West Midlands Police', shortName: 'WMP' },
    });
    users.clerk = await t.user({ roles: ['secretariat'], boards: [boardId] });
    users.otherClerk = await t.user({ roles: ['secretariat'], boards: [otherBoardId] });
    users.officer = await t.user({ roles: ['officer'], organisationId: (org.json() as { id: string }).id });
    users.member = await t.user({ roles: ['member'] });
    // Two days away with no agenda: notice and agenda are late or missing. Sixty days away with its
    // agenda out: on time. A cancelled one: nothing else applies.
    soonId = (await createMeeting(t, admin, boardId, { date: isoDay(2), startTime: '10:00' })).id;
    laterId = (
      await createMeeting(t, admin, boardId, {
        date: isoDay(60),
        startTime: '14:30',
        location: 'Lloyd House, Colmore Circus',
      })
    ).id;
    const publish = await t.request({
      method: 'POST',
      url: `/api/v1/meetings/${laterId}/agenda/publish`,
      as: admin,
    });
    expect(publish.statusCode, publish.body).toBe(200);
    cancelledId = (await createMeeting(t, admin, boardId, { date: isoDay(1), startTime: '09:00' })).id;
    const cancel = await t.request({
      method: 'POST',
      url: `/api/v1/meetings/${cancelledId}/status`,
      as: admin,
      payload: { status: 'cancelled' },
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
  });
  afterAll(() => t.close());

  const page = async (who: keyof typeof users, url = `/staff/boards/${boardId}/compliance`) => {
    const { jar } = await web.signIn(users[who].email);
    return web.get(jar, url);
  };

  it('shows each meeting’s requirements with due and published dates, flagging what is missing or late', async () => {
    const res = await page('clerk');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.body;
    expect(html).toContain('<h1 class="heading-l">Publication compliance</h1>');
    expect(html).toContain('Ethics Committee');
    expect(html).toContain('Specified Information');
    // The flag summary links to the meeting that needs attention.
    const flags = section(html, 'flags-heading');
    expect(flags).toMatch(/\d+ items are missing or late/);
    expect(html).toContain(`href="#meeting-${soonId}"`);
    expect(flags).toContain('Agenda: Not published, and past the deadline.');
    expect(flags).toContain('Date, time and place: Published after the deadline.');

    const soon = section(html, `meeting-${soonId}`);
    expect(soon).toMatch(/Date, time and place .* Published late/);
    expect(soon).toMatch(/Agenda .* Not published Missing Not published, and past the deadline\./);
    expect(soon).toContain('Notes of the meeting');
    expect(soon).toContain('Pending');
    expect(html).toContain(`<a href="/staff/meetings/${soonId}">`);

    const later = section(html, `meeting-${laterId}`);
    expect(later).toContain('Lloyd House, Colmore Circus');
    expect(later).toMatch(
      /Agenda \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} Published on time/,
    );
    expect(later).not.toMatch(/Missing|Published late/);

    const cancelled = section(html, `meeting-${cancelledId}`);
    expect(cancelled).toContain('Cancelled');
    expect(cancelled).toMatch(/Agenda No deadline Not published Not applicable The meeting was cancelled\./);
    // Latest first.
    expect(html.indexOf(`id="meeting-${laterId}"`)).toBeLessThan(html.indexOf(`id="meeting-${soonId}"`));
  });

  it('filters by meeting date', async () => {
    const res = await page('clerk', `/staff/boards/${boardId}/compliance?from=${isoDay(30)}&to=`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`id="meeting-${laterId}"`);
    expect(res.body).not.toContain(`id="meeting-${soonId}"`);
    expect(res.body).toContain(`value="${isoDay(30)}"`);
    expect(res.body).toContain('Nothing is missing or late.');
    // A malformed date is ignored rather than an error.
    expect((await page('clerk', `/staff/boards/${boardId}/compliance?from=yesterday`)).statusCode).toBe(200);
  });

  it('is linked from the board page', async () => {
    const res = await page('clerk', `/staff/boards/${boardId}`);
    expect(res.body).toContain(`href="/staff/boards/${boardId}/compliance"`);
  });

  it('is refused (403) to officers, members and another board’s secretariat, and sends the signed-out to sign in', async () => {
    for (const who of ['officer', 'member', 'otherClerk'] as const) {
      const res = await page(who);
      expect(res.statusCode, who).toBe(403);
      expect(res.body, who).not.toContain('Ethics Committee');
      expect(res.body, who).not.toContain(soonId);
    }
    const anonymous = await web.get(new Jar(), `/staff/boards/${boardId}/compliance`);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/login\?next=/);
  });

  it('answers 404 for an unknown board', async () => {
    const { jar } = await web.signIn(admin.email);
    const res = await web.get(jar, '/staff/boards/00000000-0000-4000-8000-000000000000/compliance');
    expect(res.statusCode).toBe(404);
  });
});
