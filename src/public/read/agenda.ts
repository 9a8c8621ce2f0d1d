/** Why this file exists: the public read of a published agenda: public items and their public papers. */
import type { Database } from '../../db/database.ts';
import { toLondon } from '../../time/london.ts';
import type { PublicMeetingSummary } from './meetings.ts';

export interface PublicPaper {
  id: string;
  title: string;
  sizeBytes: number;
  sha256: string;
  filename: string;
  contentType: string;
  createdAt: Date;
}

export interface PublicAgendaItem {
  id: string;
  number: number;
  title: string;
  presenters: string[];
  papers: PublicPaper[];
  /** Earlier meetings whose notes were approved under this item ("Notes of last meeting"). */
  approvesNotesOf: { meetingId: string; date: string }[];
  createdAt: Date;
}

/** The public agenda, once published (or once notes are): public items and their public papers only. */
/** The meeting of a public agenda item; null for an unknown or non-public item. */
export async function publicItemMeeting(db: Database, itemId: string): Promise<string | null> {
  const row = await db
    .selectFrom('agenda_items')
    .select('meeting_id')
    .where('id', '=', itemId)
    .where('confidentiality', '=', 'public')
    .executeTakeFirst();
  return row?.meeting_id ?? null;
}

export async function publicAgenda(
  db: Database,
  meeting: PublicMeetingSummary,
): Promise<PublicAgendaItem[] | null> {
  if (!meeting.agendaPublished && !meeting.notesPublished) return null;
  const items = await db
    .selectFrom('agenda_items')
    .select(['id', 'title', 'kind', 'presenters', 'created_at'])
    .where('meeting_id', '=', meeting.id)
    .where('confidentiality', '=', 'public')
    .orderBy('position')
    .orderBy('id')
    .execute();
  const papers = items.length
    ? await db
        .selectFrom('papers')
        .innerJoin('files', 'files.id', 'papers.file_id')
        .select([
          'papers.id',
          'papers.item_id',
          'papers.title',
          'papers.created_at',
          'files.size_bytes',
          'files.sha256',
          'files.filename',
          'files.content_type',
        ])
        .where(
          'papers.item_id',
          'in',
          items.map((i) => i.id),
        )
        .where('papers.confidentiality', '=', 'public')
        .orderBy('papers.created_at')
        .orderBy('papers.id')
        .execute()
    : [];
  // Notes approved at this meeting, linked from its "Notes of last meeting" item once published.
  const approved = await db
    .selectFrom('meetings')
    .select(['meetings.id', 'meetings.starts_at'])
    .where('meetings.notes_approved_at_meeting_id', '=', meeting.id)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('notes_versions')
          .select('notes_versions.id')
          .whereRef('notes_versions.meeting_id', '=', 'meetings.id'),
      ),
    )
    .orderBy('meetings.starts_at')
    .execute();
  const previousNotesItem = items.find((i) => i.kind === 'previous_notes');
  return items.map((item, index) => ({
    id: item.id,
    number: index + 1,
    title: item.title,
    presenters: item.presenters.map((p) => p.printed.trim()).filter(Boolean),
    papers: papers
      .filter((p) => p.item_id === item.id)
      .map((p) => ({
        id: p.id,
        title: p.title,
        sizeBytes: p.size_bytes,
        sha256: p.sha256,
        filename: p.filename,
        contentType: p.content_type,
        createdAt: p.created_at,
      })),
    approvesNotesOf:
      item.id === previousNotesItem?.id
        ? approved.map((m) => ({ meetingId: m.id, date: toLondon(m.starts_at).date }))
        : [],
    createdAt: item.created_at,
  }));
}

/** A public paper of a public item of a meeting whose agenda (or notes) is published; else null. */
export async function findPublicPaper(db: Database, id: string) {
  const row = await db
    .selectFrom('papers')
    .innerJoin('files', 'files.id', 'papers.file_id')
    .innerJoin('agenda_items', 'agenda_items.id', 'papers.item_id')
    .leftJoin('meeting_publication as p', 'p.meeting_id', 'agenda_items.meeting_id')
    .select([
      'papers.id',
      'papers.title',
      'files.filename',
      'files.sha256',
      'files.data',
      'files.created_at',
      'p.agenda_published_at',
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('notes_versions')
            .select('notes_versions.id')
            .whereRef('notes_versions.meeting_id', '=', 'agenda_items.meeting_id'),
        )
        .as('notes_published'),
    )
    .where('papers.id', '=', id)
    .where('papers.confidentiality', '=', 'public')
    .where('agenda_items.confidentiality', '=', 'public')
    .executeTakeFirst();
  if (!row || (!row.agenda_published_at && !row.notes_published)) return null;
  return row;
}
