import { createHash, randomBytes } from 'node:crypto';
import type { Db, DbOrTrx } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import type { Actor } from '../../platform/outcome.js';

/** Only a SHA-256 of a feed's token is kept: a copy of the database gives no working address. */
export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

/** A person's calendar feed, if they have one (when it was made; never its token). */
export function findFeed(db: DbOrTrx, personId: number) {
  return db
    .selectFrom('calendar_feeds')
    .select(['person_id', 'token_hash', 'created_at'])
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/** Whose feed a token opens, or nothing for an unknown or revoked token. */
export async function personOfToken(db: DbOrTrx, token: string): Promise<number | null> {
  const row = await db
    .selectFrom('calendar_feeds')
    .select('person_id')
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  return row?.person_id ?? null;
}

/**
 * Make a new secret address for a person's feed, replacing any they had (the old address
 * stops working at once). Returns the token, which is not kept: it is shown to them once.
 */
export async function createFeed(db: Db, actor: Actor): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('calendar_feeds')
      .select(['created_at'])
      .where('person_id', '=', actor.actorPersonId)
      .forUpdate()
      .executeTakeFirst();
    const row = await trx
      .insertInto('calendar_feeds')
      .values({ person_id: actor.actorPersonId, token_hash: hashToken(token) })
      .onConflict((oc) =>
        oc
          .column('person_id')
          .doUpdateSet({ token_hash: hashToken(token), created_at: new Date() }),
      )
      .returning(['created_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorPersonId: actor.actorPersonId,
      entity: 'calendar_feed',
      entityId: actor.actorPersonId,
      action: before ? 'replace' : 'create',
      before: before ? { created_at: before.created_at, token_hash: 'old' } : null,
      after: { created_at: row.created_at, token_hash: 'new' },
      requestId: actor.requestId,
    });
  });
  return token;
}

/** Turn a person's feed off: its address answers "not found" from now on. */
export async function revokeFeed(db: Db, actor: Actor): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom('calendar_feeds')
      .where('person_id', '=', actor.actorPersonId)
      .returning(['created_at'])
      .executeTakeFirst();
    if (!gone) return false;
    await recordAudit(trx, {
      actorPersonId: actor.actorPersonId,
      entity: 'calendar_feed',
      entityId: actor.actorPersonId,
      action: 'revoke',
      before: { created_at: gone.created_at },
      after: null,
      requestId: actor.requestId,
    });
    return true;
  });
}
