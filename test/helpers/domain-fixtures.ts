import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type {
  ActionStatus,
  Confidentiality,
  ItemKind,
  MeetingStatus,
  QuestionSource,
} from '../../src/db/schema.ts';
import { createTestApp, type TestApp, type TestUser } from './app.ts';
/**
 * Boards, meetings, agenda items, people and organisations straight into the database with Kysely,
 * so the domain tests do not depend on the meetings endpoints (built elsewhere). Questions and
 * actions have direct inserts too, for permission tests that need a fresh object per case.
 */

export async function createOrganisation(db: Database, opts: { name: string; shortName: string }) {
  return db
    .insertInto('organisations')
    .values({ name: opts.name, short_name: opts.shortName })
    .returning(['id', 'short_name'])
    .executeTakeFirstOrThrow();
}

export async function createPerson(
  db: Database,
  opts: { name: string; jobTitle?: string | null; organisationId?: string | null },
) {
  return db
    .insertInto('people')
    .values({
      name: opts.name,
      job_title: opts.jobTitle ?? null,
      organisation_id: opts.organisationId ?? null,
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}

export async function createBoard(
  db: Database,
  opts: { name?: string; code?: string; questionDeadlineDays?: number } = {},
) {
  return db
    .insertInto('boards')
    .values({
      name: opts.name ?? 'Accountability and Governance Board',
      code: opts.code ?? 'AGB',
      question_deadline_days: opts.questionDeadlineDays ?? 7,
    })
    .returning(['id', 'code'])
    .executeTakeFirstOrThrow();
}

export async function createMeeting(
  db: Database,
  boardId: string,
  opts: {
    startsAt: string | Date;
    questionDeadline?: string | Date | null;
    status?: MeetingStatus;
    nextMeetingDate?: string | null;
  },
) {
  return db
    .insertInto('meetings')
    .values({
      board_id: boardId,
      starts_at: opts.startsAt,
      question_deadline: opts.questionDeadline ?? null,
      status: opts.status ?? 'scheduled',
      next_meeting_date: opts.nextMeetingDate ?? null,
    })
    .returning(['id', 'starts_at'])
    .executeTakeFirstOrThrow();
}

export async function createItem(
  db: Database,
  meetingId: string,
  opts: {
    position: number;
    title: string;
    kind?: ItemKind;
    confidentiality?: Confidentiality;
    bodyText?: string;
    bodyHtml?: string;
  },
) {
  const confidentiality = opts.confidentiality ?? 'public';
  return db
    .insertInto('agenda_items')
    .values({
      meeting_id: meetingId,
      position: opts.position,
      title: opts.title,
      kind: opts.kind ?? 'other',
      confidentiality,
      exempt_reason: confidentiality === 'exempt' ? 'Paragraph 7 of Schedule 12A (law enforcement)' : null,
      body_text: opts.bodyText ?? '',
      body_html: opts.bodyHtml ?? '',
    })
    .returning(['id', 'position'])
    .executeTakeFirstOrThrow();
}

export async function insertQuestion(
  db: Database,
  meetingId: string,
  opts: {
    text?: string;
    itemId?: string | null;
    source?: QuestionSource;
    submittedByUserId?: string | null;
    /** Its place in the meeting's order; without it, questions tie and fall back to creation time. */
    position?: number;
  } = {},
) {
  return db
    .insertInto('questions')
    .values({
      meeting_id: meetingId,
      item_id: opts.itemId ?? null,
      ...(opts.position === undefined ? {} : { position: opts.position }),
      source: opts.source ?? 'in_meeting',
      text: opts.text ?? 'What assurance can you give?',
      submitted_by_user_id: opts.submittedByUserId ?? null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

export async function insertAction(
  db: Database,
  opts: {
    boardId: string;
    meetingId: string;
    ownerOrganisationId: string;
    itemId?: string | null;
    text?: string;
    status?: ActionStatus;
    confidentiality?: Confidentiality;
    dueDate?: string | null;
  },
) {
  return db
    .insertInto('actions')
    .values({
      board_id: opts.boardId,
      meeting_id: opts.meetingId,
      owner_organisation_id: opts.ownerOrganisationId,
      item_id: opts.itemId ?? null,
      reference: `FIX/${randomUUID().slice(0, 8)}`,
      text: opts.text ?? 'WMP to provide OPCC with data.',
      status: opts.status ?? 'open',
      confidentiality: opts.confidentiality ?? 'public',
      due_date: opts.dueDate ?? null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

/** The rows of some tables, for asserting that a refused request changed nothing. */
export async function snapshot(
  db: Database,
  tables: (
    | 'questions'
    | 'actions'
    | 'action_updates'
    | 'plans'
    | 'commitments'
    | 'commitment_ratings'
    | 'commitment_links'
    | 'files'
  )[],
): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = await db.selectFrom(table).selectAll().execute();
    out[table] = rows
      .map((r) => {
        const { search: _search, data: _data, ...rest } = r as Record<string, unknown>;
        return rest;
      })
      .sort((a, b) => String(a.id).localeCompare(String(b.id)));
  }
  return JSON.stringify(out);
}

/**
 * The Accountability and Governance Board of 24 March 2026 as the reference notes record it, with
 * its next meeting on 28 April 2026, and an exempt item carrying a canary word that must never
 * reach members.
 */
export async function createReferenceBoard(db: Database, opts: { code?: string } = {}) {
  const board = await createBoard(db, { code: opts.code ?? 'AGB' });
  const opcc = await createOrganisation(db, {
    name: 'Office of the Police and Crime Commissioner',
    shortName: `OPCC${opts.code ?? ''}`,
  });
  const wmp = await createOrganisation(db, {
    name: 'West Midlands Police',
    shortName: `WMP${opts.code ?? ''}`,
  });
  const wasim = await createPerson(db, {
    name: 'Wasim Ali',
    jobTitle: 'Deputy Police and Crime Commissioner',
    organisationId: opcc.id,
  });
  const north = await createPerson(db, {
    name: 'Richard North',
    jobTitle: 'Temporary Assistant Chief Constable',
    organisationId: wmp.id,
  });
  const ohara = await createPerson(db, {
    name: "Mike O'Hara",
    jobTitle: 'Assistant Chief Constable',
    organisationId: wmp.id,
  });
  // 10:00 in London: GMT on 24 March, BST on 28 April.
  const march = await createMeeting(db, board.id, {
    startsAt: '2026-03-24T10:00:00Z',
    questionDeadline: '2026-03-17T10:00:00Z',
    status: 'held',
  });
  const april = await createMeeting(db, board.id, {
    startsAt: '2026-04-28T09:00:00Z',
    questionDeadline: '2026-04-21T09:00:00Z',
  });
  const items = {
    questions: await createItem(db, march.id, {
      position: 5,
      title: 'Questions from AGB members',
      kind: 'questions',
    }),
    domesticAbuse: await createItem(db, march.id, {
      position: 6,
      title: 'Domestic Abuse',
      kind: 'report',
      bodyText: 'The item was presented by Assistant Chief Constable Richard North.',
    }),
    vawg: await createItem(db, march.id, {
      position: 7,
      title: 'Violence Against Women and Girls (VAWG) and Child Sexual Exploitation (CSE)',
      kind: 'report',
    }),
    exempt: await createItem(db, march.id, {
      position: 9,
      title: 'Operational matter',
      kind: 'other',
      confidentiality: 'exempt',
      bodyText: 'Covert deployment codenamed Quetzalcoatlus near the canal.',
    }),
    opccOnly: await createItem(db, march.id, {
      position: 10,
      title: 'OPCC internal',
      kind: 'other',
      confidentiality: 'opcc_only',
      bodyText: 'Budget line Xylophonist for the commissioner only.',
    }),
  };
  return { board, opcc, wmp, people: { wasim, north, ohara }, march, april, items };
}

export type ReferenceBoard = Awaited<ReturnType<typeof createReferenceBoard>>;

/** The callers of the permission matrices: every kind of user, for one board and one owning organisation. */
export type MatrixRole =
  | 'admin'
  | 'secretariat'
  | 'otherSecretariat'
  | 'officerOwn'
  | 'officerOther'
  | 'member'
  | 'anonymous';
export const matrixRoles: MatrixRole[] = [
  'admin',
  'secretariat',
  'otherSecretariat',
  'officerOwn',
  'officerOther',
  'member',
  'anonymous',
];

export async function createMatrixUsers(
  t: TestApp,
  opts: { boardId: string; otherBoardId: string; ownOrganisationId: string; otherOrganisationId: string },
): Promise<Record<Exclude<MatrixRole, 'anonymous'>, TestUser>> {
  return {
    admin: await t.user({ roles: ['admin'] }),
    secretariat: await t.user({ roles: ['secretariat'], boards: [opts.boardId] }),
    otherSecretariat: await t.user({ roles: ['secretariat'], boards: [opts.otherBoardId] }),
    officerOwn: await t.user({ roles: ['officer'], organisationId: opts.ownOrganisationId }),
    officerOther: await t.user({ roles: ['officer'], organisationId: opts.otherOrganisationId }),
    member: await t.user({ roles: ['member'] }),
  };
}

export type MatrixUsers = Record<Exclude<MatrixRole, 'anonymous'>, TestUser>;

/**
 * What every write-matrix test starts from: an app, the reference board (WMP owns its actions, the
 * OPCC is the "other" organisation), a second board for the other secretariat, and one user per role.
 */
export async function setUpMatrix(
  config: Record<string, string> = {},
): Promise<{ t: TestApp; ref: ReferenceBoard; otherBoardId: string; users: MatrixUsers }> {
  const t = await createTestApp(config);
  const ref = await createReferenceBoard(t.database.db);
  const other = await createBoard(t.database.db, { code: 'OTH' });
  const users = await createMatrixUsers(t, {
    boardId: ref.board.id,
    otherBoardId: other.id,
    ownOrganisationId: ref.wmp.id,
    otherOrganisationId: ref.opcc.id,
  });
  return { t, ref, otherBoardId: other.id, users };
}

/** Every row my write routes could touch, plus the size of the audit log. */
export async function domainSnapshot(db: Database): Promise<string> {
  const tables = await snapshot(db, [
    'questions',
    'actions',
    'action_updates',
    'plans',
    'commitments',
    'commitment_ratings',
    'commitment_links',
    'files',
  ]);
  const audit = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return `${tables}\naudit:${audit.n}`;
}

export type MatrixExpectation = Record<MatrixRole, number>;

/** Writes for the board's secretariat (and admins) only. */
export function secretariatOnly(success: number): MatrixExpectation {
  return {
    admin: success,
    secretariat: success,
    otherSecretariat: 403,
    officerOwn: 403,
    officerOther: 403,
    member: 403,
    anonymous: 401,
  };
}

/** Writes for the owning organisation's officers as well as the secretariat. */
export function ownerOrSecretariat(success: number): MatrixExpectation {
  return { ...secretariatOnly(success), officerOwn: success };
}

/** Writes for any secretariat user (of any board) and admins. */
export function anySecretariat(success: number): MatrixExpectation {
  return { ...secretariatOnly(success), otherSecretariat: success };
}

export interface MatrixRoute<F> {
  name: string;
  request: (f: F) => Omit<InjectOptions, 'url'> & { url: string };
  expect: MatrixExpectation;
}

/**
 * Each route × each role on a fresh fixture: the status must be the expected one, and a refused
 * request must leave every table as it was (and write nothing to the audit log).
 */
export function describeWriteMatrix<F>(
  ctx: () => { t: TestApp; users: Record<Exclude<MatrixRole, 'anonymous'>, TestUser> },
  fixture: () => Promise<F>,
  routes: MatrixRoute<F>[],
): void {
  for (const route of routes) {
    describe(route.name, () => {
      it.each(matrixRoles)('%s', async (role) => {
        const { t, users } = ctx();
        const f = await fixture();
        const before = await domainSnapshot(t.database.db);
        const res = await t.request({
          ...route.request(f),
          as: role === 'anonymous' ? undefined : users[role],
        });
        const want = route.expect[role];
        expect(res.statusCode, `${route.name} as ${role}: ${res.body.slice(0, 300)}`).toBe(want);
        if (want >= 400) {
          expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
          expect(await domainSnapshot(t.database.db)).toBe(before);
        } else {
          expect(await domainSnapshot(t.database.db)).not.toBe(before);
        }
      });
    });
  }
}
