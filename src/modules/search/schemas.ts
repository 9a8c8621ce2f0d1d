import { z } from 'zod';
import { isoDate, requiredText } from '../../http/common-schemas.ts';

export const searchTypes = ['item', 'question', 'action'] as const;
export const searchTypeSchema = z.enum(searchTypes);

export const searchQuery = z.object({
  /** Web-search syntax: words, "quoted phrases", OR, -excluded. English stemming. */
  q: requiredText(200),
  boardId: z.uuid().optional(),
  types: z
    .string()
    .max(100)
    .transform((s) =>
      s
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    )
    .pipe(z.array(searchTypeSchema).min(1))
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const searchHitSchema = z
  .object({
    type: searchTypeSchema,
    id: z.uuid(),
    boardId: z.uuid(),
    meetingId: z.uuid(),
    meetingDate: isoDate,
    /** Plain text: the item's title, the question's opening words, or the action's reference. */
    title: z.string(),
    /** Safe HTML: the source text escaped, with the matched words in <mark>. */
    snippet: z.string(),
    rank: z.number(),
  })
  .meta({ id: 'SearchHit' });

export const searchResultSchema = z.object({ items: z.array(searchHitSchema) });

export type SearchQuery = z.infer<typeof searchQuery>;
export type SearchHit = z.infer<typeof searchHitSchema>;
