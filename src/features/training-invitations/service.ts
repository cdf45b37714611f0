import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import type { ReplyForm } from './schemas.js';

/**
 * A person's reply to their invitation: attending, not attending (with a reason) or tentative.
 * Only while the session is confirmed and has not started; every reply is audited with what it
 * replaced. Returns null when the person is not invited to that session.
 */
export async function replyToInvitation(
  db: Db,
  sessionId: number,
  form: ReplyForm,
  actor: Actor,
  now: Date = new Date(),
): Promise<Outcome | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('session_invitations as i')
      .innerJoin('training_sessions as s', 's.id', 'i.session_id')
      .select(['i.response', 'i.response_reason', 's.status', 's.starts_at'])
      .where('i.session_id', '=', sessionId)
      .where('i.person_id', '=', actor.actorPersonId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return null;
    if (row.status !== 'confirmed' || !row.starts_at) {
      return refuse(
        'response',
        row.status === 'cancelled'
          ? 'This session has been cancelled, so there is nothing to reply to'
          : 'This session is not confirmed, so it cannot take replies',
      );
    }
    if (row.starts_at <= now) {
      return refuse('response', 'This session has already started, so replies are closed');
    }
    const reason = form.reason ?? '';
    await trx
      .updateTable('session_invitations')
      .set({ response: form.response, response_reason: reason, responded_at: sql`now()` })
      .where('session_id', '=', sessionId)
      .where('person_id', '=', actor.actorPersonId)
      .execute();
    await recordAudit(trx, {
      actorPersonId: actor.actorPersonId,
      entity: 'session_invitation',
      entityId: `${sessionId}:${actor.actorPersonId}`,
      action: 'reply',
      before: { response: row.response, response_reason: row.response_reason },
      after: { response: form.response, response_reason: reason },
      requestId: actor.requestId,
    });
    return done(undefined);
  });
}
