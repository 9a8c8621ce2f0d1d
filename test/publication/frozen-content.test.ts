import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, type TestApp, type TestUser } from '../helpers/app.ts';
import { buildPublishedMeeting, type PublishedMeeting, post } from './fixtures.ts';

/** "Editing published content is refused (409)": every module that writes a meeting's content asks the guard. */
describe('published notes are frozen everywhere', () => {
  let t: TestApp;
  let admin: TestUser;
  let published: PublishedMeeting;
  let item: { id: string; version: number };
  let attendanceId: string;
  let questionId: string;
  let questionVersion: number;
  let actionVersion: number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ roles: ['admin'] });
    published = await buildPublishedMeeting(t, admin);
    const detail = (
      await t.request({ method: 'GET', url: `/api/v1/meetings/${published.meetingId}`, as: admin })
    ).json() as {
      items: { id: string; version: number }[];
      attendance: { present: { id: string }[] };
    };
    item = detail.items[2]!;
    attendanceId = detail.attendance.present[0]!.id;
    const questions = (
      await t.request({ method: 'GET', url: `/api/v1/meetings/${published.meetingId}/questions`, as: admin })
    ).json() as {
      items: { id: string; version: number }[];
    };
    questionId = questions.items[0]!.id;
    questionVersion = questions.items[0]!.version;
    actionVersion = (
      (
        await t.request({ method: 'GET', url: `/api/v1/actions/${published.publicActionId}`, as: admin })
      ).json() as { version: number }
    ).version;
  });
  afterAll(() => t.close());

  const m = () => `/api/v1/meetings/${published.meetingId}`;

  it('refuses content edits with 409 and changes nothing', async () => {
    const before = await t.database.db.selectFrom('audit_log').select('id').execute();
    const attempts = [
      t.request({
        method: 'PATCH',
        url: `/api/v1/agenda-items/${item.id}`,
        as: admin,
        headers: { 'if-match': `W/"${item.id}:${item.version}"` },
        payload: { title: 'Changed' },
      }),
      t.request({ method: 'DELETE', url: `/api/v1/agenda-items/${item.id}`, as: admin }),
      post(t, admin, `${m()}/agenda`, { title: 'Late addition', kind: 'other' }),
      t.request({ method: 'DELETE', url: `/api/v1/attendance/${attendanceId}`, as: admin }),
      post(t, admin, `${m()}/questions`, { source: 'in_meeting', text: 'A question added afterwards?' }),
      t.request({
        method: 'PATCH',
        url: `/api/v1/questions/${questionId}`,
        as: admin,
        headers: { 'if-match': `W/"${questionId}:${questionVersion}"` },
        payload: { text: 'Reworded?' },
      }),
      // Deleting would also renumber the questions left: neither happens.
      t.request({ method: 'DELETE', url: `/api/v1/questions/${questionId}`, as: admin }),
      post(t, admin, `${m()}/actions`, {
        text: 'A new action after publication',
        ownerOrganisationId: published.wmpId,
      }),
      t.request({
        method: 'PATCH',
        url: `/api/v1/actions/${published.publicActionId}`,
        as: admin,
        headers: { 'if-match': `W/"${published.publicActionId}:${actionVersion}"` },
        payload: { text: 'Reworded action' },
      }),
    ];
    for (const res of await Promise.all(attempts))
      expect(expectProblem(res, 409).detail).toContain('correction');
    const after = await t.database.db.selectFrom('audit_log').select('id').execute();
    expect(after.length).toBe(before.length);
  });

  it('still lets the force report progress on its actions', async () => {
    const res = await post(t, admin, `/api/v1/actions/${published.publicActionId}/updates`, {
      text: 'Data shared on 1 May.',
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('a correction reopens the content for editing', async () => {
    const res = await post(t, admin, `${m()}/notes/corrections`, {
      reason: 'Attendance was recorded wrongly.',
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    const del = await t.request({ method: 'DELETE', url: `/api/v1/attendance/${attendanceId}`, as: admin });
    expect(del.statusCode, del.body).toBe(204);
  });
});
