import { z } from 'zod';
import { trimmed } from '../../platform/forms.js';

export const CLASSIFICATIONS = {
  council: 'The full council',
  'political-group': 'Political group',
  committee: 'Committee',
  'sub-committee': 'Sub-committee',
  'outside-body': 'Outside body',
} as const;
export type Classification = keyof typeof CLASSIFICATIONS;

/** The committee types offered when adding or editing a committee, stored as these slugs. */
export const COMMITTEE_TYPES = {
  'audit-and-standards': 'Audit and standards',
  planning: 'Planning',
  licensing: 'Licensing',
  scrutiny: 'Scrutiny',
  'full-council': 'Full council',
  other: 'Other',
} as const;

/** A committee type as a person reads it, including ones stored before this list existed. */
export function committeeTypeLabel(type: string | null): string {
  if (!type) return 'Not set';
  const known = COMMITTEE_TYPES[type as keyof typeof COMMITTEE_TYPES];
  if (known) return known;
  const words = type.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const hasCommitteeFields = (classification: string): boolean =>
  classification === 'committee' || classification === 'sub-committee';

const MAX_ID = 2_147_483_647;

/** A database id from a path or query string: digits only, within an integer column's range. */
const id = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .refine((n) => n <= MAX_ID);

export const idParams = z.object({ id });

/** `?authority=<id>`; an empty value means "the first principal council". */
export const authorityQuery = z.object({ authority: z.preprocess(trimmed, id.optional()) });

/** The hidden field that says which council a new organisation belongs to. */
export const authorityField = z.object({ authorityId: id });

const yesNo = (message: string) =>
  z.preprocess(trimmed, z.enum(['yes', 'no'], { error: message }).optional());

/** A slug such as `audit-and-standards`; whether it is allowed is the service's business. */
const committeeType = z.preprocess(
  trimmed,
  z
    .string()
    .regex(/^[a-z][a-z-]{0,39}$/, 'Select a committee type from the list')
    .optional(),
);

const organisationName = z.preprocess(
  trimmed,
  z
    .string({ error: 'Enter the name of the organisation' })
    .max(150, 'The name must be 150 characters or fewer'),
);

export const newOrganisationForm = z.object({
  name: organisationName,
  classification: z.enum(Object.keys(CLASSIFICATIONS) as [Classification, ...Classification[]], {
    error: 'Select what kind of organisation it is',
  }),
  committeeType,
  trainingRequired: yesNo('Select yes if members need training before they sit on it'),
  parentId: z.preprocess(trimmed, id.optional()),
});
export type NewOrganisationForm = z.infer<typeof newOrganisationForm>;

export const editOrganisationForm = z.object({
  name: organisationName,
  committeeType,
  trainingRequired: yesNo('Select yes if members need training before they sit on it'),
});
export type EditOrganisationForm = z.infer<typeof editOrganisationForm>;

/** An ONS GSS code for a ward: one letter then eight digits, such as E05012345. */
export const GSS_CODE_PATTERN = /^[A-Z]\d{8}$/;

const wardName = z.preprocess(
  trimmed,
  z
    .string({ error: 'Enter the name of the ward' })
    .max(100, 'The name must be 100 characters or fewer'),
);
const gssCode = z.preprocess((value) => {
  const text = trimmed(value);
  return typeof text === 'string' ? text.toUpperCase() : text;
}, z.string().regex(GSS_CODE_PATTERN, 'Enter a GSS code in the correct format, like E05012345').optional());

export const newWardForm = z.object({
  authorityId: z.preprocess(
    trimmed,
    z
      .string({ error: 'Select a council' })
      .regex(/^[1-9]\d{0,9}$/, 'Select a council')
      .transform(Number),
  ),
  name: wardName,
  gssCode,
  seats: z.preprocess(
    trimmed,
    z.enum(['1', '2', '3'], { error: 'Select how many councillors the ward elects' }),
  ),
});

export const editWardForm = z.object({ name: wardName, gssCode });
export type EditWardForm = z.infer<typeof editWardForm>;
