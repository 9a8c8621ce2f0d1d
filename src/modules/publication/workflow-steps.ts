/**
 * Why this file exists: what every step of the notes workflow shares (refusing a step that is not
 * allowed, locking the meeting, auditing, moving the meeting status forward, the publication as the
 * API returns it), kept apart from the steps themselves in service.ts.
 */
import { canAdministerBoard } from '../../access/index.ts';
import type { ServiceContext } from '../../context.ts';
import { Conflict } from '../../core/errors.ts';
import type { Principal } from '../../core/principal.ts';
import { recordAudit } from '../../db/audit-log.ts';
import type { Database } from '../../db/database.ts';
import type { MeetingStatus, NotesState } from '../../db/schema.ts';
import { toLondon } from '../../time/london.ts';
import { getMeetingForWrite } from '../meeting-access/meeting-access.ts';
import { allowedSteps, canTake, type NotesStep } from '../meeting-access/notes-state.ts';
import { updateMeeting } from '../meetings/repo.ts';
import * as repo from './repo.ts';
import type { NotesVersion, Publication } from './schemas.ts';

export const STEP_LABEL: Record<NotesStep, string> = {
  submit: 'submitted',
  return: 'returned to draft',
  approve: 'approved',
  publish: 'published',
  correct: 'opened for correction',
  cancelCorrection: 'closed without a new version',
};

export function refuseStep(step: NotesStep, state: NotesState): never {
  const options = allowedSteps(state);
  throw new Conflict(
    `Notes that are ${state} cannot be ${STEP_LABEL[step]}` +
      (options.length ? `; the next steps are: ${options.join(', ')}.` : '.'),
  );
}

export function toVersion(row: repo.VersionMeta, latestNo: number): NotesVersion {
  return {
    versionNo: row.version_no,
    publishedAt: row.published_at,
    publishedBy: row.published_by_name,
    reason: row.reason,
    superseded: row.version_no < latestNo,
    approvedAtMeetingId: row.approved_at_meeting_id,
    edited: row.edited,
    editedNotice: row.edited_notice,
    jsonSha256: row.json_sha256,
    pdfSha256: row.pdf_sha256,
    pdfFilename: row.pdf_filename,
    pdfSize: row.pdf_size,
  };
}

export async function publicationOf(
  db: Database,
  meetingId: string,
  user: Principal | null,
  boardId: string,
) {
  const [row, versions, meeting] = await Promise.all([
    repo.findPublication(db, meetingId),
    repo.listVersions(db, meetingId),
    db
      .selectFrom('meetings')
      .select('notes_approved_at_meeting_id')
      .where('id', '=', meetingId)
      .executeTakeFirstOrThrow(),
  ]);
  const state = row?.notes_state ?? 'draft';
  const approvedAt = meeting.notes_approved_at_meeting_id
    ? await repo.findMeetingBrief(db, meeting.notes_approved_at_meeting_id)
    : undefined;
  const latestNo = versions.at(-1)?.version_no ?? 0;
  const result: Publication = {
    meetingId,
    notesState: state,
    allowedSteps: user && canAdministerBoard(user, boardId) ? allowedSteps(state) : [],
    agendaPublishedAt: row?.agenda_published_at ?? null,
    submittedAt: row?.submitted_at ?? null,
    approvedAt: row?.approved_at ?? null,
    approvedAtMeeting: approvedAt ? { id: approvedAt.id, date: toLondon(approvedAt.starts_at).date } : null,
    correctionReason: row?.correction_reason ?? null,
    versions: versions.map((v) => toVersion(v, latestNo)),
  };
  return result;
}

/** Locks the meeting, checks the caller and the step, and returns what the step needs. */
export async function beginStep(ctx: ServiceContext, db: Database, meetingId: string, step: NotesStep) {
  const meeting = await getMeetingForWrite({ ...ctx, db }, meetingId, { lock: true });
  const row = await repo.findPublication(db, meetingId);
  const state = row?.notes_state ?? 'draft';
  if (!canTake(step, state)) refuseStep(step, state);
  return { meeting, row, state };
}

export async function audit(
  ctx: ServiceContext,
  db: Database,
  user: Principal,
  action: string,
  meetingId: string,
  before: unknown,
  after: unknown,
) {
  await recordAudit(db, {
    actorUserId: user.userId,
    action,
    entityType: 'meeting',
    entityId: meetingId,
    before,
    after,
    requestId: ctx.requestId,
  });
}

/** The meeting status that mirrors the workflow, moved forward only (never back). */
export async function mirrorStatus(db: Database, meetingId: string, from: MeetingStatus, to: MeetingStatus) {
  const order: MeetingStatus[] = ['scheduled', 'held', 'notes_drafted', 'notes_approved', 'published'];
  if (order.indexOf(to) > order.indexOf(from)) await updateMeeting(db, meetingId, { status: to });
}
