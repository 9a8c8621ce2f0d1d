/**
 * The open data: response schemas are allow-lists, so nothing reaches the public that is not named
 * here. URLs are stable paths (UUIDs, version numbers); dates are London calendar dates.
 */
import { z } from 'zod';
import { text } from '../../http/common-schemas.ts';

const link = z.string().meta({ description: 'A path on this site' });

export const publicBoardSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    code: z.string(),
    description: z.string(),
    url: link,
    htmlUrl: link,
    meetingsUrl: link,
    actionsUrl: link,
  })
  .meta({ id: 'PublicBoard' });

export const publicMeetingSummarySchema = z
  .object({
    id: z.uuid(),
    boardId: z.uuid(),
    boardName: z.string(),
    startsAt: z.date(),
    date: z.string(),
    startTime: z.string().nullable(),
    location: z.string(),
    online: z.boolean(),
    cancelled: z.boolean(),
    agendaPublished: z.boolean(),
    notesPublished: z.boolean(),
    url: link,
    htmlUrl: link,
  })
  .meta({ id: 'PublicMeetingSummary' });

export const publicPaperSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  url: link,
});

export const publicAgendaItemSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    title: z.string(),
    presenters: z.array(z.string()),
    papers: z.array(publicPaperSchema),
    approvesNotesOf: z.array(z.object({ meetingId: z.uuid(), date: z.string(), notesUrl: link })),
  })
  .meta({ id: 'PublicAgendaItem' });

export const publicVersionSchema = z
  .object({
    versionNo: z.number().int(),
    publishedAt: z.date(),
    reason: z.string().nullable(),
    superseded: z.boolean(),
    edited: z.boolean(),
    jsonSha256: z.string(),
    pdfSha256: z.string(),
    pdfSize: z.number().int(),
    jsonUrl: link,
    pdfUrl: link,
    htmlUrl: link,
  })
  .meta({ id: 'PublicVersion' });

export const publicActionSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    text: z.string(),
    owner: z.object({ id: z.uuid(), name: z.string() }),
    meeting: z.object({ id: z.uuid(), date: z.string() }),
    dueDate: z.string().nullable(),
    status: z.enum(['open', 'in_progress', 'closed']),
    statusLabel: z.string(),
    overdue: z.boolean(),
    closedOn: z.string().nullable(),
    latestUpdate: z.object({ date: z.string(), text: z.string() }).nullable(),
    url: link,
    htmlUrl: link,
  })
  .meta({ id: 'PublicAction' });

export const publicActionDetailSchema = publicActionSchema
  .extend({ updates: z.array(z.object({ date: z.string(), text: z.string() })) })
  .meta({ id: 'PublicActionDetail' });

export const publicDecisionSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    title: z.string(),
    decisionDate: z.string(),
    decisionMaker: z.string(),
    summary: z.string(),
    board: z.object({ id: z.uuid(), name: z.string() }),
    meeting: z.object({ id: z.uuid(), date: z.string(), url: link }).nullable(),
    item: z.object({ id: z.uuid(), title: z.string() }).nullable(),
    version: z.number().int(),
    publishedAt: z.date(),
    url: link,
    htmlUrl: link,
  })
  .meta({ id: 'PublicDecision' });

export const publicDecisionDetailSchema = publicDecisionSchema
  .extend({ versions: z.array(publicVersionSchema), diffUrl: link.nullable() })
  .meta({ id: 'PublicDecisionDetail' });

export const publicMeetingSchema = publicMeetingSummarySchema
  .extend({
    board: z.object({ id: z.uuid(), name: z.string() }),
    /** Null until the agenda is published. */
    agenda: z.array(publicAgendaItemSchema).nullable(),
    agendaUrl: link.nullable(),
    notes: z.object({ versions: z.array(publicVersionSchema), diffUrl: link.nullable() }),
    actions: z.array(publicActionSchema),
    decisions: z.array(publicDecisionSchema),
  })
  .meta({ id: 'PublicMeeting' });

export const whenQuery = z.object({
  when: z.enum(['upcoming', 'past']).default('upcoming'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const actionsQuery = z.object({
  status: z.enum(['all', 'open', 'overdue', 'closed']).default('all'),
  owner: z.uuid().optional(),
});

export const searchQuery = z.object({ q: text(200).default('') });

export const searchResultSchema = z
  .object({
    query: z.string(),
    items: z.array(
      z.object({
        kind: z.enum(['notes', 'decision', 'agenda-item', 'action']),
        title: z.string(),
        htmlUrl: link,
        date: z.string(),
        snippet: z.string(),
      }),
    ),
  })
  .meta({ id: 'PublicSearchResult' });

export const decisionsQuery = z.object({ boardId: z.uuid().optional() });
