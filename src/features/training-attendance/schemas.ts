import { z } from 'zod';
import type { AttendanceStatus } from '../../db/schema.js';

const MAX_ID = 2_147_483_647;

/** A database id from a path or a form: digits only, within an integer's range. */
export const id = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .refine((n) => n <= MAX_ID);

export const idParams = z.object({ id });

/** The statuses, in the order the form offers them, with their labels. */
export const STATUSES: Record<AttendanceStatus, string> = {
  attended: 'Attended',
  late: 'Late',
  'left-early': 'Left early',
  apologies: 'Absent with apologies',
  absent: 'Absent',
};

export const isStatus = (value: unknown): value is AttendanceStatus =>
  typeof value === 'string' && Object.hasOwn(STATUSES, value);

/** Adding someone who was not invited: who, and how they attended. */
export const addForm = z.object({
  personId: z
    .string({ error: 'Choose the person to add' })
    .regex(/^[1-9]\d{0,9}$/, { error: 'Choose the person to add' })
    .transform(Number)
    .refine((n) => n <= MAX_ID, { error: 'Choose the person to add' }),
  addStatus: z
    .string({ error: 'Choose how they attended' })
    .refine(isStatus, { error: 'Choose how they attended' })
    .transform((v) => v as AttendanceStatus),
});

/** Six letters and digits; spaces and lower case are forgiven. */
export const CODE_PATTERN = /^[A-Z0-9]{6}$/;

export const codeForm = z.object({
  code: z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(/[\s-]/g, '').toUpperCase() : v),
    z
      .string({ error: 'Enter the attendance code' })
      .min(1, { error: 'Enter the attendance code' })
      .regex(CODE_PATTERN, { error: 'The attendance code is 6 letters and numbers, like K7P2QX' }),
  ),
});
