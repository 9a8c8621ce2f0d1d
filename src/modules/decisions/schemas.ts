import { z } from 'zod';
import { isoDate, requiredText } from '../../http/common-schemas.ts';
import { notesVersionSchema } from '../publication/schemas.ts';

const fields = {
  title: requiredText(300),
  decisionDate: isoDate,
  /** As it should be printed, e.g. "Police and Crime Commissioner, Simon Foster". */
  decisionMaker: requiredText(300),
  /** Plain text; blank lines separate paragraphs. Published as written: no personal data here. */
  summary: requiredText(20_000),
  meetingId: z.uuid().nullable(),
  /** A public agenda item of that meeting. */
  itemId: z.uuid().nullable(),
};

export const decisionBody = z.strictObject({
  boardId: z.uuid(),
  ...fields,
  meetingId: fields.meetingId.default(null),
  itemId: fields.itemId.default(null),
});

export const decisionPatch = z.strictObject({
  title: fields.title.optional(),
  decisionDate: fields.decisionDate.optional(),
  decisionMaker: fields.decisionMaker.optional(),
  summary: fields.summary.optional(),
  meetingId: fields.meetingId.optional(),
  itemId: fields.itemId.optional(),
});

export const decisionCorrectionBody = decisionPatch.extend({
  /** Shown to the public beside the new version. */
  reason: requiredText(1000),
});

export const decisionListQuery = z.object({ boardId: z.uuid().optional() });

export const decisionVersionSchema = notesVersionSchema
  .omit({ approvedAtMeetingId: true, edited: true, editedNotice: true })
  .meta({ id: 'DecisionVersion' });

export const decisionSchema = z
  .object({
    id: z.uuid(),
    boardId: z.uuid(),
    /** Given when first published, e.g. "AGB-D-2026-3". */
    reference: z.string().nullable(),
    title: z.string(),
    decisionDate: z.string(),
    decisionMaker: z.string(),
    summary: z.string(),
    meetingId: z.uuid().nullable(),
    itemId: z.uuid().nullable(),
    status: z.enum(['draft', 'published']),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
    versions: z.array(decisionVersionSchema),
  })
  .meta({ id: 'Decision' });

export type DecisionInput = z.infer<typeof decisionBody>;
export type DecisionPatch = z.infer<typeof decisionPatch>;
export type DecisionCorrection = z.infer<typeof decisionCorrectionBody>;
export type Decision = z.infer<typeof decisionSchema>;
export type DecisionVersion = z.infer<typeof decisionVersionSchema>;
