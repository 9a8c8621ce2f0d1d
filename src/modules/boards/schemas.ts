import { z } from 'zod';
import { ITEM_KINDS } from '../../db/schema.ts';
import { requiredText, text } from '../../http/common-schemas.ts';

export const itemKinds = ITEM_KINDS;
export const itemKindSchema = z.enum(itemKinds);

export const standingItemSchema = z.strictObject({ title: requiredText(300), kind: itemKindSchema });

export const boardBody = z.strictObject({
  name: requiredText(200),
  code: z.string().regex(/^[A-Z0-9]{2,10}$/, 'must be 2 to 10 capital letters or digits'),
  description: text(4000).default(''),
  standingItems: z.array(standingItemSchema).max(50).default([]),
  questionDeadlineDays: z.number().int().min(0).max(90).default(7),
  listExemptTitles: z.boolean().default(true),
});

export const boardPatch = z.strictObject({
  name: requiredText(200).optional(),
  code: boardBody.shape.code.optional(),
  description: text(4000).optional(),
  standingItems: z.array(standingItemSchema).max(50).optional(),
  questionDeadlineDays: z.number().int().min(0).max(90).optional(),
  listExemptTitles: z.boolean().optional(),
});

export const boardSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    code: z.string(),
    description: z.string(),
    standingItems: z.array(z.object({ title: z.string(), kind: itemKindSchema })),
    questionDeadlineDays: z.number().int(),
    listExemptTitles: z.boolean(),
    /** For If-Match: the ETag is W/"<id>:<version>". */
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Board' });

export type BoardInput = z.infer<typeof boardBody>;
export type BoardPatch = z.infer<typeof boardPatch>;
export type Board = z.infer<typeof boardSchema>;
