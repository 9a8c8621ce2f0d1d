import { type Insertable, sql } from 'kysely';
import { questionConfidentiality, questionNumberFor, visibleToActor } from '../../access/index.ts';
import type { Actor } from '../../core/principal.ts';
import type { Database } from '../../db/database.ts';
import type { QuestionsTable } from '../../db/schema.ts';

/** `actor`: whose numbering `printed_number` is (see questionNumberFor); without one, the stored number. */
function questionsQuery(db: Database, actor?: Actor) {
  return db
    .selectFrom('questions')
    .innerJoin('meetings', 'meetings.id', 'questions.meeting_id')
    .leftJoin('agenda_items', 'agenda_items.id', 'questions.item_id')
    .selectAll('questions')
    .select([
      'meetings.board_id',
      'agenda_items.position as item_position',
      questionConfidentiality('agenda_items').as('confidentiality'),
      (actor === undefined
        ? sql<number | null>`questions.number`
        : questionNumberFor(actor, 'questions', 'meetings.board_id')
      ).as('printed_number'),
    ]);
}

export type QuestionRow = NonNullable<Awaited<ReturnType<typeof findQuestion>>>;

/** With `meetingId`, only if it is that meeting's question (a URL that names the meeting and the question). */
export function findQuestion(
  db: Database,
  id: string,
  opts: { lock?: boolean; meetingId?: string; actor?: Actor } = {},
) {
  let query = questionsQuery(db, opts.actor).where('questions.id', '=', id);
  if (opts.meetingId !== undefined) query = query.where('questions.meeting_id', '=', opts.meetingId);
  if (opts.lock) query = query.forUpdate('questions');
  return query.executeTakeFirst();
}

/** Questions of one meeting the actor may see, in agenda order then the secretariat's order. */
export function listQuestionsForMeeting(db: Database, meetingId: string, actor: Actor) {
  return questionsQuery(db, actor)
    .where('questions.meeting_id', '=', meetingId)
    .where(visibleToActor(actor, 'meetings.board_id', questionConfidentiality('agenda_items')))
    .orderBy(sql`agenda_items.position nulls first`)
    .orderBy('questions.position')
    .orderBy('questions.created_at')
    .orderBy('questions.id')
    .limit(1000)
    .execute();
}

export async function nextNumber(db: Database, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('questions')
    .select(sql<number>`coalesce(max(number), 0) + 1`.as('n'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function nextPosition(db: Database, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('questions')
    .select(sql<number>`coalesce(max(position), 0) + 1`.as('n'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function numberTaken(db: Database, meetingId: string, number: number, exceptId?: string) {
  let query = db
    .selectFrom('questions')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where('number', '=', number);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return !!(await query.executeTakeFirst());
}

export type QuestionInsert = Omit<Insertable<QuestionsTable>, 'id' | 'created_at' | 'updated_at' | 'version'>;

export async function insertQuestion(db: Database, row: QuestionInsert): Promise<string> {
  const { id } = await db.insertInto('questions').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateQuestion(db: Database, id: string, patch: Partial<QuestionInsert>) {
  await db
    .updateTable('questions')
    .set({ ...patch, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function deleteQuestion(db: Database, id: string) {
  await db.deleteFrom('questions').where('id', '=', id).execute();
}

export function listQuestionIds(db: Database, meetingId: string) {
  return db
    .selectFrom('questions')
    .select(['id', 'source', 'position', 'number'])
    .where('meeting_id', '=', meetingId)
    .forUpdate()
    .execute();
}

export async function setOrder(db: Database, id: string, position: number, number: number | null) {
  await db
    .updateTable('questions')
    .set({
      position,
      number,
      version: sql`version + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** The meeting's numbered questions in number order (then the secretariat's order), locked. */
export function listNumberedQuestions(db: Database, meetingId: string) {
  return db
    .selectFrom('questions')
    .select(['id', 'number'])
    .where('meeting_id', '=', meetingId)
    .where('number', 'is not', null)
    .orderBy('number')
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function setNumber(db: Database, id: string, number: number) {
  await db
    .updateTable('questions')
    .set({ number, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}
