import { z } from 'zod';
import { text } from '../../http/common-schemas.ts';

export const importNotesBody = z.strictObject({
  text: z.string().min(1).max(500_000),
  startTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM')
    .default('10:00'),
  location: text(300).default(''),
  dryRun: z.boolean().default(false),
});

const reportLine = z.object({ line: z.number().int(), text: z.string(), reason: z.string() });

export const importResult = z
  .object({
    meetingId: z.uuid().nullable(),
    meetingDate: z.string().nullable(),
    dryRun: z.boolean(),
    counts: z.object({
      present: z.number().int(),
      apologies: z.number().int(),
      items: z.number().int(),
      questions: z.number().int(),
      preSubmittedQuestions: z.number().int(),
      actions: z.number().int(),
    }),
    actions: z.array(
      z.object({ reference: z.string().nullable(), text: z.string(), owner: z.string().nullable() }),
    ),
    /** Lines the importer could not place, and why: nothing is guessed silently. */
    unplaced: z.array(reportLine),
    warnings: z.array(z.object({ line: z.number().int(), message: z.string() })),
  })
  .meta({ id: 'ImportResult' });

export type ImportNotesInput = z.infer<typeof importNotesBody>;
export type ImportResult = z.infer<typeof importResult>;
