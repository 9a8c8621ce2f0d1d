/**
 * Words for the audit log screen: what kind of thing an entry is about, what was done to it, where
 * its page is, and its before and after as rows of "field, before, after" a person can read.
 */
import type { AuditEntryView } from '../../modules/audit/schemas.ts';

/** The kinds of thing the services audit, as the secretariat calls them (the filter's options). */
export const ENTITY_LABELS: Record<string, string> = {
  meeting: 'Meeting',
  agenda_item: 'Agenda item',
  paper: 'Paper',
  attendance: 'Attendance',
  declaration: 'Declaration of interest',
  question: 'Question',
  action: 'Action',
  decision: 'Decision',
  board: 'Board',
  person: 'Person',
  organisation: 'Organisation',
  user: 'User account',
  plan: 'Plan',
  commitment: 'Commitment',
  render_job: 'Printed document',
};

const VERBS: Record<string, string> = {
  create: 'created',
  update: 'changed',
  delete: 'deleted',
  status: 'status changed',
  reorder: 'reordered',
  renumber: 'renumbered',
  close: 'closed',
  reopen: 'reopened',
  update_added: 'update added',
  import_notes: 'notes imported',
  link: 'linked',
  rate: 'rated',
  unrate: 'rating removed',
  login: 'signed in',
  logout: 'signed out',
};

/** "meeting.update" → "Meeting changed"; an unknown verb is shown with its underscores as spaces. */
export function actionLabel(action: string): string {
  const [subject = '', verb = ''] = action.split('.', 2);
  const noun = subject === 'auth' ? 'Account' : (ENTITY_LABELS[subject] ?? sentence(subject));
  return `${noun} ${VERBS[verb] ?? verb.replace(/_/g, ' ')}`.trim();
}

/** The staff page of the thing an entry is about, where there is one. */
export function entityHref(entityType: string, entityId: string | null): string | null {
  if (!entityId) return null;
  if (entityType === 'meeting') return `/staff/meetings/${entityId}`;
  if (entityType === 'action') return `/staff/actions/${entityId}`;
  if (entityType === 'board') return `/staff/boards/${entityId}`;
  return null;
}

/** "dueDate" → "Due date", "owner_organisation_id" → "Owner organisation id". */
function sentence(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const LONG = 600;

function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > LONG ? `${text.slice(0, LONG)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface DiffRow {
  field: string;
  before: string;
  after: string;
}

/** The fields that differ between before and after (all of them for a creation or a deletion). */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  if (!isRecord(before) && !isRecord(after)) {
    return before == null && after == null
      ? []
      : [{ field: 'Value', before: shown(before), after: shown(after) }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({ field: sentence(k), before: shown(b[k]), after: shown(a[k]) }));
}

export function entryView(e: AuditEntryView) {
  return {
    id: e.id,
    at: e.at,
    who: e.actorName ?? (e.actorUserId ? 'A user no longer known' : 'The system'),
    what: actionLabel(e.action),
    kind: ENTITY_LABELS[e.entityType] ?? sentence(e.entityType),
    href: entityHref(e.entityType, e.entityId),
    changes: diffRows(e.before, e.after),
  };
}
