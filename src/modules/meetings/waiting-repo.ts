/**
 * Why this file exists: the SQL behind the secretariat's to-do list (issue 15): meetings whose notes
 * wait on them, and upcoming meetings that have received questions. Only boards the actor
 * administers are read (access/administersBoard), and questions are counted as the actor may see them.
 */
import { sql } from 'kysely';
import { administersBoard, questionConfidentiality, visibleToActor } from '../../access/index.ts';
import type { Actor } from '../../core/principal.ts';
import type { Database } from '../../db/database.ts';

const notesState = sql<string>`coalesce(meeting_publication.notes_state, 'draft')`;

/** Meetings already held whose notes are still a draft, or submitted and awaiting approval; oldest first. */
export function listMeetingsAwaitingNotes(db: Database, actor: Actor, now: Date) {
  return db
    .selectFrom('meetings')
    .innerJoin('boards', 'boards.id', 'meetings.board_id')
    .leftJoin('meeting_publication', 'meeting_publication.meeting_id', 'meetings.id')
    .select(['meetings.id', 'meetings.board_id', 'meetings.starts_at', notesState.as('notes_state')])
    .where(administersBoard(actor, 'meetings.board_id'))
    .where('meetings.status', '!=', 'cancelled')
    .where('meetings.starts_at', '<=', now)
    .where((eb) =>
      eb.or([
        eb(notesState, '=', 'submitted'),
        eb.and([
          eb(notesState, '=', 'draft'),
          eb('meetings.status', 'in', ['scheduled', 'held', 'notes_drafted']),
        ]),
      ]),
    )
    .orderBy('meetings.starts_at')
    .orderBy('meetings.id')
    .limit(200)
    .execute();
}

/** Meetings still to come that have received questions, with how many; soonest first. */
export function listUpcomingMeetingsWithQuestions(db: Database, actor: Actor, now: Date) {
  return db
    .selectFrom('questions')
    .innerJoin('meetings', 'meetings.id', 'questions.meeting_id')
    .leftJoin('agenda_items', 'agenda_items.id', 'questions.item_id')
    .select(['meetings.id', 'meetings.board_id', 'meetings.starts_at'])
    .select((eb) => eb.fn.countAll<string>().as('questions'))
    .where(administersBoard(actor, 'meetings.board_id'))
    .where(visibleToActor(actor, 'meetings.board_id', questionConfidentiality('agenda_items')))
    .where('meetings.status', '!=', 'cancelled')
    .where('meetings.starts_at', '>', now)
    .groupBy(['meetings.id', 'meetings.board_id', 'meetings.starts_at'])
    .orderBy('meetings.starts_at')
    .orderBy('meetings.id')
    .limit(200)
    .execute();
}
