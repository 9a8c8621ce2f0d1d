import { z } from 'zod';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

/** Standard error responses for the OpenAPI document; pass the statuses a route can answer. */
export function problems(...statuses: number[]): Record<number, typeof problemSchema> {
  return Object.fromEntries(statuses.map((s) => [s, problemSchema]));
}

export const idParams = z.object({ id: z.uuid() });

/**
 * Text fields: trimmed, bounded, and free of control characters that have no place in documents,
 * bidirectional embeddings, overrides and isolates included ("Invoice U+202E fdp.exe" would print as
 * "Invoice exe.pdf"). Right-to-left text needs none of them; the marks U+200E/U+200F stay allowed.
 */
export function text(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
      (s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/.test(s),
      'must not contain control characters or bidirectional overrides',
    );
}

export function requiredText(max: number) {
  return text(max).pipe(z.string().min(1, 'must not be empty'));
}

export const cursorQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const isoDate = z.iso.date();
