import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceNotesFile } from '../../src/demo/reference-notes.ts';
import { createTestApp, expectProblem, type TestApp, type TestUser } from '../helpers/app.ts';

const reference = readFileSync(referenceNotesFile, 'utf8');

describe('importing the reference notes through the API', () => {
  let t: TestApp;
  let boardId: string;
  let secretariat: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    const board = await t.database.db
      .insertInto('boards')
      .values({ name: 'Accountability and Governance Board', code: 'AGB' })
      .returning('id')
      .executeTakeFirstOrThrow();
    boardId = board.id;
    secretariat = await t.user({ roles: ['secretariat'], boards: [boardId] });
  });
  afterAll(() => t.close());

  const post = (as: TestUser | undefined, body: object) =>
    t.request({ method: 'POST', url: `/api/v1/boards/${boardId}/import-notes`, as, payload: body });

  it('a dry run reports what it would import and saves nothing', async () => {
    const res = await post(secretariat, { text: reference, dryRun: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      meetingId: null,
      counts: { present: 12, apologies: 3, items: 8, preSubmittedQuestions: 3, actions: 4 },
      unplaced: [],
    });
    const meetings = await t.database.db.selectFrom('meetings').select('id').execute();
    expect(meetings).toEqual([]);
  });

  it('yields the meeting: 12 present, 3 apologies, 8 items, 3 questions by Wasim Ali, 4 WMP actions', async () => {
    const res = await post(secretariat, { text: reference, location: 'Lloyd House, Birmingham' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { meetingId: string; actions: { reference: string; text: string }[] };
    expect(body.actions.map((a) => a.reference)).toEqual([
      'AGB/2026-03/1',
      'AGB/2026-03/2',
      'AGB/2026-03/3',
      'AGB/2026-03/4',
    ]);
    expect(body.actions[0]!.text).toBe(
      "WMP to provide OPCC with specific data in relation to Raneem's Law once finalised and audited.",
    );

    const db = t.database.db;
    const meeting = await db
      .selectFrom('meetings')
      .selectAll()
      .where('id', '=', body.meetingId)
      .executeTakeFirstOrThrow();
    expect(meeting.starts_at.toISOString()).toBe('2026-03-24T10:00:00.000Z');
    expect(meeting.next_meeting_date).toBe('2026-04-28');
    const attendance = await db
      .selectFrom('attendance')
      .innerJoin('people', 'people.id', 'attendance.person_id')
      .select(['people.name', 'attendance.role', 'attendance.organisation', 'attendance.status'])
      .where('meeting_id', '=', body.meetingId)
      .execute();
    expect(attendance.filter((a) => a.status === 'present')).toHaveLength(12);
    expect(attendance.filter((a) => a.status === 'apologies')).toHaveLength(3);
    expect(attendance).toContainEqual({
      name: "Mike O'Hara",
      role: 'Assistant Chief Constable',
      organisation: 'WMP',
      status: 'present',
    });
    const items = await db
      .selectFrom('agenda_items')
      .selectAll()
      .where('meeting_id', '=', body.meetingId)
      .orderBy('position')
      .execute();
    expect(items).toHaveLength(8);
    expect(items[5]!.presenters).toEqual([
      expect.objectContaining({ printed: 'Temporary Assistant Chief Constable, Richard North' }),
    ]);
    // Bodies keep the opening text only: questions and actions are records of their own.
    expect(items[4]!.body_html).not.toContain('Question 1');
    expect(items[2]!.body_html).toContain('<ol type="I">');
    const questions = await db
      .selectFrom('questions')
      .selectAll()
      .where('meeting_id', '=', body.meetingId)
      .execute();
    const preSubmitted = questions.filter((q) => q.source === 'pre_submitted');
    expect(preSubmitted).toHaveLength(3);
    expect(new Set(preSubmitted.map((q) => q.asked_by_printed))).toEqual(
      new Set(['Deputy Police and Crime Commissioner, Wasim Ali']),
    );
    const actions = await db
      .selectFrom('actions')
      .innerJoin('organisations', 'organisations.id', 'actions.owner_organisation_id')
      .select(['organisations.short_name', 'actions.question_id', 'actions.due_date'])
      .where('meeting_id', '=', body.meetingId)
      .execute();
    expect(actions.map((a) => a.short_name)).toEqual(['WMP', 'WMP', 'WMP', 'WMP']);
    expect(actions.every((a) => a.question_id !== null && a.due_date === '2026-04-28')).toBe(true);
  });

  it('reports what it cannot place, with line numbers', async () => {
    const text =
      'Accountability and Governance Board\nNotes of the Meeting\nTuesday 24 March 2026\nstray words before any item\n1\tAttendees:\n2\tClose\nACTION: to be decided by someone.';
    const res = await post(secretariat, { text, dryRun: true });
    const body = res.json() as { unplaced: { line: number; reason: string }[] };
    expect(body.unplaced.length).toBeGreaterThan(0);
    expect(body.unplaced.every((u) => u.line >= 1 && u.reason.length > 0)).toBe(true);
  });

  it('refuses text without a meeting date (422) and non-secretariat callers (403)', async () => {
    expectProblem(await post(secretariat, { text: 'hello' }), 422);
    const member = await t.user({ roles: ['member'] });
    expectProblem(await post(member, { text: reference }), 403);
    const otherBoardSecretariat = await t.user({ roles: ['secretariat'] });
    expectProblem(await post(otherBoardSecretariat, { text: reference }), 403);
    expectProblem(await post(undefined, { text: reference }), 401);
  });
});
