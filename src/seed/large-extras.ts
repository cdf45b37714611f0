import { sql } from 'kysely';
import type { Db, Trx } from '../db/database.js';
import { hashPassword } from '../platform/passwords.js';
import { DEMO_PASSWORD } from './demo.js';
import { writeLargeLearningExtras } from './large-extras-learning.js';
import { writeLargePeopleExtras } from './large-extras-people.js';
import { writeLargeReportsExtras } from './large-extras-reports.js';
import { writeLargeTrainingExtras } from './large-extras-training.js';
import { topUpLargeCouncil } from './top-up.js';

/**
 * The rest of the large council: the records the benchmark needs to load every page built so
 * far (a published report and its meeting's minutes, an import, a liaison meeting, date
 * proposals and so on), and a sign-in for the Deputy Monitoring Officer, who clears reports.
 */

/** The officer the benchmark signs in as for an officer's own pages (clearances). */
export async function largeOfficer(
  db: Db | Trx,
  principalId: number,
): Promise<{ id: number; email: string }> {
  const officer = await db
    .selectFrom('people')
    .select(['id', 'email'])
    .where('authority_id', '=', principalId)
    .where(sql<boolean>`'deputy-monitoring-officer' = any(statutory_roles)`)
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  if (!officer.email) throw new Error('The Deputy Monitoring Officer has no email address');
  return { id: officer.id, email: officer.email };
}

/** The audit action that shows the council has them (see topUpLargeCouncil). */
export const EXTRAS_ACTION = 'extras-added';

export async function writeLargeExtras(
  trx: Trx,
  principalId: number,
): Promise<Record<string, number>> {
  const officer = await largeOfficer(trx, principalId);
  await trx
    .insertInto('credentials')
    .values({ person_id: officer.id, password_hash: await hashPassword(DEMO_PASSWORD) })
    .onConflict((oc) => oc.column('person_id').doNothing())
    .execute();
  return {
    ...(await writeLargePeopleExtras(trx, principalId)),
    ...(await writeLargeReportsExtras(trx, principalId)),
    ...(await writeLargeTrainingExtras(trx, principalId)),
    ...(await writeLargeLearningExtras(trx, principalId)),
  };
}

/** Adds them to a large dataset generated without them, once: safe to call on every run. */
export async function ensureLargeExtras(
  db: Db,
  slug: string,
): Promise<{ added: false } | ({ added: true } & Record<string, number>)> {
  return topUpLargeCouncil(db, slug, {
    table: null,
    action: EXTRAS_ACTION,
    write: writeLargeExtras,
  });
}
