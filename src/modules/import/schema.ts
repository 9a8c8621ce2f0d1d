// Output contract of the notes parser. The importer validates parser output against these
// schemas before showing it for human review, so the types are derived from them.
import { z } from 'zod';
import { ITEM_KINDS } from '../../db/schema.ts';

/** 1-based line number in the (CRLF-normalised) input text. */
const lineNumber = z.number().int().min(1);

/** ISO calendar date, e.g. 2026-03-24. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const itemKindSchema = z.enum(ITEM_KINDS);

/** A person as printed in "Presented by: Role, Name" or "(Asked by Role, Name)". */
export const personRefSchema = z.object({
  asPrinted: z.string(),
  role: z.string().nullable(),
  name: z.string(),
});

export const attendeeSchema = z.object({
  name: z.string(),
  role: z.string().nullable(),
  organisation: z.string().nullable(),
  line: lineNumber,
});

export const questionSchema = z.object({
  /** "Question 2: ..." gives 2; in-meeting questions have no number. */
  number: z.number().int().nullable(),
  text: z.string(),
  askedBy: personRefSchema.nullable(),
  answerBullets: z.array(z.string()),
  preSubmitted: z.boolean(),
  line: lineNumber,
});

export const actionSchema = z.object({
  text: z.string(),
  ownerOrganisation: z.string().nullable(),
  line: lineNumber,
});

export const itemSchema = z.object({
  number: z.number().int(),
  title: z.string().nullable(),
  kind: itemKindSchema,
  presenters: z.array(personRefSchema),
  /** Simple HTML built by the parser (p, ul, ol, li, strong only); all text escaped. */
  bodyHtml: z.string(),
  questions: z.array(questionSchema),
  actions: z.array(actionSchema),
  startLine: lineNumber,
  endLine: lineNumber,
});

export const unplacedSchema = z.object({
  line: lineNumber,
  text: z.string(),
  reason: z.string(),
});

/** Things the parser did place, but by a heuristic a reviewer should check. */
export const parseWarningSchema = z.object({
  line: lineNumber,
  message: z.string(),
});

export const parsedNotesSchema = z.object({
  boardName: z.string().nullable(),
  documentTitle: z.string().nullable(),
  meetingDate: isoDate.nullable(),
  /** The date line exactly as printed, e.g. "Tuesday 24 March 2026". */
  meetingDateText: z.string().nullable(),
  summary: z.string().nullable(),
  nextMeetingDate: isoDate.nullable(),
  attendance: z.object({
    present: z.array(attendeeSchema),
    apologies: z.array(attendeeSchema),
  }),
  items: z.array(itemSchema),
  unplaced: z.array(unplacedSchema),
  warnings: z.array(parseWarningSchema),
});

export type ItemKind = z.infer<typeof itemKindSchema>;
export type PersonRef = z.infer<typeof personRefSchema>;
export type Attendee = z.infer<typeof attendeeSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Action = z.infer<typeof actionSchema>;
export type ParsedItem = z.infer<typeof itemSchema>;
export type Unplaced = z.infer<typeof unplacedSchema>;
export type ParseWarning = z.infer<typeof parseWarningSchema>;
export type ParsedNotes = z.infer<typeof parsedNotesSchema>;
