import { z } from 'zod';
import { text } from '../../http/common-schemas.ts';

export const attendanceStatusSchema = z.enum(['present', 'apologies', 'absent', 'in_attendance']);

/** Role and organisation as printed; when left out they come from the person's job title and organisation. */
const printedFields = {
  status: attendanceStatusSchema,
  role: text(200).optional(),
  organisation: text(100).nullable().optional(),
  /** "In attendance for item N". */
  forItemId: z.uuid().nullable().default(null),
};

export const attendanceBody = z.strictObject({ personId: z.uuid(), ...printedFields });
export const attendanceReplace = z.strictObject(printedFields);

export const attendanceEntrySchema = z
  .object({
    id: z.uuid(),
    meetingId: z.uuid(),
    personId: z.uuid(),
    name: z.string(),
    role: z.string(),
    organisation: z.string().nullable(),
    status: attendanceStatusSchema,
    forItemId: z.uuid().nullable(),
  })
  .meta({ id: 'AttendanceEntry' });

export const attendanceList = z.object({ items: z.array(attendanceEntrySchema) });

export type AttendanceInput = z.infer<typeof attendanceBody>;
export type AttendanceReplace = z.infer<typeof attendanceReplace>;
export type AttendanceEntry = z.infer<typeof attendanceEntrySchema>;
