import { z } from 'zod';
import { trimmed } from '../../platform/forms.js';
import { familyName, givenName } from './schemas.js';

export const STATUTORY_ROLES = {
  'monitoring-officer': 'Monitoring Officer',
  'deputy-monitoring-officer': 'Deputy Monitoring Officer',
  'chief-finance-officer': 'Chief Finance Officer (section 151)',
  'head-of-paid-service': 'Head of Paid Service',
} as const;
type StatutoryRole = keyof typeof STATUTORY_ROLES;

export const MEMBERSHIP_ROLES = {
  member: 'Member',
  chair: 'Chair',
  'vice-chair': 'Vice-chair',
  substitute: 'Substitute',
  leader: 'Leader',
  whip: 'Whip',
} as const;
type MembershipRole = keyof typeof MEMBERSHIP_ROLES;

const toArray = (value: unknown): unknown =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const optionalText = (max: number, label: string) =>
  z.preprocess(
    trimmed,
    z.string().max(max, `${label} must be ${max} characters or fewer`).optional(),
  );

export const personDetailsForm = z.object({
  givenName,
  familyName,
  email: z.preprocess(
    trimmed,
    z
      .string()
      .max(254, 'Email address must be 254 characters or fewer')
      .email('Enter an email address in the correct format, like name@example.com')
      .optional(),
  ),
  publishEmail: z.preprocess((v) => v === 'yes', z.boolean()),
  jobTitle: optionalText(150, 'Job title'),
  department: optionalText(150, 'Department'),
  externalId: optionalText(60, 'Reference'),
  statutoryRoles: z.preprocess(
    toArray,
    z.array(
      z.enum(Object.keys(STATUTORY_ROLES) as [StatutoryRole, ...StatutoryRole[]], {
        error: 'Select statutory roles from the list',
      }),
    ),
  ),
});
export type PersonDetailsInput = z.infer<typeof personDetailsForm>;

export const membershipForm = z.object({
  organisationId: z.coerce
    .number({ error: 'Select a council, group or committee' })
    .int()
    .positive('Select a council, group or committee'),
  role: z.enum(Object.keys(MEMBERSHIP_ROLES) as [MembershipRole, ...MembershipRole[]], {
    error: 'Select their role',
  }),
  postId: z.preprocess(trimmed, z.coerce.number().int().positive().optional()),
  voting: z.preprocess((v) => v !== 'no', z.boolean()),
});

export const endMembershipForm = z.object({
  reason: z.preprocess(
    trimmed,
    z
      .string({ error: 'Enter why the membership ended' })
      .max(200, 'The reason must be 200 characters or fewer'),
  ),
});

export const moveGroupForm = z.object({
  groupId: z.coerce
    .number({ error: 'Select the group they are joining' })
    .int()
    .positive('Select the group they are joining'),
});

export const appointmentForm = z.object({
  authorityId: z.coerce.number({ error: 'Select a council' }).int().positive('Select a council'),
  noConnection: z.literal('yes', {
    error: 'Confirm they have declared no connection with the council in the last 5 years',
  }),
});
export type AppointmentInput = { authorityId: number; startDate: string; endDate: string };

export const idParams = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  membershipId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});
