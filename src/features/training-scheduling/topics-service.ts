import type { Db } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import { findProgrammeInForce, listGroupsOf } from './topics-repository.js';

/**
 * Groups shape the programme: a whip or member of a political group proposes a topic with a
 * reason for the programme in force; administrators accept it (optionally adding it as a new
 * course), merge it into an existing course, or decline it, always with a reply the group sees.
 */
export async function proposeTopic(
  db: Db,
  input: { authorityId: number; personId: number; groupId: number; topic: string; reason: string },
  actor: Actor,
): Promise<Outcome<number>> {
  return db.transaction().execute(async (trx) => {
    const groups = await listGroupsOf(trx, input.personId);
    if (!groups.some((g) => g.id === input.groupId)) {
      return refuse('groupId', 'Choose one of your groups');
    }
    const programme = await findProgrammeInForce(trx, input.authorityId);
    if (!programme) return refuse('topic', 'There is no programme taking proposals at the moment');
    const values = {
      programme_id: programme.id,
      group_id: input.groupId,
      proposed_by: input.personId,
      topic: input.topic,
      reason: input.reason,
    };
    const row = await trx
      .insertInto('topic_proposals')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorPersonId: actor.actorPersonId,
      requestId: actor.requestId,
      entity: 'topic_proposal',
      entityId: row.id,
      action: 'propose',
      after: { ...values, status: 'open' },
    });
    return done(row.id);
  });
}

export type TopicDecision =
  | { decision: 'accept'; newCourse: boolean; reply: string }
  | { decision: 'merge'; courseId: number; reply: string }
  | { decision: 'decline'; reply: string };

/** An administrator's decision on an open proposal. Null: no such proposal in that programme. */
export async function decideTopic(
  db: Db,
  input: { programmeId: number; proposalId: number } & TopicDecision,
  actor: Actor,
): Promise<Outcome<{
  status: 'accepted' | 'merged' | 'declined';
  courseId: number | null;
}> | null> {
  return db.transaction().execute(async (trx) => {
    const proposal = await trx
      .selectFrom('topic_proposals')
      .selectAll()
      .where('id', '=', input.proposalId)
      .where('programme_id', '=', input.programmeId)
      .forUpdate()
      .executeTakeFirst();
    if (!proposal) return null;
    if (proposal.status !== 'open')
      return refuse('decision', 'This proposal has already been answered');
    let courseId: number | null = null;
    if (input.decision === 'merge') {
      const course = await trx
        .selectFrom('courses')
        .select('id')
        .where('id', '=', input.courseId)
        .where('programme_id', '=', input.programmeId)
        .executeTakeFirst();
      if (!course) return refuse('courseId', 'Choose a course of this programme');
      courseId = course.id;
    }
    if (input.decision === 'accept' && input.newCourse) {
      const { next } = await trx
        .selectFrom('courses')
        .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(0)).as('next'))
        .where('programme_id', '=', input.programmeId)
        .executeTakeFirstOrThrow();
      const course = {
        programme_id: input.programmeId,
        position: Number(next) + 1,
        title: proposal.topic,
        purposes: proposal.reason,
        format: 'workshop' as const,
        duration_minutes: 90,
        audience: 'all-members' as const,
      };
      const row = await trx
        .insertInto('courses')
        .values(course)
        .returning('id')
        .executeTakeFirstOrThrow();
      courseId = row.id;
      await recordAudit(trx, {
        actorPersonId: actor.actorPersonId,
        requestId: actor.requestId,
        entity: 'course',
        entityId: row.id,
        action: 'create-from-topic',
        after: { ...course, topic_proposal_id: proposal.id },
      });
    }
    const status = ({ accept: 'accepted', merge: 'merged', decline: 'declined' } as const)[
      input.decision
    ];
    const after = {
      status,
      reply: input.reply,
      course_id: courseId,
      decided_by: actor.actorPersonId,
      decided_at: new Date(),
    };
    await trx.updateTable('topic_proposals').set(after).where('id', '=', proposal.id).execute();
    await recordAudit(trx, {
      actorPersonId: actor.actorPersonId,
      requestId: actor.requestId,
      entity: 'topic_proposal',
      entityId: proposal.id,
      action: input.decision,
      before: { status: 'open', reply: '', course_id: null },
      after,
    });
    return done({ status, courseId });
  });
}
