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
/** A body item or a recommendation is named in a path by its lineage, which survives moves. */
export const lineageParams = z.object({ id, lineage: z.guid() });

/** Where a new body item or recommendation goes: after the one with this lineage, or first. */
export const afterField = z.object({
  after: z.preprocess((v) => trimmed(v) ?? 'start', z.union([z.literal('start'), z.guid()])),
});

export const REPORT_STATUSES = ['draft', 'published', 'withdrawn'] as const;

/** The list's filters; anything unreadable is read as "any". */
export const listFilters = z.object({
  status: z.preprocess((v) => trimmed(v), z.enum(REPORT_STATUSES).optional()).catch(undefined),
  committee: z.preprocess((v) => trimmed(v), id.optional()).catch(undefined),
});

/**
 * The paragraphs of Schedule 12A to the Local Government Act 1972 under which a report may be
 * exempt, in short words of our own.
 */
export const EXEMPT_PARAGRAPHS: Record<number, string> = {
  1: 'About a particular person',
  2: 'Likely to reveal who a particular person is',
  3: 'About anyone’s financial or business affairs, the council’s included',
  4: 'About consultations or negotiations on labour relations',
  5: 'Legal advice covered by professional privilege',
  6: 'About a notice, order or direction the council means to give or make',
  7: 'About preventing, investigating or prosecuting crime',
};

export const AUTHOR_FIELDS = ['author1', 'author2', 'author3', 'author4'] as const;

const optionalText = (max: number, label: string) =>
  z.preprocess(
    trimmed,
    z
      .string()
      .max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`)
      .optional(),
  );

const yesNo = (message: string) =>
  z.preprocess(trimmed, z.enum(['yes', 'no'], { error: message })).transform((v) => v === 'yes');

const optionalId = z.preprocess((v) => trimmed(v), id.optional());

/**
 * The report's fields as typed. The date is read separately (a GOV.UK date input); whether the
 * committee and the portfolio member are among the choices is checked by the service.
 */
export const reportForm = z.object({
  title: z.preprocess(
    trimmed,
    z
      .string({ error: 'Enter the subject of the report' })
      .max(300, 'The subject must be 300 characters or fewer'),
  ),
  committeeId: z.preprocess(
    trimmed,
    z
      .string({ error: 'Select the committee the report goes to' })
      .transform((v) => (/^[1-9]\d{0,9}$/.test(v) && Number(v) <= MAX_ID ? Number(v) : -1)),
  ),
  reportOf: optionalText(200, 'Report of'),
  author1: optionalText(200, 'The first author’s name'),
  author2: optionalText(200, 'The second author’s name'),
  author3: optionalText(200, 'The third author’s name'),
  author4: optionalText(200, 'The fourth author’s name'),
  summary: optionalText(5000, 'The summary'),
  backgroundPapers: optionalText(5000, 'Background papers'),
  category: z.preprocess(
    trimmed,
    z.enum(['open', 'exempt'], { error: 'Select whether the report is open or exempt' }),
  ),
  exemptParagraph: z.preprocess(
    trimmed,
    z.enum(['1', '2', '3', '4', '5', '6', '7']).transform(Number).optional().catch(undefined),
  ),
  portfolioMemberId: optionalId.catch(-1),
  portfolioTitle: optionalText(200, 'The portfolio title'),
  reservedForCouncil: yesNo('Select yes if the matter is reserved for full Council'),
  pressRelease: yesNo('Select yes if there will be a press release'),
  areasAffected: optionalText(500, 'Areas affected'),
});
export type ReportForm = z.infer<typeof reportForm>;

/**
 * An exempt report's missing paragraph, checked apart from the schema so that it shows with the
 * other problems rather than only once they are fixed.
 */
export function exemptParagraphProblem(body: Record<string, unknown>): string | null {
  const category = trimmed(body.category);
  const paragraph = trimmed(body.exemptParagraph);
  if (category !== 'exempt') return null;
  return typeof paragraph === 'string' && /^[1-7]$/.test(paragraph)
    ? null
    : 'Select the paragraph of Schedule 12A that makes the report exempt';
}

/** The form's fields in page order, for the error summary. */
export const REPORT_FIELD_ORDER = [
  'title',
  'committeeId',
  'reportOf',
  'reportDate',
  ...AUTHOR_FIELDS,
  'summary',
  'backgroundPapers',
  'category',
  'exemptParagraph',
  'portfolioMemberId',
  'portfolioTitle',
  'reservedForCouncil',
  'pressRelease',
  'areasAffected',
];

/** The kinds of body item; numbers follow from kind and order. */
export const ITEM_KINDS = {
  section: 'Section heading',
  paragraph: 'Paragraph',
  'sub-paragraph': 'Sub-paragraph',
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
  })
  .superRefine((form, ctx) => {
    if (form.kind === 'section' && form.text.length > HEADING_MAX) {
      ctx.addIssue({
        code: 'custom',
        path: ['text'],
        message: `A heading must be ${HEADING_MAX} characters or fewer`,
      });
    }
  });
export type ItemForm = z.infer<typeof itemForm>;

export const recommendationForm = z.object({
  text: z.preprocess(
    trimmed,
    z
      .string({ error: 'Enter what the committee is asked to do' })
      .max(2000, 'A recommendation must be 2,000 characters or fewer'),
  ),
  codeVersionId: optionalId.catch(-1),
  programmeId: optionalId.catch(-1),
});
export type RecommendationForm = z.infer<typeof recommendationForm>;
