import { canReadClosureNote, canSee } from '../../access/index.ts';
import type { Actor } from '../../core/principal.ts';
import { londonDate } from '../../time/london.ts';
import type { ActionRow, UpdateRow } from './repo.ts';
import type { Action, ActionDetail, ActionUpdate } from './schemas.ts';

export function toActionUpdate(row: UpdateRow): ActionUpdate {
  return {
    id: row.id,
    kind: row.kind,
    text: row.text,
    authorName: row.author_name,
    public: row.public,
    evidence:
      row.evidence_file_id && row.evidence_filename !== null
        ? {
            fileId: row.evidence_file_id,
            filename: row.evidence_filename,
            sizeBytes: row.evidence_size_bytes ?? 0,
          }
        : null,
    createdAt: row.created_at,
  };
}

export function isOverdue(row: Pick<ActionRow, 'due_date' | 'status'>, today: string): boolean {
  return !!row.due_date && row.due_date < today && row.status !== 'closed' && row.status !== 'superseded';
}

export function toAction(row: ActionRow, latest: UpdateRow | undefined, actor: Actor, today: string): Action {
  const itemVisible =
    row.item_confidentiality !== null && canSee(actor, row.board_id, row.item_confidentiality);
  return {
    id: row.id,
    boardId: row.board_id,
    reference: row.reference,
    text: row.text,
    ownerOrganisationId: row.owner_organisation_id,
    ownerOrganisationShortName: row.owner_organisation_short_name,
    ownerPersonId: row.owner_person_id,
    ownerPersonName: row.owner_person_name,
    meetingId: row.meeting_id,
    meetingDate: londonDate(row.meeting_starts_at),
    itemId: itemVisible ? row.item_id : null,
    itemPosition: itemVisible ? row.item_position : null,
    itemTitle: itemVisible ? row.item_title : null,
    questionId: row.question_id,
    dueDate: row.due_date,
    status: row.status,
    overdue: isOverdue(row, today),
    confidentiality: row.confidentiality,
    closedAt: row.closed_at,
    closureNote: canReadClosureNote(actor, row) ? row.closure_note : null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    latestUpdate: latest ? toActionUpdate(latest) : null,
  };
}

export function toActionDetail(
  row: ActionRow,
  updates: UpdateRow[],
  actor: Actor,
  today: string,
): ActionDetail {
  return { ...toAction(row, updates.at(-1), actor, today), updates: updates.map(toActionUpdate) };
}
