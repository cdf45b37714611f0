import type { Db } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { endAllSessions } from '../../platform/session.js';
import { issueInvitation } from '../auth/index.js';
import { emailInUse } from './repository.js';
import type { InvitePersonInput } from './schemas.js';

export interface ActionContext {
  actorPersonId: number;
  requestId: string;
  baseUrl: string;
  councilName: string;
}

export type InviteResult =
  { ok: true; personId: number } | { ok: false; field: 'email' | 'authorityId'; message: string };

/** Add a person with their roles and send them an invitation: all or nothing. */
export async function invitePerson(
  db: Db,
  input: InvitePersonInput,
  ctx: ActionContext,
): Promise<InviteResult> {
  return db.transaction().execute(async (trx) => {
    if (await emailInUse(trx, input.email)) {
      return {
        ok: false,
        field: 'email',
        message: 'Someone in Probity already has that email address',
      };
    }
    const authority = await trx
      .selectFrom('authorities')
      .select('id')
      .where('id', '=', input.authorityId)
      .executeTakeFirst();
    if (!authority) return { ok: false, field: 'authorityId', message: 'Select a council' };

    const values = {
      authority_id: input.authorityId,
      given_name: input.givenName,
      family_name: input.familyName,
      email: input.email,
      kind: input.kind,
      job_title: input.jobTitle ?? null,
    };
    const person = await trx
      .insertInto('people')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('person_roles')
      .values(input.roles.map((role) => ({ person_id: person.id, role })))
      .execute();
    await recordAudit(trx, {
      actorPersonId: ctx.actorPersonId,
      entity: 'person',
      entityId: person.id,
      action: 'created',
      after: { ...values, roles: input.roles },
      requestId: ctx.requestId,
    });
    await issueInvitation(trx, { personId: person.id, purpose: 'invite', ...ctx });
    return { ok: true, personId: person.id };
  });
}

/** Send a fresh invitation link; older links stop working. */
export async function resendInvitation(
  db: Db,
  personId: number,
  ctx: ActionContext,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await issueInvitation(trx, { personId, purpose: 'invite', ...ctx });
  });
}

/**
 * Reset a person's access: their password stops working, every session ends, and a link to
 * choose a new password goes to the outbox.
 */
export async function resetAccess(db: Db, personId: number, ctx: ActionContext): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('credentials')
      .where('person_id', '=', personId)
      .executeTakeFirst();
    const sessions = await endAllSessions(trx, personId);
    await recordAudit(trx, {
      actorPersonId: ctx.actorPersonId,
      entity: 'credentials',
      entityId: personId,
      action: 'removed',
      before: Number(removed.numDeletedRows) > 0 ? { password_hash: 'x' } : null,
      after: { sessions_ended: sessions },
      requestId: ctx.requestId,
    });
    await issueInvitation(trx, { personId, purpose: 'reset', ...ctx });
  });
}
