import { z } from 'zod';
import { cursorQuery, isoDate, text } from '../../http/common-schemas.ts';
import { agendaItemSchema } from '../agenda/schemas.ts';
import { attendanceEntrySchema } from './attendance-schemas.ts';
import { declarationSchema } from './declarations-schemas.ts';

export const meetingStatusSchema = z.enum([
  'scheduled',
  'held',
  'notes_drafted',
  'notes_approved',
  'published',
  'cancelled',
]);

/** Wall-clock start in Europe/London, 'HH:MM'. */
const startTime = z.iso.time({ precision: -1 });
/** A calendar date in a range a board could meet in (keeps date arithmetic away from year 10000). */
const meetingDate = isoDate.refine(
  (d) => d >= '1900-01-01' && d <= '2999-12-31',
  'must be between 1900 and 2999',
);
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const meetingBody = z
  .strictObject({
    boardId: z.uuid(),
    date: meetingDate,
    startTime,
    location: text(300).default(''),
    online: z.boolean().default(false),
    summary: text(2000).optional(),
    nextMeetingDate: meetingDate.nullable().default(null),
    /** Defaults to the start minus the board's questionDeadlineDays. */
    questionDeadline: instant.nullable().optional(),
  })
  .refine((m) => m.online || m.location !== '', {
    message: 'give a location or set online',
    path: ['location'],
  });

export const meetingPatch = z.strictObject({
  date: meetingDate.optional(),
  startTime: startTime.optional(),
  location: text(300).optional(),
  online: z.boolean().optional(),
  summary: text(2000).optional(),
  nextMeetingDate: meetingDate.nullable().optional(),
  questionDeadline: instant.nullable().optional(),
});

export const statusBody = z.strictObject({ status: meetingStatusSchema });

export const meetingListQuery = cursorQuery.extend({
  boardId: z.uuid().optional(),
  status: meetingStatusSchema.optional(),
  /** London calendar dates, both inclusive. */
  from: meetingDate.optional(),
  to: meetingDate.optional(),
});

const meetingFields = {
  id: z.uuid(),
  boardId: z.uuid(),
  boardName: z.string(),
  boardCode: z.string(),
  startsAt: z.date(),
  /** London wall clock: 'YYYY-MM-DD', 'HH:MM', and as printed, "Tuesday 24 March 2026". */
  date: z.string(),
  startTime: z.string(),
  dateText: z.string(),
  location: z.string(),
  online: z.boolean(),
  status: meetingStatusSchema,
  version: z.number().int(),
};

export const meetingListEntrySchema = z.object(meetingFields).meta({ id: 'MeetingListEntry' });
export const meetingPage = z.object({
  items: z.array(meetingListEntrySchema),
  nextCursor: z.string().nullable(),
});

export const meetingDetailSchema = z
  .object({
    ...meetingFields,
    summary: z.string(),
    questionDeadline: z.date().nullable(),
    nextMeeting: z
      .object({ date: z.string(), dateText: z.string(), meetingId: z.uuid().nullable() })
      .nullable(),
    attendance: z.object({
      present: z.array(attendanceEntrySchema),
      apologies: z.array(attendanceEntrySchema),
      absent: z.array(attendanceEntrySchema),
      inAttendance: z.array(attendanceEntrySchema),
    }),
    items: z.array(agendaItemSchema),
    declarations: z.array(declarationSchema),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'MeetingDetail' });

export type MeetingInput = z.infer<typeof meetingBody>;
export type MeetingPatch = z.infer<typeof meetingPatch>;
export type MeetingListQuery = z.infer<typeof meetingListQuery>;
export type MeetingListEntry = z.infer<typeof meetingListEntrySchema>;
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;
