import type { Db } from '../../db/database.js';
import {
  bringIntoForce,
  nextVersionNumber,
  numberItems,
  replaceItems,
  type ItemDraft,
} from '../code-of-conduct/index.js';

const ITEMS: ItemDraft[] = [
  { kind: 'section', depth: 0, heading: 'Courtesy', body: null, origin: 'model' },
  {
    kind: 'paragraph',
    depth: 1,
    heading: null,
    body: 'Be polite to the people you deal with as a member.',
    origin: 'model',
  },
  {
    kind: 'paragraph',
    depth: 1,
    heading: null,
    body: 'Tell the Monitoring Officer about gifts worth ten pounds or more.',
    origin: 'local',
  },
];

export const BASE_URL = 'http://probity.test';

/**
 * For tests: adopt a short code for a council and bring it into force through the core
 * module, as the scheduler would (superseding the version before it and queueing reminders).
 * Returns the new version's id and number.
 */
export async function codeInForce(
  db: Db,
  authoritySlug: string,
  options: { inForceFrom?: string; nonVotingCoOptedSign?: boolean; title?: string } = {},
): Promise<{ id: number; number: number }> {
  const inForceFrom = options.inForceFrom ?? '2026-01-05';
  return db.transaction().execute(async (trx) => {
    const authority = await trx
      .selectFrom('authorities')
      .select('id')
      .where('slug', '=', authoritySlug)
      .executeTakeFirstOrThrow();
    const number = await nextVersionNumber(trx, authority.id);
    const version = await trx
      .insertInto('code_versions')
      .values({
        authority_id: authority.id,
        number,
        title: options.title ?? `Members’ Code of Conduct ${number}`,
        status: 'adopted',
        adopted_on: inForceFrom,
        adopted_minute: `Council minute ${number}`,
        in_force_from: inForceFrom,
        non_voting_co_opted_sign: options.nonVotingCoOptedSign ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const numbered = numberItems(ITEMS);
    if (!numbered.ok) throw new Error('The test code does not number');
    await replaceItems(trx, version.id, numbered.items);
    const brought = await bringIntoForce(
      trx,
      version.id,
      inForceFrom,
      { actorPersonId: null },
      BASE_URL,
    );
    if (!brought) throw new Error('The test code did not come into force');
    return { id: version.id, number };
  });
}

/** A demo person's id by their email address. */
export async function personByEmail(db: Db, email: string): Promise<number> {
  const row = await db
    .selectFrom('people')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}

export { dataChanged } from '../../testing/data.js';
