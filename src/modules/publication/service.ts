/**
 * The notes workflow (draft → submitted → approved → published → corrections) and the publishing of
 * the agenda. Only the board's secretariat (and admins) move anything; every step is audited in the
 * same transaction as the change.
 */
import type { ServiceContext } from '../../context.ts';
import { BadRequest, Conflict, NotFound } from '../../core/errors.ts';
import { sha256Hex } from '../../core/hash.ts';
import type { Database } from '../../db/database.ts';
import { canonicalJson, type DocumentService } from '../../documents/index.ts';
import { toLondon } from '../../time/london.ts';
import { getMeetingForRead, getMeetingForWrite } from '../meeting-access/meeting-access.ts';
import { canTake } from '../meeting-access/notes-state.ts';
import { notesLines } from './readable-text.ts';
import * as repo from './repo.ts';
import type { NotesDiff, Publication } from './schemas.ts';
import { buildPublicNotes, NOTES_SNAPSHOT_SCHEMA, type NotesSnapshot, type PublicNotes } from './snapshot.ts';
import { publishedVersion, versionsDiff } from './versions.ts';
import { audit, beginStep, mirrorStatus, publicationOf, refuseStep } from './workflow-steps.ts';

export interface PublishDeps {
  documents: DocumentService;
  protectiveMarking: string;
}

/** Where the notes are, who may move them next, and every published version. Any signed-in reader. */
export async function getPublication(ctx: ServiceContext, meetingId: string): Promise<Publication> {
  const meeting = await getMeetingForRead(ctx, meetingId);
  return publicationOf(ctx.db, meetingId, ctx.actor, meeting.boardId);
}

export async function publishAgenda(ctx: ServiceContext, meetingId: string): Promise<Publication> {
  return ctx.db.transaction().execute(async (db) => {
    const meeting = await getMeetingForWrite({ ...ctx, db }, meetingId, { lock: true });
    if (meeting.status === 'cancelled') throw new Conflict('The meeting is cancelled.');
    const row = await repo.findPublication(db, meetingId);
    if (row?.agenda_published_at) throw new Conflict('The agenda is already published.');
    const at = new Date();
    await repo.savePublication(db, meetingId, {
      agenda_published_at: at,
      agenda_published_by: meeting.user.userId,
    });
    await audit(ctx, db, meeting.user, 'agenda.publish', meetingId, null, { agendaPublishedAt: at });
    return publicationOf(db, meetingId, ctx.actor, meeting.boardId);
  });
}

export async function submitNotes(ctx: ServiceContext, meetingId: string): Promise<Publication> {
  return ctx.db.transaction().execute(async (db) => {
    const { meeting, state } = await beginStep(ctx, db, meetingId, 'submit');
    if (meeting.status === 'scheduled' || meeting.status === 'cancelled') {
      throw new Conflict(
        `The meeting is ${meeting.status}: its notes can be submitted once it has been held.`,
      );
    }
    const at = new Date();
    await repo.savePublication(db, meetingId, {
      notes_state: 'submitted',
      submitted_at: at,
      submitted_by: meeting.user.userId,
    });
    await mirrorStatus(db, meetingId, meeting.status, 'notes_drafted');
    await audit(
      ctx,
      db,
      meeting.user,
      'notes.submit',
      meetingId,
      { notesState: state },
      { notesState: 'submitted' },
    );
    return publicationOf(db, meetingId, ctx.actor, meeting.boardId);
  });
}

export async function returnNotes(ctx: ServiceContext, meetingId: string): Promise<Publication> {
  return ctx.db.transaction().execute(async (db) => {
    const { meeting, state } = await beginStep(ctx, db, meetingId, 'return');
    await repo.savePublication(db, meetingId, {
      notes_state: 'draft',
      submitted_at: null,
      submitted_by: null,
    });
    await audit(
      ctx,
      db,
      meeting.user,
      'notes.return',
      meetingId,
      { notesState: state },
      { notesState: 'draft' },
    );
    return publicationOf(db, meetingId, ctx.actor, meeting.boardId);
  });
}

/** Recorded against the later meeting that approved them; that meeting's "Notes of last meeting" item links here. */
export async function approveNotes(
  ctx: ServiceContext,
  meetingId: string,
  atMeetingId: string,
): Promise<Publication> {
  return ctx.db.transaction().execute(async (db) => {
    const { meeting, state } = await beginStep(ctx, db, meetingId, 'approve');
    const at = await repo.findMeetingBrief(db, atMeetingId);
    const invalid = (message: string) =>
      new BadRequest(`The approving meeting ${message}.`, [{ path: 'body.atMeetingId', message }]);
    if (!at) throw new NotFound('approving meeting');
    if (at.board_id !== meeting.boardId) throw invalid('must be a meeting of the same board');
    if (at.starts_at.getTime() <= meeting.startsAt.getTime()) throw invalid('must come after this meeting');
    if (at.status === 'cancelled') throw invalid('was cancelled');
    if (at.starts_at.getTime() > Date.now()) throw invalid('has not taken place yet');
    const now = new Date();
    await repo.savePublication(db, meetingId, {
      notes_state: 'approved',
      approved_at: now,
      approved_by: meeting.user.userId,
    });
    await mirrorStatus(db, meetingId, meeting.status, 'notes_approved');
    await db
      .updateTable('meetings')
      .set({ notes_approved_at_meeting_id: atMeetingId })
      .where('id', '=', meetingId)
      .execute();
    await audit(
      ctx,
      db,
      meeting.user,
      'notes.approve',
      meetingId,
      { notesState: state },
      { notesState: 'approved', approvedAtMeetingId: atMeetingId },
    );
    return publicationOf(db, meetingId, ctx.actor, meeting.boardId);
  });
}

export async function openCorrection(
  ctx: ServiceContext,
  meetingId: string,
  reason: string,
): Promise<Publication> {
  return ctx.db.transaction().execute(async (db) => {
    const { meeting, state } = await beginStep(ctx, db, meetingId, 'correct');
    await repo.savePublication(db, meetingId, { notes_state: 'correcting', correction_reason: reason });
    await audit(
      ctx,
      db,
      meeting.user,
      'notes.correction.open',
      meetingId,
      { notesState: state },
      { notesState: 'correcting', reason },
    );
    return publicationOf(db, meetingId, ctx.actor, meeting.boardId);
  });
}

export async function cancelCorrection(
  ctx: ServiceContext,
  protectiveMarking: string,
  meetingId: string,
): Promise<Publication> {
  return ctx.db.transaction().execute(async (db) => {
    const { meeting, row } = await beginStep(ctx, db, meetingId, 'cancelCorrection');
    // Edits made during the correction would silently differ from what is published: refuse.
    const latest = await repo.latestVersion(db, meetingId);
    if (latest && !(await unchangedSince(db, protectiveMarking, meetingId, latest.canonical_json))) {
      throw new Conflict(
        'The notes have changed since the last published version: publish the correction, or undo the changes first.',
      );
    }
    await repo.savePublication(db, meetingId, { notes_state: 'published', correction_reason: null });
    await audit(
      ctx,
      db,
      meeting.user,
      'notes.correction.cancel',
      meetingId,
      { notesState: 'correcting', reason: row?.correction_reason },
      { notesState: 'published' },
    );
    return publicationOf(db, meetingId, ctx.actor, meeting.boardId);
  });
}

async function unchangedSince(
  db: Database,
  protectiveMarking: string,
  meetingId: string,
  canonical: string,
): Promise<boolean> {
  const current = await buildPublicNotes(db, meetingId, protectiveMarking);
  const published = JSON.parse(canonical) as NotesSnapshot;
  return !!current && canonicalJson(current.vm) === canonicalJson(published.notes);
}

/**
 * Freezes a version: the public view model, rendered to PDF outside the transaction (rendering takes
 * a while and must not hold the meeting lock), then checked again under the lock so that what is
 * stored is exactly what the notes were at that moment.
 */
export async function publishNotes(
  ctx: ServiceContext,
  deps: PublishDeps,
  meetingId: string,
): Promise<Publication> {
  // The checks before the expensive part; all of them are made again under the lock.
  await getMeetingForWrite(ctx, meetingId);
  const state = (await repo.findPublication(ctx.db, meetingId))?.notes_state ?? 'draft';
  if (!canTake('publish', state)) refuseStep('publish', state);
  const built = await buildPublicNotes(ctx.db, meetingId, deps.protectiveMarking);
  if (!built) throw new NotFound('meeting');
  const rendered = await deps.documents.pdf({ kind: 'notes', vm: built.vm }, meetingId);

  return ctx.db.transaction().execute(async (db) => {
    const { meeting, row, state } = await beginStep(ctx, db, meetingId, 'publish');
    const again = await buildPublicNotes(db, meetingId, deps.protectiveMarking);
    if (!again || canonicalJson(again) !== canonicalJson(built)) {
      throw new Conflict('The notes changed while they were being published; publish again.');
    }
    const latest = await repo.latestVersion(db, meetingId);
    if (
      latest &&
      canonicalJson((JSON.parse(latest.canonical_json) as NotesSnapshot).notes) === canonicalJson(built.vm)
    ) {
      throw new Conflict(
        `Nothing has changed since version ${latest.version_no}: change the notes, or cancel the correction.`,
      );
    }
    const versionNo = (latest?.version_no ?? 0) + 1;
    const reason = versionNo === 1 ? null : (row?.correction_reason ?? null);
    if (versionNo > 1 && !reason) throw new Conflict('A correction needs a reason.');
    const approvedAtId = meeting.row.notes_approved_at_meeting_id;
    const approvedAt = approvedAtId ? await repo.findMeetingBrief(db, approvedAtId) : undefined;
    const publishedAt = new Date();
    const snapshot: NotesSnapshot = {
      schema: NOTES_SNAPSHOT_SCHEMA,
      meeting: {
        id: meetingId,
        boardId: meeting.boardId,
        date: built.vm.meeting.date,
        startTime: built.vm.meeting.startTime,
        location: built.vm.meeting.location,
      },
      version: versionNo,
      publishedAt: publishedAt.toISOString(),
      reason,
      approvedAtMeeting: approvedAt ? { id: approvedAt.id, date: toLondon(approvedAt.starts_at).date } : null,
      notes: built.vm,
    };
    const json = canonicalJson(snapshot);
    const jsonSha256 = sha256Hex(json);
    await repo.insertVersion(db, {
      meeting_id: meetingId,
      version_no: versionNo,
      published_at: publishedAt,
      published_by: meeting.user.userId,
      published_by_name: meeting.user.displayName,
      reason,
      canonical_json: json,
      json_sha256: jsonSha256,
      pdf: rendered.pdf,
      pdf_sha256: rendered.sha256,
      pdf_filename:
        versionNo === 1 ? rendered.filename : rendered.filename.replace(/\.pdf$/, `-v${versionNo}.pdf`),
      pdf_size: rendered.pdf.byteLength,
      search_text: notesLines(built.vm).join('\n'),
      approved_at_meeting_id: approvedAt?.id ?? null,
      edited: built.vm.edited !== null,
      edited_notice: built.vm.edited?.text ?? null,
      public_action_ids: built.publicActionIds,
    });
    await repo.savePublication(db, meetingId, { notes_state: 'published', correction_reason: null });
    await mirrorStatus(db, meetingId, meeting.status, 'published');
    await audit(
      ctx,
      db,
      meeting.user,
      'notes.publish',
      meetingId,
      { notesState: state },
      { notesState: 'published', versionNo, reason, jsonSha256, pdfSha256: rendered.sha256 },
    );
    return publicationOf(db, meetingId, ctx.actor, meeting.boardId);
  });
}

/** What publishing now would put in front of the public: for the secretariat to check first. */
export async function previewPublicNotes(
  ctx: ServiceContext,
  protectiveMarking: string,
  meetingId: string,
): Promise<PublicNotes> {
  await getMeetingForWrite(ctx, meetingId);
  const built = await buildPublicNotes(ctx.db, meetingId, protectiveMarking);
  if (!built) throw new NotFound('meeting');
  return built;
}

// --- Reading versions (the public routes use these too: versions are public once published) ---

export const versionJson = (db: Database, meetingId: string, versionNo: number) =>
  publishedVersion(repo.findVersionJson(db, meetingId, versionNo));

export const versionPdf = (db: Database, meetingId: string, versionNo: number) =>
  publishedVersion(repo.findVersionPdf(db, meetingId, versionNo));

export function notesDiff(db: Database, meetingId: string, from: number, to: number): Promise<NotesDiff> {
  return versionsDiff(
    'notes',
    from,
    to,
    {
      meta: (n) => publishedVersion(repo.findVersionMeta(db, meetingId, n)),
      json: (n) => versionJson(db, meetingId, n),
    },
    (json) => notesLines((JSON.parse(json) as NotesSnapshot).notes),
  );
}

/** For the staff API: signed in and allowed to read the meeting. */
export async function readableMeeting(ctx: ServiceContext, meetingId: string): Promise<void> {
  await getMeetingForRead(ctx, meetingId);
}
