import { z } from 'zod';
import { trimmed } from '../../platform/forms.js';

export const PERSON_KINDS = {
  member: 'Councillor',
  'co-opted-member': 'Co-opted member',
  officer: 'Officer',
  'independent-person': 'Independent Person',
  facilitator: 'Outside facilitator',
} as const;
export type PersonKindKey = keyof typeof PERSON_KINDS;

/** Roles an administrator can grant from this form (a group whip is set on the group). */
export const GRANTABLE_ROLES = {
  'monitoring-officer': 'Monitoring Officer (or deputy): everything, including the audit trail',
  'democratic-services': 'Democratic Services: administration',
  member: 'Councillor',
  officer: 'Officer: clears report implications, attends officer sessions',
  facilitator: 'Facilitator: runs sessions, takes attendance',
  'independent-person': 'Independent Person',
} as const;
export type GrantableRole = keyof typeof GRANTABLE_ROLES;

const toArray = (value: unknown): unknown =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** A person's names, as every form that takes them checks them. */
export const givenName = z.preprocess(
  trimmed,
  z.string({ error: 'Enter a first name' }).max(100, 'First name must be 100 characters or fewer'),
);
export const familyName = z.preprocess(
  trimmed,
  z.string({ error: 'Enter a last name' }).max(100, 'Last name must be 100 characters or fewer'),
);

export const invitePersonForm = z.object({
  givenName,
  familyName,
  email: z.preprocess(
    trimmed,
    z
      .string({ error: 'Enter an email address' })
      .max(254, 'Email address must be 254 characters or fewer')
      .email('Enter an email address in the correct format, like name@example.com'),
  ),
  kind: z.enum(Object.keys(PERSON_KINDS) as [PersonKindKey, ...PersonKindKey[]], {
    error: 'Select what kind of person this is',
  }),
  authorityId: z.coerce.number({ error: 'Select a council' }).int().positive('Select a council'),
  jobTitle: z.preprocess(
    trimmed,
    z.string().max(150, 'Job title must be 150 characters or fewer').optional(),
  ),
  roles: z.preprocess(
    toArray,
    z
      .array(z.enum(Object.keys(GRANTABLE_ROLES) as [GrantableRole, ...GrantableRole[]]))
      .min(1, 'Select at least one role'),
  ),
});
export type InvitePersonInput = z.infer<typeof invitePersonForm>;

export const peopleQuery = z.object({
  q: z.preprocess(trimmed, z.string().max(100).optional()),
  kind: z.preprocess(
    trimmed,
    z.enum(Object.keys(PERSON_KINDS) as [PersonKindKey, ...PersonKindKey[]]).optional(),
  ),
  authority: z.preprocess(
    trimmed,
    z.coerce.number().int().positive().max(2_147_483_647).optional(),
  ),
  ward: z.preprocess(trimmed, z.coerce.number().int().positive().max(2_147_483_647).optional()),
  group: z.preprocess(trimmed, z.coerce.number().int().positive().max(2_147_483_647).optional()),
  committee: z.preprocess(
    trimmed,
    z.coerce.number().int().positive().max(2_147_483_647).optional(),
  ),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type PeopleFilter = z.infer<typeof peopleQuery>;
