/**
 * The open data: response schemas are allow-lists, so nothing reaches the public that is not named
 * here. URLs are stable paths (UUIDs, version numbers); dates are London calendar dates.
 *
 * Shaped after OParl 1.1 where it fits (see oparl.ts): every object also carries `type`,
 * `web`, `created`, `modified`, `deleted` and, because `id` was already the UUID that consumers
 * and our paths use, OParl's `id` (the object's absolute URL) as `oparlId`.
 */
import { z } from 'zod';
import { text } from '../http/common-schemas.ts';

const link = z.string().meta({ description: 'A path on this site' });
const absolute = z
  .string()
  .meta({ description: 'An absolute URL: PUBLIC_BASE_URL, or the request’s own host where that is unset' });

/** The fields every object shares with OParl's (https://oparl.org/spezifikation/ "Eigenschaften"). */
const oparlFields = {
  oparlId: absolute.meta({
    description:
      'OParl `id`: the absolute URL of this object (GET it for this JSON). `id` stays the UUID, as it was before the OParl fields, so existing consumers and the stable paths keep working',
  }),
  type: z.string().meta({
    description:
      'OParl `type`: https://schema.oparl.org/1.1/… for OParl objects, {base}/public/v1/schema/… for this API’s own (Action, Decision)',
  }),
  web: absolute.meta({ description: 'OParl `web`: the HTML page of this object' }),
  created: z.date().meta({ description: 'OParl `created`' }),
  modified: z.date().meta({
    description:
      'OParl `modified`: the latest public event (creation, publication, a public update, closure). Never moved by a change to anything the public cannot see, so an edit to a title or place is shown at once but dated here from the next publication',
  }),
  deleted: z
    .boolean()
    .meta({ description: 'OParl `deleted`: always false (nothing published is withdrawn)' }),
};

/** OParl File: a PDF (a paper, a published version of the notes). */
const fileFields = {
  ...oparlFields,
  oparlId: absolute.meta({
    description:
      'OParl `id`. A file has no JSON of its own here: its id is its accessUrl (the bytes, with their SHA-256 as ETag)',
  }),
  name: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  accessUrl: absolute,
  downloadUrl: absolute,
};

export const publicFileSchema = z.object(fileFields).meta({ id: 'PublicFile' });

const paginationSchema = z.object({
  totalElements: z.number().int().meta({ description: 'Elements in the whole list' }),
  elementsPerPage: z.number().int(),
  currentPage: z.number().int().meta({ description: 'This page, counted from 1' }),
  totalPages: z.number().int().meta({ description: 'At least 1: an empty list is one empty page' }),
});

/** OParl list conventions for the lists; they keep `items` (not OParl's `data`) for existing consumers. */
export const listMetaFields = {
  pagination: paginationSchema.meta({ description: 'OParl `pagination`: the whole list, on one page' }),
  links: z.object({ first: absolute, self: absolute }).meta({ description: 'OParl `links`' }),
};

/** The same for a list given page by page (`?page=`): follow `next` until there is none. */
export const pagedListMetaFields = {
  pagination: paginationSchema.meta({ description: 'OParl `pagination` of this page' }),
  links: z
    .object({
      first: absolute,
      prev: absolute.optional().meta({ description: 'An absolute URL; absent on the first page' }),
      next: absolute.optional().meta({ description: 'An absolute URL; absent on the last page and past it' }),
      last: absolute,
      self: absolute,
    })
    .meta({
      description:
        'OParl `links`: each keeps the query of this request (filters, `limit`); page 1 is the URL without `page`',
    }),
};

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
    ...oparlFields,
    shortName: z.string(),
    classification: z.string(),
    body: absolute,
    meeting: absolute.meta({ description: 'OParl Organization `meeting`: the board’s meetings (a list)' }),
  })
  .meta({ id: 'PublicBoard', description: 'A board: an OParl Organization' });

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
    ...oparlFields,
    name: z.string(),
    start: z.date(),
    end: z.date().nullable().meta({ description: 'Not recorded: always null' }),
    organization: z.array(absolute),
  })
  .meta({ id: 'PublicMeetingSummary', description: 'A meeting: an OParl Meeting' });

export const publicPaperSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    sizeBytes: z.number().int(),
    url: link,
    ...fileFields,
  })
  .meta({ id: 'PublicPaper', description: 'A public paper: an OParl File' });

export const publicAgendaItemSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    title: z.string(),
    presenters: z.array(z.string()),
    papers: z.array(publicPaperSchema),
    approvesNotesOf: z.array(z.object({ meetingId: z.uuid(), date: z.string(), notesUrl: link })),
    ...oparlFields,
    meeting: absolute,
    order: z.number().int(),
    name: z.string(),
    public: z.boolean(),
    auxiliaryFile: z
      .array(publicPaperSchema)
      .meta({ description: 'OParl `auxiliaryFile`: the same as `papers`' }),
  })
  .meta({ id: 'PublicAgendaItem', description: 'An item of a published agenda: an OParl AgendaItem' });

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
    ...oparlFields,
  })
  .meta({ id: 'PublicAction', description: 'An action (not an OParl object; OParl’s conventions)' });

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
    ...oparlFields,
  })
  .meta({ id: 'PublicDecision', description: 'A decision (not an OParl object; OParl’s conventions)' });

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
    agendaItem: z
      .array(publicAgendaItemSchema)
      .meta({ description: 'OParl `agendaItem`: `agenda`, or [] until published' }),
    resultsProtocol: publicFileSchema
      .nullable()
      .meta({ description: 'OParl `resultsProtocol`: the PDF of the latest published version of the notes' }),
  })
  .meta({ id: 'PublicMeeting' });

/** OParl System: the entry point. */
export const oparlSystemSchema = z
  .object({
    id: absolute,
    type: z.literal('https://schema.oparl.org/1.1/System'),
    oparlVersion: z.literal('https://schema.oparl.org/1.1/'),
    name: z.string(),
    body: absolute.meta({ description: 'The list of bodies' }),
    website: absolute,
    web: absolute,
  })
  .meta({ id: 'OParlSystem' });

/** OParl Body: the office publishing here; its boards are the Organizations. */
export const oparlBodySchema = z
  .object({
    id: absolute,
    type: z.literal('https://schema.oparl.org/1.1/Body'),
    system: absolute,
    name: z.string(),
    shortName: z.string(),
    website: absolute,
    organization: absolute.meta({ description: 'The boards (a list with `items`)' }),
    meeting: absolute.meta({
      description: 'The upcoming meetings (a list with `items`; `?when=past` for the rest)',
    }),
    legislativeTerm: z.array(absolute).meta({ description: 'None: boards have no legislative terms' }),
    web: absolute,
  })
  .meta({ id: 'OParlBody' });

export const oparlBodyListSchema = z
  .object({ data: z.array(oparlBodySchema), ...listMetaFields })
  .meta({ id: 'OParlBodyList' });

/**
 * The page of a list, counted from 1: a whole number (a safe integer), else 400. The open data's
 * lists and the public pages' take the same (src/web/public/routes.ts).
 */
export const pageParam = z.coerce
  .number()
  .int()
  .min(1)
  .default(1)
  .meta({ description: 'The page, counted from 1; past the last page the list is empty' });

/** OParl paging of a list: `page` counts from 1, `limit` elements on each. */
const pageFields = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(100)
    .meta({ description: 'Elements per page (OParl `elementsPerPage`)' }),
  page: pageParam,
};

export const whenQuery = z.object({
  when: z.enum(['upcoming', 'past']).default('upcoming'),
  ...pageFields,
});

export type WhenQuery = z.output<typeof whenQuery>;

export const actionsQuery = z.object({
  status: z.enum(['all', 'open', 'overdue', 'closed']).default('all'),
  owner: z.uuid().optional(),
  ...pageFields,
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

export const decisionsQuery = z.object({ boardId: z.uuid().optional(), ...pageFields });
