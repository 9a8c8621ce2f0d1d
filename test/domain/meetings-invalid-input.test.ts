import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, type TestApp, type TestUser } from '../helpers/app.ts';
import { createBoard, createMeeting, createPerson, type MeetingDetail } from './meetings-fixtures.ts';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('bad input to meetings and agenda is a 4xx problem, never a 500', () => {
  let t: TestApp;
  let admin: TestUser;
  let boardId: string;
  let meeting: MeetingDetail;
  let personId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ roles: ['admin'] });
    boardId = (await createBoard(t, admin)).id;
    meeting = await createMeeting(t, admin, boardId);
    personId = (await createPerson(t, admin, "Mike O'Hara", 'Assistant Chief Constable', null)).id;
  });
  afterAll(() => t.close());

  const newMeeting = (over: Record<string, unknown>) => ({
    boardId,
    date: '2026-05-26',
    startTime: '10:00',
    online: true,
    ...over,
  });

  const cases: [
    string,
    () => {
      method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
      url: string;
      payload?: InjectOptions['payload'];
      headers?: Record<string, string>;
    },
    number,
  ][] = [
    [
      '30 February',
      () => ({ method: 'POST', url: '/api/v1/meetings', payload: newMeeting({ date: '2026-02-30' }) }),
      400,
    ],
    [
      'a UK-format date',
      () => ({ method: 'POST', url: '/api/v1/meetings', payload: newMeeting({ date: '24/03/2026' }) }),
      400,
    ],
    [
      'year 0001',
      () => ({ method: 'POST', url: '/api/v1/meetings', payload: newMeeting({ date: '0001-01-01' }) }),
      400,
    ],
    [
      '25:00',
      () => ({ method: 'POST', url: '/api/v1/meetings', payload: newMeeting({ startTime: '25:00' }) }),
      400,
    ],
    [
      'a time with seconds',
      () => ({ method: 'POST', url: '/api/v1/meetings', payload: newMeeting({ startTime: '10:00:00' }) }),
      400,
    ],
    [
      'a malformed board id',
      () => ({ method: 'POST', url: '/api/v1/meetings', payload: newMeeting({ boardId: 'AGB' }) }),
      400,
    ],
    [
      'an unknown board',
      () => ({ method: 'POST', url: '/api/v1/meetings', payload: newMeeting({ boardId: UNKNOWN }) }),
      404,
    ],
    [
      'neither location nor online',
      () => ({ method: 'POST', url: '/api/v1/meetings', payload: newMeeting({ online: false }) }),
      400,
    ],
    [
      'an oversized summary',
      () => ({ method: 'POST', url: '/api/v1/meetings', payload: newMeeting({ summary: 'x'.repeat(2001) }) }),
      400,
    ],
    [
      'a deadline that is not a timestamp',
      () => ({
        method: 'POST',
        url: '/api/v1/meetings',
        payload: newMeeting({ questionDeadline: 'tomorrow' }),
      }),
      400,
    ],
    [
      'month 13',
      () => ({
        method: 'POST',
        url: '/api/v1/meetings',
        payload: newMeeting({ nextMeetingDate: '2026-13-01' }),
      }),
      400,
    ],
    [
      'mass-assigned status',
      () => ({ method: 'POST', url: '/api/v1/meetings', payload: newMeeting({ status: 'published' }) }),
      400,
    ],
    [
      'online as a string',
      () => ({ method: 'POST', url: '/api/v1/meetings', payload: newMeeting({ online: 'yes' }) }),
      400,
    ],
    ['a JSON array', () => ({ method: 'POST', url: '/api/v1/meetings', payload: [newMeeting({})] }), 400],
    [
      'broken JSON',
      () => ({
        method: 'POST',
        url: '/api/v1/meetings',
        payload: '{"boardId":',
        headers: { 'content-type': 'application/json' },
      }),
      400,
    ],
    [
      'a __proto__ key',
      () => ({
        method: 'POST',
        url: '/api/v1/meetings',
        payload: `{"__proto__":{"admin":true},"boardId":"${boardId}"}`,
        headers: { 'content-type': 'application/json' },
      }),
      400,
    ],
    [
      'a text/plain body',
      () => ({
        method: 'POST',
        url: '/api/v1/meetings',
        payload: 'hello',
        headers: { 'content-type': 'text/plain' },
      }),
      415,
    ],
    ['a malformed meeting id', () => ({ method: 'GET', url: '/api/v1/meetings/24-march' }), 400],
    ['an unknown meeting', () => ({ method: 'GET', url: `/api/v1/meetings/${UNKNOWN}` }), 404],
    [
      'an unknown meeting’s agenda',
      () => ({ method: 'GET', url: `/api/v1/meetings/${UNKNOWN}/agenda` }),
      404,
    ],
    [
      'PATCH an unknown meeting',
      () => ({
        method: 'PATCH',
        url: `/api/v1/meetings/${UNKNOWN}`,
        payload: {},
        headers: { 'if-match': `W/"${UNKNOWN}:1"` },
      }),
      404,
    ],
    [
      'PATCH to 31 April',
      () => ({
        method: 'PATCH',
        url: `/api/v1/meetings/${meeting.id}`,
        payload: { date: '2026-04-31' },
        headers: { 'if-match': `W/"${meeting.id}:1"` },
      }),
      400,
    ],
    [
      'an unknown status',
      () => ({
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/status`,
        payload: { status: 'adjourned' },
      }),
      400,
    ],
    ['no status', () => ({ method: 'POST', url: `/api/v1/meetings/${meeting.id}/status`, payload: {} }), 400],
    [
      'an unknown attendance status',
      () => ({
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/attendance`,
        payload: { personId, status: 'late' },
      }),
      400,
    ],
    [
      'an oversized printed role',
      () => ({
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/attendance`,
        payload: { personId, status: 'present', role: 'r'.repeat(201) },
      }),
      400,
    ],
    [
      'a malformed person id',
      () => ({
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/attendance`,
        payload: { personId: 'mike', status: 'present' },
      }),
      400,
    ],
    [
      'an unknown forItemId',
      () => ({
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/attendance`,
        payload: { personId, status: 'in_attendance', forItemId: UNKNOWN },
      }),
      404,
    ],
    [
      'PUT an unknown attendance entry',
      () => ({ method: 'PUT', url: `/api/v1/attendance/${UNKNOWN}`, payload: { status: 'present' } }),
      404,
    ],
    [
      'an empty interest',
      () => ({
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/declarations`,
        payload: { personId, interest: '  ' },
      }),
      400,
    ],
    [
      'an oversized interest',
      () => ({
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/declarations`,
        payload: { personId, interest: 'i'.repeat(2001) },
      }),
      400,
    ],
    [
      'a declaration on an unknown item',
      () => ({
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/declarations`,
        payload: { personId, itemId: UNKNOWN, interest: 'x' },
      }),
      404,
    ],
    [
      'DELETE an unknown declaration',
      () => ({ method: 'DELETE', url: `/api/v1/declarations/${UNKNOWN}` }),
      404,
    ],
    [
      'an empty item title',
      () => ({ method: 'POST', url: `/api/v1/meetings/${meeting.id}/agenda`, payload: { title: '' } }),
      400,
    ],
    [
      'an oversized item title',
      () => ({
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/agenda`,
        payload: { title: 't'.repeat(301) },
      }),
      400,
    ],
    [
      'a control character in a title',
      () => ({
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/agenda`,
        payload: { title: 'AOB\u0007' },
      }),
      400,
    ],
    [
      'an unknown item kind',
      () => ({
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/agenda`,
        payload: { title: 'x', kind: 'party' },
      }),
      400,
    ],
    [
      'an unknown confidentiality',
      () => ({
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/agenda`,
        payload: { title: 'x', confidentiality: 'secret' },
      }),
      400,
    ],
    [
      'a presenter without printed text',
      () => ({
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/agenda`,
        payload: { title: 'x', presenters: [{ personId: null, printed: '' }] },
      }),
      400,
    ],
    [
      'an oversized body',
      () => ({
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/agenda`,
        payload: { title: 'x', bodyHtml: 'b'.repeat(300_001) },
      }),
      400,
    ],
    [
      'a body over the request limit',
      () => ({
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/agenda`,
        payload: { title: 'x', bodyHtml: 'b'.repeat(1_100_000) },
      }),
      413,
    ],
    [
      'PATCH an unknown item',
      () => ({
        method: 'PATCH',
        url: `/api/v1/agenda-items/${UNKNOWN}`,
        payload: { title: 'x' },
        headers: { 'if-match': `W/"${UNKNOWN}:1"` },
      }),
      404,
    ],
    [
      'reorder with non-ids',
      () => ({
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/agenda/reorder`,
        payload: { itemIds: ['1', '2'] },
      }),
      400,
    ],
    [
      'reorder without itemIds',
      () => ({ method: 'POST', url: `/api/v1/meetings/${meeting.id}/agenda/reorder`, payload: {} }),
      400,
    ],
    ['an unknown paper', () => ({ method: 'GET', url: `/api/v1/papers/${UNKNOWN}/file` }), 404],
    [
      'an Idempotency-Key with spaces',
      () => ({
        method: 'POST',
        url: '/api/v1/meetings',
        payload: newMeeting({}),
        headers: { 'idempotency-key': 'has spaces' },
      }),
      400,
    ],
  ];

  it.each(cases)('%s', async (_name, make, status) => {
    const { headers, ...req } = make();
    const res = await t.request({ ...req, as: admin, headers });
    expectProblem(res, status);
  });

  it('none of those created anything', async () => {
    const meetings = await t.database.db.selectFrom('meetings').select('id').execute();
    expect(meetings.map((m) => m.id)).toEqual([meeting.id]);
    const items = await t.database.db
      .selectFrom('agenda_items')
      .select('title')
      .where('meeting_id', '=', meeting.id)
      .execute();
    expect(items).toHaveLength(6);
  });

  it('unsafe HTML is stripped on the way in, not refused', async () => {
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/meetings/${meeting.id}/agenda`,
      as: admin,
      payload: {
        title: '<b>Bold</b> title stays text',
        bodyHtml: '<p>ok</p><script>alert(1)</script><a href="javascript:x">l</a><svg onload="x()"></svg>',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      title: '<b>Bold</b> title stays text',
      bodyHtml: '<p>ok</p><a>l</a>',
      bodyText: 'ok\nl',
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the first response for the same key and body, and creates once', async () => {
      const send = (payload: InjectOptions['payload'], key: string) =>
        t.request({
          method: 'POST',
          url: '/api/v1/meetings',
          as: admin,
          headers: { 'idempotency-key': key },
          payload,
        });
      const body = newMeeting({ date: '2026-06-23' });
      const first = await send(body, 'create-23-june');
      expect(first.statusCode, first.body).toBe(201);
      const again = await send(body, 'create-23-june');
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json()).toEqual(first.json());
      const count = await t.database.db
        .selectFrom('meetings')
        .select('id')
        .where('starts_at', '=', new Date('2026-06-23T09:00:00Z'))
        .execute();
      expect(count).toHaveLength(1);
      expectProblem(await send(newMeeting({ date: '2026-06-30' }), 'create-23-june'), 422);
    });

    it('lets concurrent duplicates wait for the first and replay it: one row, the same answer', async () => {
      const send = () =>
        t.request({
          method: 'POST',
          url: '/api/v1/meetings',
          as: admin,
          headers: { 'idempotency-key': 'create-7-july-concurrently' },
          payload: newMeeting({ date: '2026-07-07' }),
        });
      const answers = await Promise.all([send(), send(), send()]);
      for (const answer of answers) expect(answer.statusCode, answer.body).toBe(201);
      expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
      expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(2);
      const rows = await t.database.db
        .selectFrom('meetings')
        .select('id')
        .where('starts_at', '=', new Date('2026-07-07T09:00:00Z'))
        .execute();
      expect(rows).toHaveLength(1);
    });

    it('keeps nothing of a create that failed: the key stays free and a retry runs afresh', async () => {
      const key = 'agenda-of-a-missing-meeting';
      const url = `/api/v1/meetings/${UNKNOWN}/agenda`;
      const send = () =>
        t.request({
          method: 'POST',
          url,
          as: admin,
          headers: { 'idempotency-key': key },
          payload: { title: 'X' },
        });
      expectProblem(await send(), 404);
      const kept = await t.database.db
        .selectFrom('idempotency_keys')
        .select('key')
        .where('key', '=', key)
        .execute();
      expect(kept).toEqual([]);
      const retry = await send();
      expectProblem(retry, 404);
      expect(retry.headers['idempotent-replayed']).toBeUndefined();
    });

    it('works for agenda items and attendance too', async () => {
      const key = { 'idempotency-key': 'add-aob-once' };
      const a = await t.request({
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/agenda`,
        as: admin,
        headers: key,
        payload: { title: 'AOB once' },
      });
      const b = await t.request({
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/agenda`,
        as: admin,
        headers: key,
        payload: { title: 'AOB once' },
      });
      expect(b.json()).toEqual(a.json());
      const rows = await t.database.db
        .selectFrom('agenda_items')
        .select('id')
        .where('title', '=', 'AOB once')
        .execute();
      expect(rows).toHaveLength(1);

      const att = { 'idempotency-key': 'attend-once' };
      const payload = { personId, status: 'present' };
      const first = await t.request({
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/attendance`,
        as: admin,
        headers: att,
        payload,
      });
      const second = await t.request({
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/attendance`,
        as: admin,
        headers: att,
        payload,
      });
      expect(first.statusCode, first.body).toBe(201);
      // Without the key this would be a 409 duplicate; with it, the same answer again.
      expect(second.statusCode).toBe(201);
      expect(second.json()).toEqual(first.json());
    });
  });
});
