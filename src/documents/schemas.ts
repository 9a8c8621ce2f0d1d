import { z } from 'zod';
import { isoDate } from '../http/common-schemas.ts';
import { ACTION_LOG_STATUSES } from './load-action-log.ts';

export const DOCUMENT_KINDS = ['notes', 'agenda', 'action-log'] as const;

export const actionLogQuery = z.strictObject({
  status: z.enum(ACTION_LOG_STATUSES).optional(),
  ownerOrganisationId: z.uuid().optional(),
  /** Dates of the meeting at which the action was raised (Europe/London), inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type ActionLogQuery = z.infer<typeof actionLogQuery>;

export const ifNoneMatchHeaders = z.object({ 'if-none-match': z.string().max(2000).optional() });

/** Bodies that are not JSON are sent as they are; these only describe them in the OpenAPI document. */
export const pdfResponse = {
  description: 'The PDF, with a strong ETag (its SHA-256) and Content-Disposition: inline',
  content: { 'application/pdf': { schema: z.any().meta({ description: 'PDF bytes', format: 'binary' }) } },
};
export const htmlResponse = {
  description: 'The HTML the PDF is printed from, under a Content-Security-Policy that loads nothing',
  content: { 'text/html': { schema: z.string() } },
};
export const notModified = z
  .null()
  .meta({ description: 'Not modified: the ETag in If-None-Match is current' });

export const renderJobBody = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS),
  /** Meetings for notes and agendas, boards for action logs. */
  ids: z.array(z.uuid()).min(1).max(50),
});
export type RenderJobBody = z.infer<typeof renderJobBody>;

export const renderJobCreated = z.object({ jobId: z.uuid() }).meta({ id: 'RenderJobCreated' });

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export const DOCUMENT_PROGRESS_STATES = ['pending', 'rendering', 'completed', 'retrying', 'failed'] as const;

export const renderJobSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(DOCUMENT_KINDS),
    state: z.enum(JOB_STATES),
    /** Attempts started so far (1 on the first run). */
    attempts: z.number().int(),
    error: z.string().optional(),
    createdAt: z.date(),
    startedAt: z.date().nullable(),
    finishedAt: z.date().nullable(),
    progress: z.array(
      z.object({
        id: z.uuid(),
        state: z.enum(DOCUMENT_PROGRESS_STATES),
        sha256: z.string().optional(),
        error: z.string().optional(),
        /** Where the document is served (from storage once completed). */
        href: z.string(),
      }),
    ),
  })
  .meta({ id: 'RenderJob' });
export type RenderJob = z.infer<typeof renderJobSchema>;
