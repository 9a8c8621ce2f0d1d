import { z } from 'zod';
import { requiredText } from '../../http/common-schemas.ts';

export const declarationBody = z.strictObject({
  personId: z.uuid(),
  itemId: z.uuid().nullable().default(null),
  interest: requiredText(2000),
});

export const declarationSchema = z
  .object({
    id: z.uuid(),
    meetingId: z.uuid(),
    personId: z.uuid(),
    personName: z.string(),
    itemId: z.uuid().nullable(),
    interest: z.string(),
    createdAt: z.date(),
  })
  .meta({ id: 'Declaration' });

export const declarationList = z.object({ items: z.array(declarationSchema) });

export type DeclarationInput = z.infer<typeof declarationBody>;
export type Declaration = z.infer<typeof declarationSchema>;
