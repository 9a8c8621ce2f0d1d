import { z } from 'zod';
import { requiredText } from '../../http/common-schemas.ts';
import { roleSchema } from '../auth/schemas.ts';

const password = z.string().min(12, 'must be at least 12 characters').max(1024);
const email = z
  .email()
  .max(320)
  .transform((e) => e.toLowerCase());

export const createUserBody = z.strictObject({
  email,
  displayName: requiredText(200),
  password,
  roles: z.array(roleSchema).max(4).default([]),
  organisationId: z.uuid().nullable().default(null),
  personId: z.uuid().nullable().default(null),
  secretariatBoardIds: z.array(z.uuid()).max(100).default([]),
});

export const updateUserBody = z.strictObject({
  displayName: requiredText(200).optional(),
  password: password.optional(),
  roles: z.array(roleSchema).max(4).optional(),
  organisationId: z.uuid().nullable().optional(),
  personId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
  secretariatBoardIds: z.array(z.uuid()).max(100).optional(),
});

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(roleSchema),
    organisationId: z.uuid().nullable(),
    personId: z.uuid().nullable(),
    active: z.boolean(),
    secretariatBoardIds: z.array(z.uuid()),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'User' });

export const userList = z.object({ items: z.array(userSchema) }).meta({ id: 'UserList' });

export type CreateUser = z.infer<typeof createUserBody>;
export type UpdateUser = z.infer<typeof updateUserBody>;
export type User = z.infer<typeof userSchema>;
