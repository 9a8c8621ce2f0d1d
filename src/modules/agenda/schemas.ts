import { z } from 'zod';
import { requiredText, text } from '../../http/common-schemas.ts';
import { itemKindSchema } from '../boards/schemas.ts';

export const confidentialitySchema = z.enum(['public', 'exempt', 'opcc_only']);

/** Rich text arrives as HTML and is sanitised in the service; this bounds what we accept to parse. */
/** Rich text, sanitised by the service; control characters (NUL, bidi overrides) are refused here, by name. */
const bodyHtml = text(300_000);

export const presenterSchema = z.strictObject({
  personId: z.uuid().nullable().default(null),
  /** As printed: "Temporary Assistant Chief Constable, Richard North". */
  printed: requiredText(300),
});

export const itemBody = z.strictObject({
  title: requiredText(300),
  kind: itemKindSchema.default('other'),
  presenters: z.array(presenterSchema).max(20).default([]),
  bodyHtml: bodyHtml.default(''),
  confidentiality: confidentialitySchema.default('public'),
  exemptReason: text(500).nullable().default(null),
});

export const itemPatch = z.strictObject({
  title: requiredText(300).optional(),
  kind: itemKindSchema.optional(),
  presenters: z.array(presenterSchema).max(20).optional(),
  bodyHtml: bodyHtml.optional(),
  confidentiality: confidentialitySchema.optional(),
  exemptReason: text(500).nullable().optional(),
});

export const reorderBody = z.strictObject({
  itemIds: z
    .array(z.uuid())
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an item'),
});

export const paperSchema = z
  .object({
    id: z.uuid(),
    itemId: z.uuid(),
    title: z.string(),
    confidentiality: confidentialitySchema,
    filename: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    createdAt: z.date(),
  })
  .meta({ id: 'Paper' });

export const agendaItemSchema = z
  .object({
    id: z.uuid(),
    meetingId: z.uuid(),
    /** 1..n over the items this caller may see, in agenda order. */
    number: z.number().int(),
    title: z.string(),
    /**
     * True for an exempt item of which you may see only the title (its board lists exempt items by
     * title, as the published agenda does): its body, presenters, reason and papers are withheld.
     */
    withheld: z.boolean(),
    kind: itemKindSchema,
    presenters: z.array(z.object({ personId: z.uuid().nullable(), printed: z.string() })),
    bodyHtml: z.string(),
    bodyText: z.string(),
    confidentiality: confidentialitySchema,
    exemptReason: z.string().nullable(),
    version: z.number().int(),
    papers: z.array(paperSchema),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'AgendaItem' });

export const agendaList = z.object({ items: z.array(agendaItemSchema) });

/** Multipart text fields that accompany an uploaded paper. */
export const paperFields = z.strictObject({
  title: requiredText(300).optional(),
  confidentiality: confidentialitySchema.default('public'),
});

export type ItemInput = z.infer<typeof itemBody>;
export type ItemPatch = z.infer<typeof itemPatch>;
export type AgendaItem = z.infer<typeof agendaItemSchema>;
export type Paper = z.infer<typeof paperSchema>;
