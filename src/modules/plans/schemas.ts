import { z } from 'zod';
import { isoDate, requiredText, text } from '../../http/common-schemas.ts';

export const planBody = z
  .strictObject({ title: requiredText(300), startsOn: isoDate, endsOn: isoDate })
  .refine((p) => p.startsOn <= p.endsOn, { message: 'must not be before startsOn', path: ['endsOn'] });
export const planPatch = z.strictObject({
  title: requiredText(300).optional(),
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
});

export const planSchema = z
  .object({ id: z.uuid(), title: z.string(), startsOn: isoDate, endsOn: isoDate, createdAt: z.date() })
  .meta({ id: 'Plan' });

export const commitmentBody = z.strictObject({
  /** The plan's own reference number, e.g. 147 ("Action ref 147"). */
  ref: z.number().int().min(1).max(99_999),
  chapter: text(300).default(''),
  text: requiredText(4000),
});
export const commitmentPatch = z.strictObject({
  ref: commitmentBody.shape.ref.optional(),
  chapter: text(300).optional(),
  text: requiredText(4000).optional(),
});

/** Reporting periods as the OPCC writes them: "Q2 25/26". */
export const periodSchema = z.string().regex(/^Q[1-4] \d{2}\/\d{2}$/, 'must look like "Q2 25/26"');
export const ratingSchemaEnum = z.enum(['red', 'amber', 'green']);

export const ratingBody = z.strictObject({
  period: periodSchema,
  rating: ratingSchemaEnum,
  commentary: text(8000).default(''),
  meetingId: z.uuid().nullable().default(null),
});

export const ratingSchema = z
  .object({
    id: z.uuid(),
    commitmentId: z.uuid(),
    period: z.string(),
    rating: ratingSchemaEnum,
    commentary: z.string(),
    meetingId: z.uuid().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'CommitmentRating' });

export const linkBody = z
  .strictObject({
    itemId: z.uuid().optional(),
    questionId: z.uuid().optional(),
    actionId: z.uuid().optional(),
  })
  .refine((l) => [l.itemId, l.questionId, l.actionId].filter(Boolean).length === 1, {
    message: 'give exactly one of itemId, questionId, actionId',
  });

export const linkSchema = z
  .object({
    id: z.uuid(),
    commitmentId: z.uuid(),
    targetType: z.enum(['item', 'question', 'action']),
    targetId: z.uuid(),
    meetingId: z.uuid(),
    /** The item's title, the question's text or the action's reference. */
    label: z.string(),
  })
  .meta({ id: 'CommitmentLink' });

export const commitmentSchema = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    ref: z.number().int(),
    chapter: z.string(),
    text: z.string(),
    /** For If-Match: the ETag is W/"<id>:<version>". Ratings and links do not change it. */
    version: z.number().int(),
    createdAt: z.date(),
    /** Oldest period first. */
    ratings: z.array(ratingSchema),
    /** Only links to things you may see. */
    links: z.array(linkSchema),
  })
  .meta({ id: 'Commitment' });

export const ratingParams = z.object({ id: z.uuid(), ratingId: z.uuid() });
export const linkParams = z.object({ id: z.uuid(), linkId: z.uuid() });

export type PlanInput = z.infer<typeof planBody>;
export type PlanPatch = z.infer<typeof planPatch>;
export type Plan = z.infer<typeof planSchema>;
export type CommitmentInput = z.infer<typeof commitmentBody>;
export type CommitmentPatch = z.infer<typeof commitmentPatch>;
export type Commitment = z.infer<typeof commitmentSchema>;
export type RatingInput = z.infer<typeof ratingBody>;
export type Rating = z.infer<typeof ratingSchema>;
export type LinkInput = z.infer<typeof linkBody>;
export type Link = z.infer<typeof linkSchema>;
