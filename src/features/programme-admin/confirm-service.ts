import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import { audienceOfSession, audienceSql, inviteAudience } from '../member-development/index.js';
import { findCourse, lockSession } from './repository.js';

/**
 * Confirming a session that is not a political group's (all members, a committee, officers,
 * parish councillors): its date is the administrators' to set, so there is no whip to agree
 * it with. Confirming invites the session's audience in the same transaction; the invitations'
 * dispatcher then sends each of them an email with a calendar file.
 */

/** Why a session cannot be confirmed now, or null when it can. */
export function confirmRefusal(
  session: {
    status: string;
    group_id: number | null;
    starts_at: Date | null;
    ends_at: Date | null;
  },
  now: Date,
  editHref: string,
) {
  if (session.status === 'confirmed') return refuse('confirm', 'This session is already confirmed');
  if (session.status !== 'planned')
    return refuse('confirm', `This session is ${session.status}, so it cannot be confirmed`);
  if (!session.starts_at || !session.ends_at)
    return refuse('confirm', 'Add the date and times of the session before confirming it', {
      href: editHref,
      text: 'Change the session',
    });
  if (session.starts_at <= now)
    return refuse(
      'confirm',
      'The session’s date has passed: change it to a date still to come before confirming it',
      { href: editHref, text: 'Change the session' },
    );
  return null;
}

/** How many people the session is for, as its audience stands on its day. */
export async function countAudience(db: DbOrTrx, sessionId: number): Promise<number> {
  const audience = await audienceOfSession(db, sessionId);
  if (!audience) return 0;
  const { rows } = await sql<{ n: string }>`
    select count(distinct a.person_id) as n from (${audienceSql(audience)}) a`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Confirm a planned session that is not a group's, on the date it has, and invite its
 * audience. Null: no such session, or it is a group's (its date is agreed with the whip).
 */
export async function confirmSessionAsPlanned(
  db: Db,
  sessionId: number,
  editHref: string,
  actor: Actor,
  now = new Date(),
): Promise<Outcome<{ invited: number }> | null> {
  return db.transaction().execute(async (trx) => {
    const session = await lockSession(trx, sessionId);
    if (!session || session.group_id !== null) return null;
    const course = await findCourse(trx, session.course_id);
    if (!course || course.audience === 'political-group') return null;
    const refusal = confirmRefusal(session, now, editHref);
    if (refusal) return refusal;
    if (course.programme_status === 'closed')
      return refuse('confirm', 'The programme is closed, so its sessions cannot be confirmed');
    const after = {
      status: 'confirmed' as const,
      confirmed_at: now,
      confirmed_by: actor.actorPersonId,
      updated_at: now,
    };
    await trx.updateTable('training_sessions').set(after).where('id', '=', session.id).execute();
    const invited = await inviteAudience(trx, session.id);
    await recordAudit(trx, {
      ...actor,
      entity: 'training-session',
      entityId: session.id,
      action: 'confirmed',
      before: { status: session.status },
      after: {
        ...after,
        starts_at: session.starts_at,
        ends_at: session.ends_at,
        invited: invited.length,
      },
    });
    return done({ invited: invited.length });
  });
}
