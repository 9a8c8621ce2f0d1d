import { z } from 'zod';
import { requiredText } from '../../http/common-schemas.ts';

export const notesStateSchema = z.enum(['draft', 'submitted', 'approved', 'published', 'correcting']);
export const notesStepSchema = z.enum([
  'submit',
  'return',
  'approve',
  'publish',
  'correct',
  'cancelCorrection',
]);

export const notesVersionSchema = z
  .object({
    versionNo: z.number().int(),
    publishedAt: z.date(),
    publishedBy: z.string(),
    /** Why this version replaced the previous one; null for the first. */
    reason: z.string().nullable(),
    /** True once a later version exists: still downloadable, no longer current. */
    superseded: z.boolean(),
    approvedAtMeetingId: z.uuid().nullable(),
    edited: z.boolean(),
    editedNotice: z.string().nullable(),
    jsonSha256: z.string(),
    pdfSha256: z.string(),
    pdfFilename: z.string(),
    pdfSize: z.number().int(),
  })
  .meta({ id: 'NotesVersion' });

export const publicationSchema = z
  .object({
    meetingId: z.uuid(),
    notesState: notesStateSchema,
    /** The steps the caller may take now (empty for those who may not move the notes). */
    allowedSteps: z.array(notesStepSchema),
    agendaPublishedAt: z.date().nullable(),
    submittedAt: z.date().nullable(),
    approvedAt: z.date().nullable(),
    approvedAtMeeting: z.object({ id: z.uuid(), date: z.string() }).nullable(),
    correctionReason: z.string().nullable(),
    versions: z.array(notesVersionSchema),
  })
  .meta({ id: 'NotesPublication' });

export const approveBody = z.strictObject({
  /** The later meeting of the same board at which the notes were approved. */
  atMeetingId: z.uuid(),
});

export const correctionBody = z.strictObject({
  /** Shown to the public beside the new version, e.g. "Corrected the spelling of a name in item 4". */
  reason: requiredText(1000),
});

export const versionParams = z.object({ id: z.uuid(), version: z.coerce.number().int().min(1).max(100_000) });

export const diffQuery = z.object({
  from: z.coerce.number().int().min(1).max(100_000),
  to: z.coerce.number().int().min(1).max(100_000),
});

export const diffLineSchema = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() });

export const notesDiffSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    /** Why the later version was made. */
    reason: z.string().nullable(),
    /** Changed lines with two lines of context; unchanged stretches are left out. */
    hunks: z.array(z.object({ lines: z.array(diffLineSchema) })),
    /** The same as text: "+ " added, "- " removed. */
    text: z.string(),
  })
  .meta({ id: 'VersionDiff' });

export const previewSchema = z
  .object({
    edited: z.boolean(),
    editedNotice: z.string().nullable(),
    /** The notes as plain lines, as the public would read them. */
    lines: z.array(z.string()),
  })
  .meta({ id: 'NotesPublicPreview' });

export type Publication = z.infer<typeof publicationSchema>;
export type NotesVersion = z.infer<typeof notesVersionSchema>;
export type NotesDiff = z.infer<typeof notesDiffSchema>;
