/**
 * What the Elected Local Policing Bodies (Specified Information) Order 2011 (as amended 2021) asks
 * to be published for each public meeting, and whether and when it was: the date, time and place
 * before the meeting, the agenda and papers, the notes once approved, and the decisions of
 * significant public interest. Missing or late items are flagged for the secretariat.
 *
 * The Order says "as soon as practicable" more often than it gives days; the deadlines below are
 * this system's working policy, in one place so they can be changed.
 */
import { z } from 'zod';
import { canAdministerBoard } from '../../access/index.ts';
import type { ServiceContext } from '../../context.ts';
import { Forbidden, NotFound } from '../../core/errors.ts';
import { requireUser } from '../../core/principal.ts';
import type { Database } from '../../db/database.ts';
import { toLondon } from '../../time/london.ts';
import { findBoard } from '../boards/repo.ts';

export const COMPLIANCE_POLICY = {
  /** Date, time, place and agenda (with papers): at least this many days before the meeting. */
  noticeDays: 5,
  /** Notes: within this many days of their approval. */
  notesDaysAfterApproval: 10,
  /** A decision: within this many days of being made. */
  decisionDays: 10,
} as const;

const DAY = 86_400_000;

export const requirementStateSchema = z.enum([
  'published_on_time',
  'published_late',
  /** Past its deadline and not published. */
  'missing',
  /** Not due yet (or waiting on something else, such as approval). */
  'pending',
  'not_applicable',
]);
type RequirementState = z.infer<typeof requirementStateSchema>;

export const requirementSchema = z.object({
  key: z.string(),
  label: z.string(),
  dueBy: z.date().nullable(),
  publishedAt: z.date().nullable(),
  state: requirementStateSchema,
  detail: z.string(),
});
type Requirement = z.infer<typeof requirementSchema>;

export const meetingComplianceSchema = z.object({
  meetingId: z.uuid(),
  date: z.string(),
  startTime: z.string(),
  location: z.string(),
  cancelled: z.boolean(),
  requirements: z.array(requirementSchema),
  /** One line per missing or late requirement; empty when all is well. */
  flags: z.array(z.string()),
});

export const complianceSchema = z
  .object({
    boardId: z.uuid(),
    generatedAt: z.date(),
    policy: z.object({
      noticeDays: z.number().int(),
      notesDaysAfterApproval: z.number().int(),
      decisionDays: z.number().int(),
    }),
    meetings: z.array(meetingComplianceSchema),
    /** Decisions not tied to a meeting. */
    otherDecisions: z.array(requirementSchema),
    flagCount: z.number().int(),
  })
  .meta({ id: 'PublicationCompliance' });
export type Compliance = z.infer<typeof complianceSchema>;

export const complianceQuery = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

function judged(
  key: string,
  label: string,
  dueBy: Date | null,
  publishedAt: Date | null,
  now: Date,
  pendingDetail = 'Not due yet.',
): Requirement {
  let state: RequirementState;
  let detail: string;
  if (publishedAt) {
    const late = dueBy !== null && publishedAt > dueBy;
    state = late ? 'published_late' : 'published_on_time';
    detail = late ? 'Published after the deadline.' : 'Published on time.';
  } else if (dueBy && now > dueBy) {
    state = 'missing';
    detail = 'Not published, and past the deadline.';
  } else {
    state = 'pending';
    detail = pendingDetail;
  }
  return { key, label, dueBy, publishedAt, state, detail };
}

const na = (key: string, label: string, detail: string): Requirement => ({
  key,
  label,
  dueBy: null,
  publishedAt: null,
  state: 'not_applicable',
  detail,
});

async function load(db: Database, boardId: string, from: Date | null, to: Date | null) {
  let meetingsQuery = db
    .selectFrom('meetings')
    .leftJoin('meeting_publication as p', 'p.meeting_id', 'meetings.id')
    .select([
      'meetings.id',
      'meetings.starts_at',
      'meetings.location',
      'meetings.online',
      'meetings.status',
      'meetings.created_at',
      'p.agenda_published_at',
      'p.approved_at',
      'p.notes_state',
    ])
    .select((eb) =>
      eb
        .selectFrom('notes_versions')
        .select((v) => v.fn.min('notes_versions.published_at').as('first'))
        .whereRef('notes_versions.meeting_id', '=', 'meetings.id')
        .as('notes_first_published_at'),
    )
    .where('meetings.board_id', '=', boardId);
  if (from) meetingsQuery = meetingsQuery.where('meetings.starts_at', '>=', from);
  if (to) meetingsQuery = meetingsQuery.where('meetings.starts_at', '<', to);
  const meetings = await meetingsQuery
    .orderBy('meetings.starts_at')
    .orderBy('meetings.id')
    .limit(500)
    .execute();
  const ids = meetings.map((m) => m.id);
  const [papers, decisions] = await Promise.all([
    ids.length
      ? db
          .selectFrom('papers')
          .innerJoin('agenda_items', 'agenda_items.id', 'papers.item_id')
          .select(['agenda_items.meeting_id', 'papers.created_at'])
          .where('agenda_items.meeting_id', 'in', ids)
          .where('agenda_items.confidentiality', '=', 'public')
          .where('papers.confidentiality', '=', 'public')
          .execute()
      : Promise.resolve([]),
    db
      .selectFrom('decisions')
      .select(['decisions.id', 'decisions.title', 'decisions.meeting_id', 'decisions.decision_date'])
      .select((eb) =>
        eb
          .selectFrom('decision_versions')
          .select((v) => v.fn.min('decision_versions.published_at').as('first'))
          .whereRef('decision_versions.decision_id', '=', 'decisions.id')
          .as('first_published_at'),
      )
      .where('decisions.board_id', '=', boardId)
      .orderBy('decisions.decision_date')
      .limit(1000)
      .execute(),
  ]);
  return { meetings, papers, decisions };
}

/** The end of a London calendar day plus `days`, as an instant (a deadline "within N days"). */
function daysAfter(date: string, days: number): Date {
  return new Date(Date.parse(`${date}T23:59:59Z`) + days * DAY);
}

function decisionRequirement(
  d: { id: string; title: string; decision_date: string; first_published_at: Date | string | null },
  now: Date,
): Requirement {
  return judged(
    `decision:${d.id}`,
    `Decision: ${d.title}`,
    daysAfter(d.decision_date, COMPLIANCE_POLICY.decisionDays),
    d.first_published_at ? new Date(d.first_published_at) : null,
    now,
  );
}

export async function boardCompliance(
  ctx: ServiceContext,
  boardId: string,
  query: { from?: string | undefined; to?: string | undefined },
  now: Date = new Date(),
): Promise<Compliance> {
  const user = requireUser(ctx.actor);
  const board = await findBoard(ctx.db, boardId);
  if (!board) throw new NotFound('board');
  if (!canAdministerBoard(user, boardId)) throw new Forbidden();
  const from = query.from ? new Date(`${query.from}T00:00:00Z`) : null;
  const to = query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY) : null;
  const { meetings, papers, decisions } = await load(ctx.db, boardId, from, to);

  const result = meetings.map((m, index) => {
    const local = toLondon(m.starts_at);
    const cancelled = m.status === 'cancelled';
    const noticeDue = new Date(m.starts_at.getTime() - COMPLIANCE_POLICY.noticeDays * DAY);
    const requirements: Requirement[] = [];
    requirements.push(judged('schedule', 'Date, time and place', noticeDue, m.created_at, now));
    if (cancelled) {
      requirements.push(na('agenda', 'Agenda', 'The meeting was cancelled.'));
      requirements.push(na('notes', 'Notes of the meeting', 'The meeting was cancelled.'));
    } else {
      const agendaAt = m.agenda_published_at;
      requirements.push(judged('agenda', 'Agenda', noticeDue, agendaAt, now));
      const own = papers.filter((p) => p.meeting_id === m.id);
      if (!own.length) {
        requirements.push(na('papers', 'Papers', 'No public papers.'));
      } else {
        // A paper is public from the later of its upload and the agenda's publication.
        const publicTimes = own.map((p) => (agendaAt && agendaAt > p.created_at ? agendaAt : p.created_at));
        const latest = agendaAt ? new Date(Math.max(...publicTimes.map((t) => t.getTime()))) : null;
        requirements.push(judged('papers', 'Papers', noticeDue, latest, now));
      }
      const first = m.notes_first_published_at ? new Date(m.notes_first_published_at) : null;
      if (m.approved_at || first) {
        const approvedAt = m.approved_at ?? first!;
        const due = daysAfter(toLondon(approvedAt).date, COMPLIANCE_POLICY.notesDaysAfterApproval);
        requirements.push(judged('notes', 'Notes of the meeting', due, first, now));
      } else if (m.starts_at > now) {
        requirements.push({
          ...na('notes', 'Notes of the meeting', 'The meeting has not happened yet.'),
          state: 'pending',
        });
      } else {
        // Due for approval at the board's next meeting: missing once that has been held without it.
        const next = meetings.slice(index + 1).find((n) => n.status !== 'cancelled');
        const overdue = next !== undefined && next.starts_at <= now;
        requirements.push({
          key: 'notes',
          label: 'Notes of the meeting',
          dueBy: next?.starts_at ?? null,
          publishedAt: null,
          state: overdue ? 'missing' : 'pending',
          detail: overdue
            ? 'Not approved at the next meeting.'
            : `Awaiting approval (notes are ${m.notes_state ?? 'draft'}).`,
        });
      }
    }
    for (const d of decisions.filter((x) => x.meeting_id === m.id))
      requirements.push(decisionRequirement(d, now));
    const flags = requirements
      .filter((r) => r.state === 'missing' || r.state === 'published_late')
      .map((r) => `${r.label}: ${r.detail}`);
    return {
      meetingId: m.id,
      date: local.date,
      startTime: local.time,
      location: m.location || (m.online ? 'Online' : ''),
      cancelled,
      requirements,
      flags,
    };
  });
  const meetingIds = new Set(meetings.map((m) => m.id));
  const otherDecisions = decisions
    .filter((d) => !d.meeting_id || (!meetingIds.has(d.meeting_id) && !from && !to))
    .map((d) => decisionRequirement(d, now));
  const flagCount =
    result.reduce((n, m) => n + m.flags.length, 0) +
    otherDecisions.filter((r) => r.state === 'missing' || r.state === 'published_late').length;
  return {
    boardId,
    generatedAt: now,
    policy: { ...COMPLIANCE_POLICY },
    meetings: result,
    otherDecisions,
    flagCount,
  };
}
