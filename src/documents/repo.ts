/** What the documents read: SQL only. Confidentiality is filtered by the loaders, in one place each. */
import { sql } from 'kysely';
import { closureNotePublic } from '../access/index.ts';
import type { Database } from '../db/database.ts';
import type { ActionStatus } from '../db/schema.ts';

export function findMeeting(db: Database, id: string) {
  return db
    .selectFrom('meetings')
    .innerJoin('boards', 'boards.id', 'meetings.board_id')
    .select([
      'meetings.id',
      'meetings.board_id',
      'meetings.starts_at',
      'meetings.location',
      'meetings.online',
      'meetings.status',
      'meetings.summary',
      'meetings.next_meeting_id',
      'meetings.next_meeting_date',
      'boards.name as board_name',
      'boards.code as board_code',
      'boards.list_exempt_titles',
    ])
    .where('meetings.id', '=', id)
    .executeTakeFirst();
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

export function findMeetingSchedule(db: Database, id: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'starts_at', 'location', 'online', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findBoard(db: Database, id: string) {
  return db
    .selectFrom('boards')
    .select(['id', 'name', 'code', 'list_exempt_titles'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findOrganisation(db: Database, id: string) {
  return db.selectFrom('organisations').select(['id', 'short_name']).where('id', '=', id).executeTakeFirst();
}

/** Board of each meeting asked for (unknown ids are simply absent). */
export function meetingBoards(db: Database, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('meetings').select(['id', 'board_id']).where('id', 'in', ids).execute();
}

export function existingBoards(db: Database, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('boards').select(['id', 'id as board_id']).where('id', 'in', ids).execute();
}

export function listItems(db: Database, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('agenda_items')
    .select(['id', 'meeting_id', 'position', 'title', 'kind', 'presenters', 'body_html', 'confidentiality'])
    .where('meeting_id', 'in', meetingIds)
    .orderBy('meeting_id')
    .orderBy('position')
    .orderBy('id')
    .execute();
}
export type ItemRow = Awaited<ReturnType<typeof listItems>>[number];

export function listAttendance(db: Database, meetingId: string) {
  return db
    .selectFrom('attendance')
    .innerJoin('people', 'people.id', 'attendance.person_id')
    .select([
      'attendance.id',
      'attendance.role',
      'attendance.organisation',
      'attendance.status',
      'attendance.for_item_id',
      'people.name',
      'people.job_title',
    ])
    .where('attendance.meeting_id', '=', meetingId)
    .orderBy('attendance.position')
    .orderBy('people.name')
    .orderBy('attendance.id')
    .execute();
}

export function listQuestions(db: Database, meetingId: string) {
  return db
    .selectFrom('questions')
    .select([
      'id',
      'item_id',
      'number',
      'source',
      'text',
      'asked_by_printed',
      'public_asker_name',
      'public_name_consent',
      'answer_html',
    ])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .orderBy(sql`number nulls last`)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
export type QuestionRow = Awaited<ReturnType<typeof listQuestions>>[number];

export function listMeetingActions(db: Database, meetingId: string) {
  return db
    .selectFrom('actions')
    .innerJoin('organisations', 'organisations.id', 'actions.owner_organisation_id')
    .select([
      'actions.id',
      'actions.reference',
      'actions.text',
      'actions.item_id',
      'actions.question_id',
      'actions.confidentiality',
      'actions.created_at',
      'organisations.short_name as owner_organisation',
    ])
    .where('actions.meeting_id', '=', meetingId)
    .execute();
}

export function listPapers(db: Database, itemIds: readonly string[]) {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('papers')
    .innerJoin('files', 'files.id', 'papers.file_id')
    .select([
      'papers.item_id',
      'papers.title',
      'papers.confidentiality',
      'files.filename',
      'files.content_type',
      'files.size_bytes',
    ])
    .where('papers.item_id', 'in', itemIds)
    .orderBy('papers.created_at')
    .orderBy('papers.id')
    .execute();
}

export interface ActionLogQuery {
  boardId: string;
  statuses: ActionStatus[] | null;
  ownerOrganisationId: string | null;
  /** Europe/London calendar dates of the meeting at which the action was raised, inclusive. */
  from: string | null;
  to: string | null;
}

const meetingLondonDate = sql<string>`(meetings.starts_at at time zone 'Europe/London')::date`;

export function listBoardActions(db: Database, query: ActionLogQuery) {
  let q = db
    .selectFrom('actions')
    .innerJoin('meetings', 'meetings.id', 'actions.meeting_id')
    .innerJoin('organisations', 'organisations.id', 'actions.owner_organisation_id')
    .leftJoin('people', 'people.id', 'actions.owner_person_id')
    .leftJoin('questions', 'questions.id', 'actions.question_id')
    .select([
      'actions.id',
      'actions.reference',
      'actions.text',
      'actions.status',
      'actions.due_date',
      'actions.closed_at',
      'actions.closure_note',
      closureNotePublic('actions').as('closure_public'),
      'actions.confidentiality',
      'actions.meeting_id',
      'actions.item_id',
      'actions.created_at',
      'questions.item_id as question_item_id',
      'meetings.starts_at as meeting_starts_at',
      'organisations.short_name as owner_organisation',
      'people.name as owner_name',
      'people.job_title as owner_job_title',
    ])
    .where('actions.board_id', '=', query.boardId);
  if (query.statuses) q = q.where('actions.status', 'in', query.statuses);
  if (query.ownerOrganisationId) q = q.where('actions.owner_organisation_id', '=', query.ownerOrganisationId);
  if (query.from) q = q.where(meetingLondonDate, '>=', sql<string>`${query.from}::date`);
  if (query.to) q = q.where(meetingLondonDate, '<=', sql<string>`${query.to}::date`);
  return q.orderBy('meetings.starts_at').orderBy('actions.created_at').orderBy('actions.id').execute();
}
export type BoardActionRow = Awaited<ReturnType<typeof listBoardActions>>[number];

/** The newest public update of each action. */
export function latestPublicUpdates(db: Database, actionIds: readonly string[]) {
  if (actionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('action_updates')
    .distinctOn('action_id')
    .select(['action_id', 'created_at', 'text', 'author_name'])
    .where('action_id', 'in', actionIds)
    .where('public', '=', true)
    .orderBy('action_id')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
