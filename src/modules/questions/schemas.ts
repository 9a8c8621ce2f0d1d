import { z } from 'zod';
import { requiredText, text } from '../../http/common-schemas.ts';

export const questionSources = ['pre_submitted', 'in_meeting', 'public'] as const;
export const questionSourceSchema = z.enum(questionSources);

const questionText = requiredText(4000);
const bullets = z.array(requiredText(4000)).max(100);
const answerHtml = text(100_000);
const printed = text(300);

const answerFields = {
  answeredByPersonId: z.uuid().nullable().optional(),
  answeredByPrinted: printed.optional(),
  answerBullets: bullets.optional(),
  answerHtml: answerHtml.optional(),
};

const oneAnswerForm = (v: { answerBullets?: unknown; answerHtml?: unknown }) =>
  v.answerBullets === undefined || v.answerHtml === undefined;
const oneAnswerMessage = { message: 'give answerBullets or answerHtml, not both', path: ['answerHtml'] };

export const questionCreateBody = z
  .strictObject({
    source: questionSourceSchema,
    number: z.number().int().min(1).max(999).nullable().optional(),
    itemId: z.uuid().nullable().optional(),
    text: questionText,
    askedByPersonId: z.uuid().nullable().optional(),
    askedByPrinted: printed.optional(),
    publicAskerName: text(200).nullable().optional(),
    publicNameConsent: z.boolean().optional(),
    ...answerFields,
  })
  .refine(oneAnswerForm, oneAnswerMessage);

export const questionPatchBody = z
  .strictObject({
    source: questionSourceSchema.optional(),
    number: z.number().int().min(1).max(999).nullable().optional(),
    itemId: z.uuid().nullable().optional(),
    text: questionText.optional(),
    askedByPersonId: z.uuid().nullable().optional(),
    askedByPrinted: printed.optional(),
    publicAskerName: text(200).nullable().optional(),
    publicNameConsent: z.boolean().optional(),
    ...answerFields,
  })
  .refine(oneAnswerForm, oneAnswerMessage);

export const questionSubmitBody = z.strictObject({
  text: questionText,
  itemId: z.uuid().nullable().optional(),
});

export const questionOrderBody = z.strictObject({
  questionIds: z.array(z.uuid()).min(1).max(500),
});

export const questionSchema = z
  .object({
    id: z.uuid(),
    meetingId: z.uuid(),
    itemId: z.uuid().nullable(),
    number: z.number().int().nullable(),
    position: z.number().int(),
    source: questionSourceSchema,
    text: z.string(),
    askedByPersonId: z.uuid().nullable(),
    askedByPrinted: z.string(),
    /** Only to the board's secretariat, or to everyone when the asker consented. */
    publicAskerName: z.string().nullable(),
    publicNameConsent: z.boolean(),
    answeredByPersonId: z.uuid().nullable(),
    answeredByPrinted: z.string(),
    answerHtml: z.string(),
    answerText: z.string(),
    /** The answer as plain bullet points when it is a simple list; null for richer answers. */
    answerBullets: z.array(z.string()).nullable(),
    /** True when the caller submitted this question (members may edit their own until the deadline). */
    submittedByMe: z.boolean(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Question' });

export const meetingIdParams = z.object({ id: z.uuid() });

export type QuestionCreate = z.infer<typeof questionCreateBody>;
export type QuestionPatch = z.infer<typeof questionPatchBody>;
export type QuestionSubmit = z.infer<typeof questionSubmitBody>;
export type Question = z.infer<typeof questionSchema>;
