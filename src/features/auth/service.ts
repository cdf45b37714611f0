import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/passwords.js';
import {
  createSession,
  endAllSessions,
  endSession,
  type SessionSettings,
} from '../../platform/session.js';
import {
  THROTTLE,
  clearFailures,
  delayFor,
  lockedUntil,
  recordFailure,
  throttleKeys,
} from './throttle.js';
import { findUsableInvitation } from './invitations.js';

export type SignInResult =
  { ok: true; token: string; personId: number } | { ok: false; reason: 'wrong-details' | 'locked' };

/**
 * Check an email and password. The answer (and roughly the time it takes) is the same
 * whether or not the account exists. A new session replaces the one the browser had.
 */
export async function signIn(
  db: Db,
  input: { email: string; password: string; address: string; previousSessionHash: string | null },
  settings: SessionSettings,
  requestId: string,
): Promise<SignInResult> {
  const keys = throttleKeys(input.email, input.address);
  if (await lockedUntil(db, [keys.account, keys.address])) return { ok: false, reason: 'locked' };

  const account = await db
    .selectFrom('people as p')
    .innerJoin('credentials as c', 'c.person_id', 'p.id')
    .select(['p.id', 'c.password_hash'])
    .where((eb) => eb(eb.fn('lower', ['p.email']), '=', input.email.toLowerCase()))
    .executeTakeFirst();
  const valid = await verifyPassword(
    account?.password_hash ?? (await dummyPasswordHash()),
    input.password,
  );

  if (!account || !valid) {
    const accountFailures = await recordFailure(db, keys.account, THROTTLE.accountLimit);
    const addressFailures = await recordFailure(db, keys.address, THROTTLE.addressLimit);
    await sleep(delayFor(Math.max(accountFailures, addressFailures)));
    const lockedNow = await lockedUntil(db, [keys.account, keys.address]);
    return { ok: false, reason: lockedNow ? 'locked' : 'wrong-details' };
  }

  return db.transaction().execute(async (trx) => {
    await clearFailures(trx, keys.account);
    if (input.previousSessionHash) await endSession(trx, input.previousSessionHash);
    const token = await createSession(trx, account.id, settings);
    await recordAudit(trx, {
      actorPersonId: account.id,
      entity: 'person',
      entityId: account.id,
      action: 'signed-in',
      requestId,
    });
    return { ok: true as const, token, personId: account.id };
  });
}

export async function signOut(db: Db, sessionHash: string): Promise<void> {
  await endSession(db, sessionHash);
}

export async function signOutEverywhere(
  db: Db,
  personId: number,
  requestId: string,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ended = await endAllSessions(trx, personId);
    await recordAudit(trx, {
      actorPersonId: personId,
      entity: 'person',
      entityId: personId,
      action: 'signed-out-everywhere',
      after: { sessions_ended: ended },
      requestId,
    });
    return ended;
  });
}

/**
 * Use a one-time link to set a password. The link, the password, ending old sessions and the
 * audit record are one transaction: a link can never be used twice, even by two clicks at once.
 */
export async function setPasswordWithInvitation(
  db: Db,
  token: string,
  password: string,
  requestId: string,
): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const invitation = await findUsableInvitation(trx, token);
    if (!invitation) return false;
    const claimed = await trx
      .updateTable('invitations')
      .set({ used_at: new Date() })
      .where('id', '=', invitation.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return false;
    const had = await trx
      .selectFrom('credentials')
      .select('password_set_at')
      .where('person_id', '=', invitation.personId)
      .executeTakeFirst();
    await trx
      .insertInto('credentials')
      .values({
        person_id: invitation.personId,
        password_hash: passwordHash,
        password_set_at: new Date(),
      })
      .onConflict((oc) =>
        oc
          .column('person_id')
          .doUpdateSet({ password_hash: passwordHash, password_set_at: new Date() }),
      )
      .execute();
    await endAllSessions(trx, invitation.personId);
    await recordAudit(trx, {
      actorPersonId: invitation.personId,
      entity: 'credentials',
      entityId: invitation.personId,
      action: had ? 'password-changed' : 'password-set',
      before: had ? { password_hash: 'x' } : null,
      after: { password_hash: 'y' },
      requestId,
    });
    return true;
  });
}
