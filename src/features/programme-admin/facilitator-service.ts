import type { Db } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { done, refuse, type Actor, type Outcome } from '../../platform/outcome.js';
import { listPossibleFacilitators, lockSession } from './repository.js';

/** Add a facilitator (a facilitator, officer or member of the council) to a session. */
export async function addFacilitator(
  db: Db,
  session: { id: number; authorityId: number },
  input: { personId: number; role: string },
  actor: Actor,
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockSession(trx, session.id);
    if (!locked) return refuse('personId', 'That session no longer exists');
    if (locked.status === 'cancelled')
      return refuse('personId', 'The session is cancelled, so nobody can be added');
    const people = await listPossibleFacilitators(trx, session.authorityId);
    if (!people.some((p) => p.id === input.personId))
      return refuse('personId', 'Select a facilitator, officer or member of the council');
    const inserted = await trx
      .insertInto('session_facilitators')
      .values({ session_id: session.id, person_id: input.personId, role: input.role })
      .onConflict((oc) => oc.doNothing())
      .returning('person_id')
      .executeTakeFirst();
    if (!inserted) return refuse('personId', 'That person already facilitates this session');
    await recordAudit(trx, {
      ...actor,
      entity: 'training-session',
      entityId: session.id,
      action: 'facilitator-added',
      after: { person_id: input.personId, role: input.role },
    });
    return done(undefined);
  });
}

export async function removeFacilitator(
  db: Db,
  sessionId: number,
  personId: number,
  actor: Actor,
): Promise<Outcome> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('session_facilitators')
      .where('session_id', '=', sessionId)
      .where('person_id', '=', personId)
      .returning(['person_id', 'role'])
      .executeTakeFirst();
    if (!removed) return refuse('personId', 'That person does not facilitate this session');
    await recordAudit(trx, {
      ...actor,
      entity: 'training-session',
      entityId: sessionId,
      action: 'facilitator-removed',
      before: { person_id: removed.person_id, role: removed.role },
    });
    return done(undefined);
  });
}
