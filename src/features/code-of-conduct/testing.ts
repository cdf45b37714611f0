import type { Db } from '../../db/database.js';
import type { CodeVersionStatus } from '../../db/schema.js';
import { numberItems, type ItemDraft } from './numbering.js';
import { nextVersionNumber, replaceItems } from './repository.js';

/**
 * Helpers for tests of the code of conduct: make versions with their items straight in the
 * database, in any status, without going through the workflow.
 */

export const section = (heading: string, origin: 'model' | 'local' = 'model'): ItemDraft => ({
  kind: 'section',
  depth: 0,
  heading,
  body: null,
  origin,
});
export const appendix = (heading: string): ItemDraft => ({
  kind: 'appendix',
  depth: 0,
  heading,
  body: null,
  origin: 'model',
});
export const paragraph = (
  body: string,
  options: { depth?: 1 | 2; local?: boolean } = {},
): ItemDraft => ({
  kind: 'paragraph',
  depth: options.depth ?? 1,
  heading: null,
  body,
  origin: options.local ? 'local' : 'model',
});

/**
 * A short code in the shape of an adopted one (text in our own words): sections, paragraphs,
 * a sub-paragraph, two local additions and an appendix. Numbers: 1, 1.1, 1.2, 2, 2.1, 2.1(a),
 * 2.1(b) (local), 2.2 (local), A, A.1.
 */
export function sampleItems(prefix = ''): ItemDraft[] {
  return [
    section(`${prefix}Respect`),
    paragraph(`${prefix}Treat other members, officers and the public with courtesy.`),
    paragraph(`${prefix}You may challenge ideas robustly without attacking the person.`),
    section(`${prefix}Gifts and hospitality`),
    paragraph(`${prefix}Register any gift or hospitality at or above the threshold:`),
    paragraph(`${prefix}offered because you are a member`, { depth: 2 }),
    paragraph(`${prefix}including offers you turned down`, { depth: 2, local: true }),
    paragraph(`${prefix}Tell the Monitoring Officer about any gift from a contractor.`, {
      local: true,
    }),
    appendix(`${prefix}The seven principles`),
    paragraph(`${prefix}Selflessness: act only in the public interest.`),
  ];
}

export interface CodeVersionOptions {
  authorityId: number;
  status: CodeVersionStatus;
  items?: ItemDraft[];
  number?: number;
  title?: string;
  adoptedOn?: string;
  adoptedMinute?: string | null;
  inForceFrom?: string;
  supersededOn?: string;
  giftsThresholdPence?: number;
  giftsRegistrationDays?: number;
  registerRefusedOffers?: boolean;
  trainingRequired?: boolean;
}

const PUBLISHED: readonly CodeVersionStatus[] = ['adopted', 'in-force', 'superseded'];

/**
 * A version in the given status with its items numbered. Published statuses get adoption and
 * in-force dates (given, or in 2021); a superseded one a superseded date. Returns its id and
 * number. Call `dataChanged` afterwards if the test then reads cached public pages.
 */
export async function createCodeVersion(
  db: Db,
  options: CodeVersionOptions,
): Promise<{ id: number; number: number }> {
  const numbered = numberItems(options.items ?? sampleItems());
  if (!numbered.ok)
    throw new Error(`Items cannot be numbered: ${JSON.stringify(numbered.problems)}`);
  const published = PUBLISHED.includes(options.status);
  return db.transaction().execute(async (trx) => {
    const number = options.number ?? (await nextVersionNumber(trx, options.authorityId));
    const row = await trx
      .insertInto('code_versions')
      .values({
        authority_id: options.authorityId,
        number,
        title: options.title ?? `Members' Code of Conduct ${number}`,
        status: options.status,
        adopted_on: options.adoptedOn ?? (published ? '2021-04-20' : null),
        adopted_minute:
          options.adoptedMinute === undefined
            ? published
              ? 'FC 45/21'
              : null
            : options.adoptedMinute,
        in_force_from: options.inForceFrom ?? (published ? '2021-05-01' : null),
        superseded_on:
          options.supersededOn ?? (options.status === 'superseded' ? '2022-05-01' : null),
        ...(options.giftsThresholdPence !== undefined
          ? { gifts_threshold_pence: options.giftsThresholdPence }
          : {}),
        ...(options.giftsRegistrationDays !== undefined
          ? { gifts_registration_days: options.giftsRegistrationDays }
          : {}),
        ...(options.registerRefusedOffers !== undefined
          ? { register_refused_offers: options.registerRefusedOffers }
          : {}),
        ...(options.trainingRequired !== undefined
          ? { training_required: options.trainingRequired }
          : {}),
      })
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow();
    await replaceItems(trx, row.id, numbered.items);
    return row;
  });
}

/** The id of the authority with this slug ('demo-city', 'marstow', ...). */
export async function authorityIdOf(db: Db, slug: string): Promise<number> {
  const row = await db
    .selectFrom('authorities')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A council of its own for a test: a principal council, or a parish within `parentId`. */
export async function createAuthority(
  db: Db,
  slug: string,
  options: { name?: string; parentId?: number } = {},
): Promise<number> {
  const row = await db
    .insertInto('authorities')
    .values({
      slug,
      name: options.name ?? `${slug} Council`,
      kind: options.parentId === undefined ? 'principal' : 'parish',
      parent_id: options.parentId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export { dataChanged } from '../../testing/data.js';
