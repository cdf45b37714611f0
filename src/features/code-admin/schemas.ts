import { z } from 'zod';
import { trimmed } from '../../platform/forms.js';

const MAX_ID = 2_147_483_647;

/** A database id from a path or a form: digits only, within an integer column's range. */
const id = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .refine((n) => n <= MAX_ID);

export const idParams = z.object({ id });
export const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/) });
/** An item is named in a path by its lineage, which survives renumbering and moving. */
export const itemParams = z.object({ id, lineage: z.guid() });

/** Where a new item goes: after the item with this lineage, or at the start. */
export const afterField = z.object({
  after: z.preprocess((v) => trimmed(v) ?? 'start', z.union([z.literal('start'), z.guid()])),
});

export const versionIdField = z.object({ versionId: id });

const title = z.preprocess(
  trimmed,
  z
    .string({ error: 'Enter a title for the draft' })
    .max(200, 'The title must be 200 characters or fewer'),
);

export const newDraftForm = z.object({ title });

const yesNo = (message: string) => z.preprocess(trimmed, z.enum(['yes', 'no'], { error: message }));

/** The kinds an editor offers; a sub-paragraph is a paragraph one level down. */
export const ITEM_KINDS = {
  section: 'Section heading',
  paragraph: 'Paragraph',
  'sub-paragraph': 'Sub-paragraph',
  appendix: 'Appendix heading',
} as const;
export type ItemKindChoice = keyof typeof ITEM_KINDS;

const HEADING_MAX = 200;
const TEXT_MAX = 10_000;

export const itemForm = z
  .object({
    kind: z.enum(Object.keys(ITEM_KINDS) as [ItemKindChoice, ...ItemKindChoice[]], {
      error: 'Select what kind of item it is',
    }),
    text: z.preprocess(
      trimmed,
      z
        .string({ error: 'Enter the heading or the text' })
        .max(TEXT_MAX, `The text must be ${TEXT_MAX.toLocaleString('en-GB')} characters or fewer`),
    ),
    local: z.preprocess((v) => v === 'yes', z.boolean()),
  })
  .superRefine((form, ctx) => {
    const isHeading = form.kind === 'section' || form.kind === 'appendix';
    if (isHeading && form.text.length > HEADING_MAX) {
      ctx.addIssue({
        code: 'custom',
        path: ['text'],
        message: `A heading must be ${HEADING_MAX} characters or fewer`,
      });
    }
  });
export type ItemForm = z.infer<typeof itemForm>;

/**
 * Pounds as people type them: "50", "10.00", "£25", "1,000". Anything else (a negative amount,
 * words, a third decimal place) is refused with a message saying what to type.
 */
export function parsePounds(value: string): { pence: number } | { error: string } {
  const text = value.replace(/[\s,]/g, '').replace(/^£/, '');
  if (/^-/.test(text)) return { error: 'The threshold must be £0 or more' };
  const match = /^(\d{1,6})(?:\.(\d{2}))?$/.exec(text);
  if (!match) return { error: 'Enter the threshold in pounds, like 50 or 10.00' };
  return { pence: Number(match[1]) * 100 + Number(match[2] ?? '0') };
}

export const settingsForm = z.object({
  title: z.preprocess(
    trimmed,
    z
      .string({ error: 'Enter a title for the version' })
      .max(200, 'The title must be 200 characters or fewer'),
  ),
  changeSummary: z.preprocess(
    trimmed,
    z.string().max(2000, 'The summary must be 2,000 characters or fewer').optional(),
  ),
  giftsThreshold: z
    .preprocess(trimmed, z.string({ error: 'Enter the gifts and hospitality threshold in pounds' }))
    .transform((value, ctx) => {
      const parsed = parsePounds(value);
      if ('error' in parsed) {
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      return parsed.pence;
    }),
  giftsRegistrationDays: z.preprocess(
    trimmed,
    z
      .string({ error: 'Enter the number of days a member has to register a gift' })
      .regex(/^\d{1,3}$/, 'Enter a whole number of days between 1 and 366')
      .transform(Number)
      .refine((n) => n >= 1 && n <= 366, 'Enter a whole number of days between 1 and 366'),
  ),
  registerRefusedOffers: yesNo('Select yes if refused offers must be registered'),
  trainingRequired: yesNo('Select yes if members must take the code of conduct training'),
  nonVotingCoOptedSign: yesNo('Select yes if co-opted members without a vote must sign'),
});
export type SettingsForm = z.infer<typeof settingsForm>;

const requiredText = (message: string, max: number, tooLong: string) =>
  z.preprocess(trimmed, z.string({ error: message }).max(max, tooLong));

export const commentForm = z.object({
  consultee: requiredText(
    'Enter who made the comment',
    200,
    'The name must be 200 characters or fewer',
  ),
  organisation: z.preprocess(
    trimmed,
    z.string().max(200, 'The organisation must be 200 characters or fewer').optional(),
  ),
  comment: requiredText(
    'Enter the comment',
    10_000,
    'The comment must be 10,000 characters or fewer',
  ),
});

const minute = (what: string) =>
  requiredText(
    `Enter the minute reference of the ${what}`,
    100,
    'The minute reference must be 100 characters or fewer',
  );

export const agreeForm = z.object({
  organisationId: z.preprocess(
    trimmed,
    z
      .string({ error: 'Select the committee that agreed the code' })
      .regex(/^[1-9]\d{0,9}$/, 'Select the committee that agreed the code')
      .transform(Number),
  ),
  agreedMinute: minute('committee’s decision'),
});

export const adoptForm = z.object({ adoptedMinute: minute('full Council’s decision') });

export const withdrawForm = z.object({
  reason: requiredText(
    'Enter why the version is withdrawn',
    2000,
    'The reason must be 2,000 characters or fewer',
  ),
});

export const REVIEW_OUTCOMES = {
  'no-change': 'No change: the code in force stays as it is',
  'new-draft': 'Start a new draft from the code in force',
} as const;

export const reviewForm = z.object({
  outcome: z.enum(['no-change', 'new-draft'], { error: 'Select the outcome of the review' }),
  notes: z.preprocess(
    trimmed,
    z.string().max(5000, 'The notes must be 5,000 characters or fewer').optional(),
  ),
});
