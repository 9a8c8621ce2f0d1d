import { z } from 'zod';
import { isoDate, requiredText } from '../../http/common-schemas.ts';

export const actionStatuses = ['open', 'in_progress', 'completion_proposed', 'closed', 'superseded'] as const;
export const actionStatusSchema = z.enum(actionStatuses);
export const confidentialitySchema = z.enum(['public', 'exempt', 'opcc_only']);
export const updateKindSchema = z.enum(['update', 'completion_proposed', 'closed', 'reopened', 'reassigned']);

const actionText = requiredText(4000);

export const actionCreateBody = z.strictObject({
  text: actionText,
  ownerOrganisationId: z.uuid(),
  ownerPersonId: z.uuid().nullable().optional(),
  itemId: z.uuid().nullable().optional(),
  questionId: z.uuid().nullable().optional(),
  /** Defaults to the next meeting's date when there is one, else the meeting date + 28 days. */
  dueDate: isoDate.nullable().optional(),
  /** Defaults to the item's; never less restrictive than the item's. */
  confidentiality: confidentialitySchema.optional(),
});

/**
 * Whether the text of an update is published on the public website. One wording for every endpoint
 * that writes an update: the choice is explicit and off unless made (issue 14, finding 6).
 */
export const publishedOnWebsite = z
  .boolean()
  .default(false)
  .describe(
    'Published on the public website: true puts this text on the public action tracker ' +
      '(/actions/{id} and /public/v1/actions/{id}) whenever the action itself is public (its notes ' +
      'published, neither it nor its item exempt or OPCC-only), and lets board members read it. ' +
      'False (the default) keeps it to the board’s secretariat and the owning organisation’s officers.',
  );

export const actionPatchBody = z.strictObject({
  text: actionText.optional(),
  ownerOrganisationId: z.uuid().optional(),
  ownerPersonId: z.uuid().nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  confidentiality: confidentialitySchema.optional(),
  /** Only `superseded` can be set here; the other statuses follow from updates, close and reopen. */
  status: z.literal('superseded').optional(),
  /**
   * When the owner changes: whether the logged "Reassigned from X to Y." is published on the public
   * website (as `public` on updates). Ignored when the owner does not change.
   */
  reassignmentPublic: publishedOnWebsite.describe(
    'When the owner changes, whether the logged note "Reassigned from X to Y." is published on the ' +
      'public website (the public action tracker shows it once the action is public; board members ' +
      'can read it). Default false: only the secretariat and the owning organisation see it.',
  ),
});

/** Evidence: a small PDF as base64 (at most 512 KiB decoded), checked by its magic bytes. */
export const evidenceBody = z.strictObject({
  filename: requiredText(200).refine((s) => !/[/\\]/.test(s), 'must be a file name, not a path'),
  contentBase64: z
    .string()
    .max(700_000)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});

export const actionUpdateBody = z.strictObject({
  text: requiredText(8000),
  public: publishedOnWebsite,
  evidence: evidenceBody.optional(),
});

export const proposeCompletionBody = z.strictObject({ text: requiredText(8000), public: publishedOnWebsite });
export const closeBody = z.strictObject({
  note: requiredText(4000),
  /** The closing note as an update; the closure itself (status and date) is public regardless. */
  public: publishedOnWebsite,
  /** The London day the action was closed, when recording it afterwards (not in the future). */
  closedOn: isoDate.optional(),
});
export const reopenBody = z.strictObject({ note: requiredText(4000), public: publishedOnWebsite });

const multi = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(','))),
    z.array(item).max(10).optional(),
  );

export const actionSorts = [
  'dueDate',
  '-dueDate',
  'reference',
  '-reference',
  'createdAt',
  '-createdAt',
] as const;

export const actionListQuery = z.object({
  boardId: z.uuid().optional(),
  meetingId: z.uuid().optional(),
  ownerOrganisationId: z.uuid().optional(),
  ownerPersonId: z.uuid().optional(),
  status: multi(actionStatusSchema),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  dueBefore: isoDate.optional(),
  sort: z.enum(actionSorts).default('dueDate'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const evidenceSchema = z.object({
  fileId: z.uuid(),
  filename: z.string(),
  sizeBytes: z.number().int(),
});

export const actionUpdateSchema = z
  .object({
    id: z.uuid(),
    kind: updateKindSchema,
    text: z.string(),
    authorName: z.string(),
    public: z.boolean(),
    evidence: evidenceSchema.nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'ActionUpdate' });

const actionFields = {
  id: z.uuid(),
  boardId: z.uuid(),
  reference: z.string(),
  text: z.string(),
  ownerOrganisationId: z.uuid(),
  ownerOrganisationShortName: z.string(),
  ownerPersonId: z.uuid().nullable(),
  ownerPersonName: z.string().nullable(),
  meetingId: z.uuid(),
  /** London date of the meeting that raised the action. */
  meetingDate: isoDate,
  itemId: z.uuid().nullable(),
  /** Position and title of the item, when you may see the item. */
  itemPosition: z.number().int().nullable(),
  itemTitle: z.string().nullable(),
  questionId: z.uuid().nullable(),
  dueDate: isoDate.nullable(),
  status: actionStatusSchema,
  /** Due before today (London) and neither closed nor superseded. */
  overdue: z.boolean(),
  confidentiality: confidentialitySchema,
  /** When it was closed or superseded. */
  closedAt: z.date().nullable(),
  closureNote: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  latestUpdate: actionUpdateSchema.nullable(),
};

export const actionSchema = z.object(actionFields).meta({ id: 'Action' });
export const actionDetailSchema = z
  .object({ ...actionFields, updates: z.array(actionUpdateSchema) })
  .meta({ id: 'ActionDetail' });

export const actionPageSchema = z.object({ items: z.array(actionSchema), nextCursor: z.string().nullable() });
export const mattersArisingSchema = z
  .object({ meetingId: z.uuid(), meetingDate: isoDate, items: z.array(actionSchema) })
  .meta({ id: 'MattersArising' });

export const updateParams = z.object({ id: z.uuid(), updateId: z.uuid() });

export type ActionCreate = z.infer<typeof actionCreateBody>;
export type ActionPatch = z.infer<typeof actionPatchBody>;
export type ActionUpdateInput = z.infer<typeof actionUpdateBody>;
export type ActionListQuery = z.infer<typeof actionListQuery>;
export type Action = z.infer<typeof actionSchema>;
export type ActionDetail = z.infer<typeof actionDetailSchema>;
export type ActionUpdate = z.infer<typeof actionUpdateSchema>;
export type ActionStatus = z.infer<typeof actionStatusSchema>;
