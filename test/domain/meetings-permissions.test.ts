import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, type TestApp, type TestUser } from '../helpers/app.ts';
import { createBoard, createMeeting, createPerson, MINIMAL_PDF, multipart } from './meetings-fixtures.ts';

/**
 * Every write route of boards, meetings and agenda × every kind of caller. A denied write must
 * answer the expected status AND leave every table exactly as it was.
 */

type Role = 'admin' | 'secretariat' | 'otherSecretariat' | 'officer' | 'member' | 'anonymous';
const roles: Role[] = ['admin', 'secretariat', 'otherSecretariat', 'officer', 'member', 'anonymous'];

interface Fixture {
  boardId: string;
  /** The board's current ETag, for If-Match. */
  boardEtag: string;
  meetingId: string;
  itemIds: string[];
  attendanceId: string;
  declarationId: string;
  paperId: string;
  newPersonId: string;
}

type Req = Omit<InjectOptions, 'url'> & { url: string };
interface WriteRoute {
  name: string;
  request: (f: Fixture) => Req;
  success: number;
  /** Only admins may do this (creating boards). */
  adminOnly?: boolean;
}

const pdfUpload = () =>
  multipart([{ name: 'file', filename: 'paper.pdf', contentType: 'application/pdf', data: MINIMAL_PDF }]);

const routes: WriteRoute[] = [
  {
    name: 'POST /boards',
    request: () => ({
      method: 'POST',
      url: '/api/v1/boards',
      payload: { name: 'New board', code: `NB${Date.now() % 1e6}` },
    }),
    success: 201,
    adminOnly: true,
  },
  {
    name: 'PATCH /boards/:id',
    request: (f) => ({
      method: 'PATCH',
      url: `/api/v1/boards/${f.boardId}`,
      headers: { 'if-match': f.boardEtag },
      payload: { description: 'x' },
    }),
    success: 200,
  },
  {
    name: 'POST /meetings',
    request: (f) => ({
      method: 'POST',
      url: '/api/v1/meetings',
      payload: { boardId: f.boardId, date: '2026-05-26', startTime: '10:00', online: true },
    }),
    success: 201,
  },
  {
    name: 'PATCH /meetings/:id',
    request: (f) => ({
      method: 'PATCH',
      url: `/api/v1/meetings/${f.meetingId}`,
      headers: { 'if-match': `W/"${f.meetingId}:1"` },
      payload: { summary: 'Changed' },
    }),
    success: 200,
  },
  {
    name: 'POST /meetings/:id/status',
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/meetings/${f.meetingId}/status`,
      payload: { status: 'held' },
    }),
    success: 200,
  },
  {
    name: 'POST /meetings/:id/attendance',
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/meetings/${f.meetingId}/attendance`,
      payload: { personId: f.newPersonId, status: 'present' },
    }),
    success: 201,
  },
  {
    name: 'PUT /attendance/:id',
    request: (f) => ({
      method: 'PUT',
      url: `/api/v1/attendance/${f.attendanceId}`,
      payload: { status: 'apologies' },
    }),
    success: 200,
  },
  {
    name: 'DELETE /attendance/:id',
    request: (f) => ({ method: 'DELETE', url: `/api/v1/attendance/${f.attendanceId}` }),
    success: 204,
  },
  {
    name: 'POST /meetings/:id/declarations',
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/meetings/${f.meetingId}/declarations`,
      payload: { personId: f.newPersonId, interest: 'Trustee' },
    }),
    success: 201,
  },
  {
    name: 'DELETE /declarations/:id',
    request: (f) => ({ method: 'DELETE', url: `/api/v1/declarations/${f.declarationId}` }),
    success: 204,
  },
  {
    name: 'POST /meetings/:id/agenda',
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/meetings/${f.meetingId}/agenda`,
      payload: { title: 'AOB', kind: 'aob' },
    }),
    success: 201,
  },
  {
    name: 'POST /meetings/:id/agenda/reorder',
    request: (f) => ({
      method: 'POST',
      url: `/api/v1/meetings/${f.meetingId}/agenda/reorder`,
      payload: { itemIds: [...f.itemIds].reverse() },
    }),
    success: 200,
  },
  {
    name: 'PATCH /agenda-items/:id',
    request: (f) => ({
      method: 'PATCH',
      url: `/api/v1/agenda-items/${f.itemIds[0]}`,
      headers: { 'if-match': `W/"${f.itemIds[0]}:1"` },
      payload: { bodyHtml: '<p>Changed</p>' },
    }),
    success: 200,
  },
  {
    name: 'DELETE /agenda-items/:id',
    request: (f) => ({ method: 'DELETE', url: `/api/v1/agenda-items/${f.itemIds[1]}` }),
    success: 204,
  },
  {
    name: 'POST /agenda-items/:id/papers',
    request: (f) => ({ method: 'POST', url: `/api/v1/agenda-items/${f.itemIds[0]}/papers`, ...pdfUpload() }),
    success: 201,
  },
  {
    name: 'DELETE /papers/:id',
    request: (f) => ({ method: 'DELETE', url: `/api/v1/papers/${f.paperId}` }),
    success: 204,
  },
];

function expected(route: WriteRoute, role: Role): number {
  if (role === 'anonymous') return 401;
  if (role === 'admin') return route.success;
  if (role === 'secretariat' && !route.adminOnly) return route.success;
  return 403;
}

describe('permission matrix for board, meeting and agenda writes', () => {
  let t: TestApp;
  let admin: TestUser;
  let users: Record<Exclude<Role, 'anonymous'>, TestUser>;
  let boardId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ roles: ['admin'] });
    const board = await createBoard(t, admin);
    const other = await createBoard(t, admin);
    boardId = board.id;
    const org = await t.request({
      method: 'POST',
      url: '/api/v1/organisations',
      as: admin,
      payload: { name: 'West Midlands Police', shortName: 'WMP' },
    });
    users = {
      admin,
      secretariat: await t.user({ roles: ['secretariat'], boards: [board.id] }),
      otherSecretariat: await t.user({ roles: ['secretariat'], boards: [other.id] }),
      officer: await t.user({ roles: ['officer'], organisationId: (org.json() as { id: string }).id }),
      member: await t.user({ roles: ['member'] }),
    };
  });
  afterAll(() => t.close());

  /** A fresh meeting with one of everything, so each case starts from the same state. */
  async function fixture(): Promise<Fixture> {
    const meeting = await createMeeting(t, admin, boardId);
    const person = await createPerson(t, admin, 'Jennifer Mattinson', 'Deputy Chief Constable', null);
    const newPerson = await createPerson(t, admin, 'Scott Green', 'Chief Constable', null);
    const attendance = await t.request({
      method: 'POST',
      url: `/api/v1/meetings/${meeting.id}/attendance`,
      as: admin,
      payload: { personId: person.id, status: 'present' },
    });
    const declaration = await t.request({
      method: 'POST',
      url: `/api/v1/meetings/${meeting.id}/declarations`,
      as: admin,
      payload: { personId: person.id, interest: 'Member of a charity' },
    });
    const paper = await t.request({
      method: 'POST',
      url: `/api/v1/agenda-items/${meeting.items[0]!.id}/papers`,
      as: admin,
      ...pdfUpload(),
    });
    const board = await t.request({ method: 'GET', url: `/api/v1/boards/${boardId}`, as: admin });
    return {
      boardId,
      boardEtag: String(board.headers.etag),
      meetingId: meeting.id,
      itemIds: meeting.items.map((i) => i.id),
      attendanceId: (attendance.json() as { id: string }).id,
      declarationId: (declaration.json() as { id: string }).id,
      paperId: (paper.json() as { id: string }).id,
      newPersonId: newPerson.id,
    };
  }

  /** Every row a write here could touch, files by hash (not bytes). */
  async function snapshot() {
    const db = t.database.db;
    return JSON.stringify([
      await db.selectFrom('boards').selectAll().orderBy('id').execute(),
      await db.selectFrom('meetings').selectAll().orderBy('id').execute(),
      await db
        .selectFrom('agenda_items')
        .select(['id', 'position', 'title', 'body_html', 'version', 'confidentiality'])
        .orderBy('id')
        .execute(),
      await db.selectFrom('attendance').selectAll().orderBy('id').execute(),
      await db.selectFrom('declarations').selectAll().orderBy('id').execute(),
      await db.selectFrom('papers').selectAll().orderBy('id').execute(),
      await db.selectFrom('files').select(['id', 'sha256']).orderBy('id').execute(),
      await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .execute(),
    ]);
  }

  for (const route of routes) {
    describe(route.name, () => {
      it.each(roles)('%s', async (role) => {
        const f = await fixture();
        const { url, ...opts } = route.request(f);
        const before = await snapshot();
        const res = await t.request({ ...opts, url, as: role === 'anonymous' ? undefined : users[role] });
        const want = expected(route, role);
        if (want >= 400) {
          expectProblem(res, want);
          expect(await snapshot(), 'a denied write changed the database').toBe(before);
        } else {
          expect(res.statusCode, res.body).toBe(want);
          expect(await snapshot()).not.toBe(before);
        }
      });
    });
  }
});
