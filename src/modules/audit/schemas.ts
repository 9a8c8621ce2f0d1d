import { z } from 'zod';

const instant = z.iso.datetime({ offset: true });

export const auditQuery = z.object({
  entityType: z
    .string()
    .regex(/^[a-z_]{1,50}$/, 'must be an entity type such as "action"')
    .optional(),
  entityId: z.uuid().optional(),
  /** Only entries about this board's entities (a board the caller administers). */
  boardId: z.uuid().optional(),
  actorUserId: z.uuid().optional(),
  /** Inclusive lower bound, ISO 8601 with offset. */
  from: instant.optional(),
  /** Exclusive upper bound, ISO 8601 with offset. */
  to: instant.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const auditEntrySchema = z
  .object({
    id: z.uuid(),
    at: z.date(),
    actorUserId: z.uuid().nullable(),
    /** Recorded with the entry; for older entries that have none, the account's current name. */
    actorName: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.uuid().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  nextCursor: z.string().nullable(),
});

export const auditActorSchema = z.object({ id: z.uuid(), name: z.string() });

export type AuditQuery = z.infer<typeof auditQuery>;
export type AuditEntryView = z.infer<typeof auditEntrySchema>;
export type AuditActor = z.infer<typeof auditActorSchema>;
