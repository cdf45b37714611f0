import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import { inviteAudience } from '../member-development/index.js';
import { lockSession } from './repository.js';

/**
 * Agreeing a political group's session date with the group's whip. Administrators propose
 * dates; the whip accepts one or proposes another; an administrator confirms. A date is agreed
 * when the whip accepted it or proposed it; nothing else is confirmed without an override
 * reason, which is kept on the session.
 */

export interface ProposedTimes {
  startsAt: Date;
  endsAt: Date;
  note: string;
}

/** Whether the group's whip has agreed a proposal: accepted it, or proposed it themselves. */
export const isAgreed = (p: { status: string; byWhip: boolean }): boolean =>
  p.status === 'accepted' || (p.byWhip && p.status === 'open');

function checkTimes(times: ProposedTimes, now: Date) {
  if (times.endsAt <= times.startsAt)
    return refuse('endTime', 'The end time must be after the start time');
  if (times.startsAt <= now) return refuse('date', 'The date must be in the future');
  return null;
}

async function lockPlanned(trx: Trx, sessionId: number) {
  const session = await lockSession(trx, sessionId);
  if (!session || session.group_id === null) return { session: null, refusal: null };
  if (session.status !== 'planned') {
    return {
      session,
      refusal: refuse(
        'date',
        'The session is no longer waiting for a date: it is ' + session.status,
      ),
    };
  }
  return { session, refusal: null };
}

async function insertProposal(
  trx: Trx,
  sessionId: number,
  times: ProposedTimes,
  byWhip: boolean,
  actor: Actor,
): Promise<number> {
  const row = await trx
    .insertInto('session_date_proposals')
    .values({
      session_id: sessionId,
      starts_at: times.startsAt,
      ends_at: times.endsAt,
      proposed_by: actor.actorPersonId,
      by_whip: byWhip,
      note: times.note,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    actorPersonId: actor.actorPersonId,
    requestId: actor.requestId,
    entity: 'session_date_proposal',
    entityId: row.id,
    action: byWhip ? 'propose-by-whip' : 'propose',
    after: {
      session_id: sessionId,
      starts_at: times.startsAt,
      ends_at: times.endsAt,
      by_whip: byWhip,
      note: times.note,
      status: 'open',
    },
  });
  return row.id;
}

/** An administrator proposes a date for a group's session. Null: no such group session. */
export async function proposeDate(
  db: Db,
  sessionId: number,
  times: ProposedTimes,
  actor: Actor,
  now = new Date(),
): Promise<Outcome<number> | null> {
  const invalid = checkTimes(times, now);
  if (invalid) return invalid;
  return db.transaction().execute(async (trx) => {
    const { session, refusal } = await lockPlanned(trx, sessionId);
    if (!session) return null;
    if (refusal) return refusal;
    return done(await insertProposal(trx, sessionId, times, false, actor));
  });
}

/**
 * The whip proposes another date, with a note. Null when the session is not a session of one
 * of the whip's groups (the caller answers 404).
 */
export async function proposeDateAsWhip(
  db: Db,
  sessionId: number,
  whipOf: readonly number[],
  times: ProposedTimes,
  actor: Actor,
  now = new Date(),
): Promise<Outcome<number> | null> {
  return db.transaction().execute(async (trx) => {
    const { session, refusal } = await lockPlanned(trx, sessionId);
    if (!session || !whipOf.includes(session.group_id!)) return null;
    if (refusal) return refusal;
    const invalid = checkTimes(times, now);
    if (invalid) return invalid;
    if (!times.note) return refuse('note', 'Enter a note for the officers about this date');
    return done(await insertProposal(trx, sessionId, times, true, actor));
  });
}

/** The whip accepts a date an administrator proposed. Null: not one of the whip's sessions. */
export async function acceptDate(
  db: Db,
  input: { sessionId: number; proposalId: number; whipOf: readonly number[]; note: string },
  actor: Actor,
): Promise<Outcome | null> {
  return db.transaction().execute(async (trx) => {
    const { session, refusal } = await lockPlanned(trx, input.sessionId);
    if (!session || !input.whipOf.includes(session.group_id!)) return null;
    const proposal = await trx
      .selectFrom('session_date_proposals')
      .select(['id', 'status', 'by_whip'])
      .where('id', '=', input.proposalId)
      .where('session_id', '=', input.sessionId)
      .executeTakeFirst();
    if (!proposal) return null;
    if (refusal) return refuse(`note-${proposal.id}`, refusal.refusal.message);
    if (proposal.by_whip || proposal.status !== 'open') {
      return refuse(`note-${proposal.id}`, 'This date is not waiting for your answer');
    }
    const after = {
      status: 'accepted' as const,
      decided_by: actor.actorPersonId,
      decided_at: new Date(),
      decision_note: input.note,
    };
    await trx
      .updateTable('session_date_proposals')
      .set(after)
      .where('id', '=', proposal.id)
      .execute();
    await recordAudit(trx, {
      actorPersonId: actor.actorPersonId,
      requestId: actor.requestId,
      entity: 'session_date_proposal',
      entityId: proposal.id,
      action: 'accept',
      before: { status: 'open' },
      after,
    });
    return done(undefined);
  });
}

/**
 * An administrator confirms the session on one of its proposed dates: agreed by the whip, or
 * with an override reason. Sets the session's time and status, closes the other open
 * proposals, and invites the session's audience, in one transaction. Null: no such session.
 */
export async function confirmSession(
  db: Db,
  input: { sessionId: number; proposalId: number; overrideReason: string | undefined },
  actor: Actor,
): Promise<Outcome<{ invited: number; overridden: boolean }> | null> {
  return db.transaction().execute(async (trx) => {
    const { session, refusal } = await lockPlanned(trx, input.sessionId);
    if (!session) return null;
    if (refusal) return refuse('proposalId', refusal.refusal.message);
    const proposal = await trx
      .selectFrom('session_date_proposals')
      .selectAll()
      .where('id', '=', input.proposalId)
      .where('session_id', '=', input.sessionId)
      .executeTakeFirst();
    if (!proposal || (proposal.status !== 'open' && proposal.status !== 'accepted')) {
      return refuse('proposalId', 'Choose one of the dates still proposed');
    }
    const agreed = isAgreed({ status: proposal.status, byWhip: proposal.by_whip });
    if (!agreed && !input.overrideReason) {
      return refuse(
        'overrideReason',
        "The group's whip has not agreed this date: give the reason for confirming it without their agreement",
      );
    }
    const now = new Date();
    const before = {
      status: session.status,
      starts_at: session.starts_at,
      ends_at: session.ends_at,
    };
    const after = {
      status: 'confirmed' as const,
      starts_at: proposal.starts_at,
      ends_at: proposal.ends_at,
      confirmed_at: now,
      confirmed_by: actor.actorPersonId,
      override_reason: agreed ? null : input.overrideReason!,
      updated_at: now,
    };
    await trx.updateTable('training_sessions').set(after).where('id', '=', session.id).execute();
    const closed = await trx
      .updateTable('session_date_proposals')
      .set({
        status: sql<
          'accepted' | 'withdrawn'
        >`case when id = ${proposal.id} then 'accepted' else 'withdrawn' end`,
        decided_by: actor.actorPersonId,
        decided_at: now,
      })
      .where('session_id', '=', session.id)
      .where('status', '=', 'open')
      .returning(['id', 'status'])
      .execute();
    for (const c of closed) {
      await recordAudit(trx, {
        actorPersonId: actor.actorPersonId,
        requestId: actor.requestId,
        entity: 'session_date_proposal',
        entityId: c.id,
        action: c.status === 'accepted' ? 'accept' : 'withdraw',
        before: { status: 'open' },
        after: { status: c.status },
      });
    }
    const invited = await inviteAudience(trx, session.id);
    await recordAudit(trx, {
      actorPersonId: actor.actorPersonId,
      requestId: actor.requestId,
      entity: 'training_session',
      entityId: session.id,
      action: agreed ? 'confirm' : 'confirm-override',
      before,
      after: { ...after, proposal_id: proposal.id, invited: invited.length },
    });
    return done({ invited: invited.length, overridden: !agreed });
  });
}

/**
 * An administrator turns down a date still open: a whip's date is declined, an officer's own
 * withdrawn, with a note the whip sees. Null: no such group session.
 */
export async function closeDate(
  db: Db,
  input: { sessionId: number; proposalId: number; note: string },
  actor: Actor,
): Promise<Outcome<'declined' | 'withdrawn'> | null> {
  return db.transaction().execute(async (trx) => {
    const { session, refusal } = await lockPlanned(trx, input.sessionId);
    if (!session) return null;
    if (refusal) return refuse('closeProposalId', refusal.refusal.message);
    const proposal = await trx
      .selectFrom('session_date_proposals')
      .select(['id', 'status', 'by_whip'])
      .where('id', '=', input.proposalId)
      .where('session_id', '=', input.sessionId)
      .executeTakeFirst();
    if (!proposal || proposal.status !== 'open') {
      return refuse('closeProposalId', 'Choose one of the dates still waiting for an answer');
    }
    const after = {
      status: proposal.by_whip ? ('declined' as const) : ('withdrawn' as const),
      decided_by: actor.actorPersonId,
      decided_at: new Date(),
      decision_note: input.note,
    };
    await trx
      .updateTable('session_date_proposals')
      .set(after)
      .where('id', '=', proposal.id)
      .execute();
    await recordAudit(trx, {
      actorPersonId: actor.actorPersonId,
      requestId: actor.requestId,
      entity: 'session_date_proposal',
      entityId: proposal.id,
      action: proposal.by_whip ? 'decline' : 'withdraw',
      before: { status: 'open' },
      after,
    });
    return done(after.status);
  });
}
