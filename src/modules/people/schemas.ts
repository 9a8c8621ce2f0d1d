import { z } from 'zod';
import { requiredText, text } from '../../http/common-schemas.ts';

export const organisationBody = z.strictObject({
  name: requiredText(200),
  shortName: requiredText(40),
});
export const organisationPatch = organisationBody.partial();

export const organisationSchema = z
  .object({ id: z.uuid(), name: z.string(), shortName: z.string(), createdAt: z.date(), updatedAt: z.date() })
  .meta({ id: 'Organisation' });

export const personBody = z.strictObject({
  name: requiredText(200),
  jobTitle: text(200).nullable().default(null),
  organisationId: z.uuid().nullable().default(null),
});
export const personPatch = z.strictObject({
  name: requiredText(200).optional(),
  jobTitle: text(200).nullable().optional(),
  organisationId: z.uuid().nullable().optional(),
});

export const personSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    jobTitle: z.string().nullable(),
    organisationId: z.uuid().nullable(),
    organisationShortName: z.string().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Person' });

export const peopleQuery = z.object({
  q: text(100).optional(),
  organisationId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type OrganisationInput = z.infer<typeof organisationBody>;
export type PersonInput = z.infer<typeof personBody>;
export type PersonPatch = z.infer<typeof personPatch>;
export type Person = z.infer<typeof personSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
