import type { Db, Trx } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { lockCurrentGroupMembership, today } from './membership-repository.js';
import { refuse, type Actor, type Outcome } from '../../platform/outcome.js';
export type { Actor, Outcome, Refusal } from '../../platform/outcome.js';

export const dayBefore = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

export interface NewMembership {
  organisationId: number;
  role: 'member' | 'chair' | 'vice-chair' | 'substitute' | 'leader' | 'whip';
  startDate: string;
  termEndsOn?: string | undefined;
  postId?: number | undefined;
  voting: boolean;
}

async function personAuthority(trx: Trx, personId: number) {
  return trx
    .selectFrom('people')
    .select(['id', 'authority_id', 'kind'])
    .where('id', '=', personId)
    .forUpdate()
    .executeTakeFirst();
}

/** Make a person a member of a council, group, committee or outside body of their authority. */
export async function addMembership(
  db: Db,
  personId: number,
  input: NewMembership,
  actor: Actor,
): Promise<Outcome<number>> {
  return db.transaction().execute(async (trx) => {
    const person = await personAuthority(trx, personId);
    if (!person) return refuse('organisationId', 'That person no longer exists');
    const organisation = await trx
      .selectFrom('organisations')
      .select(['id', 'classification', 'name'])
      .where('id', '=', input.organisationId)
      .where('authority_id', '=', person.authority_id)
      .executeTakeFirst();
    if (!organisation) return refuse('organisationId', 'Select a council, group or committee');
    if (input.termEndsOn && input.termEndsOn < input.startDate) {
      return refuse('termEndsOn', 'The end of the term must be after the start date');
    }
    if (organisation.classification === 'council') {
      if (!input.postId) return refuse('postId', 'Select the seat they hold');
      const seat = await trx
        .selectFrom('posts')
        .select('id')
        .where('id', '=', input.postId)
        .where('organisation_id', '=', organisation.id)
        .executeTakeFirst();
      if (!seat) return refuse('postId', 'Select a seat on this council');
      const taken = await trx
        .selectFrom('memberships')
        .select('id')
        .where('post_id', '=', input.postId)
        .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', input.startDate)]))
        .executeTakeFirst();
      if (taken)
        return refuse('postId', 'Someone holds that seat on that date: end their term first');
    } else if (input.postId) {
      return refuse('postId', 'Only a seat on the council itself can be chosen');
    }
    if (organisation.classification === 'political-group') {
      const current = await lockCurrentGroupMembership(trx, personId);
      if (current) {
        return refuse(
          'organisationId',
          `They are a member of ${current.name}: use "Move to another group" instead`,
        );
      }
    }
    const values = {
      person_id: personId,
      organisation_id: organisation.id,
      post_id: input.postId ?? null,
      role: input.role,
      voting: input.voting,
      start_date: input.startDate,
      term_ends_on: input.termEndsOn ?? null,
    };
    const row = await trx
      .insertInto('memberships')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      ...auditActor(actor),
      entity: 'membership',
      entityId: row.id,
      action: 'created',
      after: { ...values, organisation: organisation.name },
    });
    return { ok: true, value: row.id };
  });
}

function auditActor(actor: Actor) {
  return { actorPersonId: actor.actorPersonId, requestId: actor.requestId };
}

/** End a membership on a date, with a reason. The record stays: history is never deleted. */
export async function endMembership(
  db: Db,
  personId: number,
  membershipId: number,
  input: { endDate: string; reason: string },
  actor: Actor,
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const membership = await trx
      .selectFrom('memberships')
      .selectAll()
      .where('id', '=', membershipId)
      .where('person_id', '=', personId)
      .forUpdate()
      .executeTakeFirst();
    if (!membership) return refuse('endDate', 'That membership no longer exists');
    if (membership.end_date !== null && membership.end_date < today()) {
      return refuse('endDate', 'That membership has already ended');
    }
    if (input.endDate < membership.start_date) {
      return refuse('endDate', 'The end date must be on or after the day the membership started');
    }
    await trx
      .updateTable('memberships')
      .set({ end_date: input.endDate, end_reason: input.reason })
      .where('id', '=', membershipId)
      .execute();
    await recordAudit(trx, {
      ...auditActor(actor),
      entity: 'membership',
      entityId: membershipId,
      action: 'ended',
      before: { end_date: membership.end_date, end_reason: membership.end_reason },
      after: { end_date: input.endDate, end_reason: input.reason },
    });
    return { ok: true, value: undefined };
  });
}

/**
 * Move a councillor from their political group to another: the old membership ends the day
 * before the new one starts, in one transaction, so they are never in two groups or none.
 * A leader or whip moves as an ordinary member: the new group chooses its own officers.
 */
export async function moveGroup(
  db: Db,
  personId: number,
  input: { groupId: number; startDate: string },
  actor: Actor,
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const person = await personAuthority(trx, personId);
    if (!person) return refuse('groupId', 'That person no longer exists');
    const current = await lockCurrentGroupMembership(trx, personId);
    if (!current)
      return refuse('groupId', 'They are not in a political group: add a membership instead');
    const group = await trx
      .selectFrom('organisations')
      .select(['id', 'name'])
      .where('id', '=', input.groupId)
      .where('authority_id', '=', person.authority_id)
      .where('classification', '=', 'political-group')
      .executeTakeFirst();
    if (!group) return refuse('groupId', 'Select a political group');
    if (group.id === current.organisation_id)
      return refuse('groupId', `They are already in ${group.name}`);
    if (input.startDate <= current.start_date) {
      return refuse('startDate', `The move must be after they joined ${current.name}`);
    }
    const endDate = dayBefore(input.startDate);
    const reason = `Moved to ${group.name}`;
    await trx
      .updateTable('memberships')
      .set({ end_date: endDate, end_reason: reason })
      .where('id', '=', current.id)
      .execute();
    const created = await trx
      .insertInto('memberships')
      .values({
        person_id: personId,
        organisation_id: group.id,
        role: 'member',
        start_date: input.startDate,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      ...auditActor(actor),
      entity: 'membership',
      entityId: current.id,
      action: 'ended',
      before: { end_date: null },
      after: { end_date: endDate, end_reason: reason },
    });
    await recordAudit(trx, {
      ...auditActor(actor),
      entity: 'membership',
      entityId: created.id,
      action: 'created',
      after: {
        person_id: personId,
        organisation: group.name,
        role: 'member',
        start_date: input.startDate,
      },
    });
    return { ok: true, value: undefined };
  });
}
