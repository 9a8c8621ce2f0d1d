import { z } from 'zod';

/** The roles a user may hold (users are given them; a signed-in principal carries them). */
export const roleSchema = z.enum(['admin', 'secretariat', 'officer', 'member']);

export const loginBody = z.strictObject({
  email: z.string().trim().max(320),
  password: z.string().max(1024),
});

export const refreshBody = z.strictObject({ refreshToken: z.string().min(1).max(200) });

export const tokenPair = z
  .object({
    accessToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int(),
    refreshToken: z.string(),
    refreshExpiresIn: z.number().int(),
  })
  .meta({ id: 'TokenPair' });

export const me = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(roleSchema),
    organisationId: z.uuid().nullable(),
    personId: z.uuid().nullable(),
    secretariatBoardIds: z.array(z.uuid()),
  })
  .meta({ id: 'Me' });
