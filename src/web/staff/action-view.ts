/** How actions appear in lists and on their own page. */
import type { Action, ActionDetail, ActionUpdate } from '../../modules/actions/schemas.ts';
import { formatLongDate } from '../../text/date-format.ts';
import { ACTION_STATUS_LABELS, ACTION_STATUS_TAGS, dueText, UPDATE_KIND_LABELS } from './format.ts';

export function ownerText(a: Pick<Action, 'ownerOrganisationShortName' | 'ownerPersonName'>): string {
  return a.ownerPersonName
    ? `${a.ownerOrganisationShortName} (${a.ownerPersonName})`
    : a.ownerOrganisationShortName;
}

export function updateRow(u: ActionUpdate, actionId: string) {
  return {
    id: u.id,
    kindLabel: UPDATE_KIND_LABELS[u.kind] ?? u.kind,
    fromSecretariat: u.kind === 'closed' || u.kind === 'reopened' || u.kind === 'reassigned',
    text: u.text,
    authorName: u.authorName,
    createdAt: u.createdAt.toISOString(),
    public: u.public,
    evidence: u.evidence
      ? {
          filename: u.evidence.filename,
          sizeKb: Math.max(1, Math.round(u.evidence.sizeBytes / 1024)),
          href: `/staff/actions/${actionId}/updates/${u.id}/evidence`,
        }
      : null,
  };
}

export function actionRow(a: Action) {
  return {
    id: a.id,
    href: `/staff/actions/${a.id}`,
    reference: a.reference,
    text: a.text,
    owner: ownerText(a),
    meetingDateText: formatLongDate(a.meetingDate),
    dueText: dueText(a.dueDate),
    overdue: a.overdue,
    statusLabel: ACTION_STATUS_LABELS[a.status],
    statusTag: ACTION_STATUS_TAGS[a.status],
    latest: a.latestUpdate ? updateRow(a.latestUpdate, a.id) : null,
  };
}

export function actionDetailView(a: ActionDetail) {
  return {
    ...actionRow(a),
    status: a.status,
    version: a.version,
    ownerOrganisationId: a.ownerOrganisationId,
    ownerPersonId: a.ownerPersonId,
    dueDate: a.dueDate,
    item: a.itemTitle ? `${a.itemPosition}. ${a.itemTitle}` : null,
    closureNote: a.closureNote,
    closedAt: a.closedAt ? a.closedAt.toISOString() : null,
    finished: a.status === 'closed' || a.status === 'superseded',
    canPropose: a.status === 'open' || a.status === 'in_progress',
    canReopen: a.status === 'closed' || a.status === 'superseded' || a.status === 'completion_proposed',
    updates: a.updates.map((u) => updateRow(u, a.id)).reverse(),
  };
}
